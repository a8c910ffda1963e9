/**
 * Message templates are messages exactly as a runtime prints them, with
 * `{placeholders}` where the user's own values go:
 * `No module named '{module}'`. This module is the one definition of what a
 * placeholder is and what it matches: the verifier matches real output
 * against templates with it, and search matches pasted messages.
 */

/** A placeholder: `{name}`, a letter or `_` then letters, digits, `_` or `-`. */
export const PLACEHOLDER = /\{[A-Za-z_][\w-]*\}/g;

/**
 * The `{…}` spans of a template that are not placeholders (`{0}`, `{ }`,
 * `{two words}`): a template may not hold them, so that what looks like a
 * placeholder always is one, for the schema, the verifier and search alike.
 */
export function notPlaceholders(template: string): string[] {
  return (template.match(/\{[^{}]*\}/g) ?? []).filter(
    (span) => !new RegExp(`^${PLACEHOLDER.source}$`).test(span),
  );
}

/** The names of a template's placeholders, in order: `'{key}'` → `["key"]`. */
export function placeholderNames(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[0].slice(1, -1));
}

/** A template's fixed text around its placeholders: n placeholders give n + 1 parts. */
export function templateParts(template: string): string[] {
  return template.split(PLACEHOLDER);
}

/** How many characters of a template are fixed text, not placeholders. */
export function fixedLength(template: string): number {
  return templateParts(template).join("").length;
}

/** Where a template matched in a text: the span, and whether it ran to the text's end. */
export interface TemplateMatch {
  start: number;
  end: number;
  /** The match ends where the text ends (for a template ending in a placeholder, always). */
  whole: boolean;
  /** Where each placeholder's value is: `[start, end)` in the text, in order. */
  values: [number, number][];
}

/**
 * Matches `parts` (a template's {@link templateParts}) in `text` from
 * `start`. Each placeholder takes at least one character. With `toEnd`, the
 * match must end where the text ends; without it, the template may match a
 * prefix of `text[start:]`.
 *
 * Hand-written because a RegExp with a lazy group per placeholder
 * backtracks: 20 KB of a template's own fixed words against a
 * four-placeholder template took half a second. Placing each fixed part at
 * its leftmost occurrence after the previous one is enough to decide a
 * match (a later placement only leaves less room for the parts after it),
 * so this runs in one pass over the text.
 */
export function matchParts(
  parts: readonly string[],
  text: string,
  start = 0,
  toEnd = true,
): TemplateMatch | undefined {
  const first = parts[0] ?? "";
  if (!text.startsWith(first, start)) return undefined;
  let at = start + first.length;
  if (parts.length === 1) {
    return !toEnd || at === text.length
      ? { start, end: at, whole: at === text.length, values: [] }
      : undefined;
  }
  const values: [number, number][] = [];
  for (let i = 1; i < parts.length - 1; i++) {
    const part = parts[i]!;
    const found = text.indexOf(part, at + 1);
    if (found === -1) return undefined;
    values.push([at, found]);
    at = found + part.length;
  }
  const last = parts.at(-1)!;
  if (last === "") {
    // A trailing placeholder takes the rest of the text.
    if (at >= text.length) return undefined;
    values.push([at, text.length]);
    return { start, end: text.length, whole: true, values };
  }
  if (toEnd) {
    const end = text.length - last.length;
    if (end <= at || !text.endsWith(last)) return undefined;
    values.push([at, end]);
    return { start, end: text.length, whole: true, values };
  }
  const found = text.indexOf(last, at + 1);
  if (found === -1) return undefined;
  values.push([at, found]);
  const end = found + last.length;
  return { start, end, whole: end === text.length, values };
}

/** Whether `message` is exactly what `template` describes. */
export function matchesTemplate(template: string, message: string): boolean {
  return matchParts(templateParts(template), message) !== undefined;
}

/** The first template that `message` matches, or undefined. */
export function matchingTemplate(message: string, templates: readonly string[]): string | undefined {
  return templates.find((template) => matchesTemplate(template, message));
}
