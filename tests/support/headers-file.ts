import { readFileSync } from "node:fs";

/** One block of a `_headers` file: a path pattern and its headers. */
export interface HeaderRule {
  pattern: string;
  matches(path: string): boolean;
  headers: [string, string][];
}

/**
 * Parses a Netlify / Cloudflare Pages `_headers` file: a path line, then
 * indented `Name: value` lines; `*` matches any characters.
 */
export function readHeadersFile(file: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const pattern = line.trim();
      const regex = new RegExp(
        `^${pattern
          .split("*")
          .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
          .join(".*")}$`,
      );
      rules.push({ pattern, matches: (path) => regex.test(path), headers: [] });
    } else {
      const at = line.indexOf(":");
      rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

/** The headers a path gets: every matching rule's, values of one name joined as hosts join them. */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const rule of rules.filter((r) => r.matches(path))) {
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      result[key] = result[key] ? `${result[key]}, ${value}` : value;
    }
  }
  return result;
}
