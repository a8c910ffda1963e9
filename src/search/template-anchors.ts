import { PLACEHOLDER } from "../entry/message-templates.ts";

/** Words as search sees them: maximal runs of lowercase letters and digits. */
export const WORD = /[a-z0-9]+/g;

/**
 * The words of a template that any message it matches must contain whole:
 * the words of its fixed text that touch no placeholder (a word next to a
 * placeholder could run on into the user's value), on its first line. Search files a template
 * under its rarest such word (lookup-shards.ts) and tries it only on lines
 * that hold them all (exact-hits.ts).
 */
export function anchorCandidates(template: string): string[] {
  // A multi-line template is matched by its first line (exact-hits.ts), so
  // only that line's words may be required of a paste.
  const firstLine = template.split("\n")[0] ?? "";
  const segments = firstLine.toLowerCase().split(PLACEHOLDER);
  const words: string[] = [];
  segments.forEach((segment, index) => {
    for (const match of segment.matchAll(WORD)) {
      const start = match.index;
      const end = start + match[0].length;
      const clearBefore = start > 0 || index === 0;
      const clearAfter = end < segment.length || index === segments.length - 1;
      if (clearBefore && clearAfter) words.push(match[0]);
    }
  });
  return words;
}
