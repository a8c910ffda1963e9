import { Parser } from "htmlparser2";

/**
 * What is wrong with a page's Content-Security-Policy: it must have exactly
 * one `<meta http-equiv="content-security-policy">` in its `<head>`, and the
 * policy that governs scripts (`script-src`, else `default-src`) must not
 * allow inline or eval'd script, nor the one for styles inline style (code
 * is coloured by classes). Returns the problems, none when it is right.
 */
export function cspProblems(html: string): string[] {
  const policies: string[] = [];
  let inHead = false;
  let outsideHead = 0;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === "head") inHead = true;
      if (name === "meta" && attributes["http-equiv"]?.toLowerCase() === "content-security-policy") {
        if (inHead) policies.push(attributes["content"] ?? "");
        else outsideHead++;
      }
    },
    onclosetag(name) {
      if (name === "head") inHead = false;
    },
  });
  parser.write(html);
  parser.end();

  const problems: string[] = [];
  if (outsideHead > 0) problems.push("a CSP <meta> outside <head> has no effect");
  if (policies.length !== 1) {
    problems.push(`expected one CSP <meta> in <head>, found ${policies.length}`);
    if (policies.length === 0) return problems;
  }
  // The first occurrence of a directive counts; browsers ignore repeats.
  const directives = new Map<string, string[]>();
  for (const part of (policies[0] ?? "").split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), values);
  }
  const scripts = directives.get("script-src") ?? directives.get("default-src");
  if (!scripts) problems.push("no script-src or default-src: any script may run");
  for (const value of ["'unsafe-inline'", "'unsafe-eval'", "*", "data:"]) {
    if (scripts?.includes(value)) problems.push(`script-src allows ${value}`);
  }
  const styles = directives.get("style-src") ?? directives.get("default-src");
  if (!styles) problems.push("no style-src or default-src: any style may apply");
  if (styles?.includes("'unsafe-inline'")) problems.push("style-src allows 'unsafe-inline'");
  return problems;
}
