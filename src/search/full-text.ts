import { errorLineOf, type Paste, type PasteLine } from "./paste.ts";

/**
 * What full-text search (Pagefind) is asked for a paste: the words that
 * identify the error, taken from the paste's own error line, without the
 * user's values (quoted names, paths, URLs, numbers, addresses). Pagefind
 * wants every word it is given, so a long paste is never sent whole; and
 * when even these words find nothing together, search-client.ts asks again
 * with fewer of them.
 */

/** Pagefind is given at most this many words. */
const MAX_TERMS = 8;

const CODE_LIKE = /^(?:TS\d+|ERR_\w+|E[A-Z0-9_]{2,})$/;

const STOP_WORDS = new Set(
  "uncaught error the and for with from that this was were are but not into onto has have had its it's you your our their of to in on at by as is be or an a".split(
    " ",
  ),
);

// Values a user's error carries that no page has: quoted strings, paths,
// URLs, addresses, hex, numbers, timestamps.
const VALUES = [
  /'[^']*'|"[^"]*"|`[^`]*`|‘[^’]*’|“[^”]*”/g,
  /\b[a-z][\w+.-]*:\/\/\S+/gi,
  /(?:[A-Za-z]:)?(?:[\\/][\w@.~ -]+){2,}[\\/]?|\.{0,2}\/[\w@.-]+/g,
  /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b|\[[0-9a-f:]+\](?::\d+)?/gi,
  /\b0x[0-9a-f]+\b/gi,
  /\b\d[\d:.,T-]*\b/g,
];

/** The line that says what the error is: the one its class or code heads, else the likeliest. */
function errorLine(paste: Paste): PasteLine | undefined {
  const at = errorLineOf(paste);
  if (at !== undefined) return paste.lines.find((line) => line.index === at);
  const errorish = paste.lines.filter((line) =>
    /error|fail|exception|refused|denied|cannot|invalid/i.test(line.text),
  );
  const chosen = paste.language === "python" ? errorish.at(-1) : errorish[0];
  return chosen ?? paste.lines.at(paste.language === "python" ? -1 : 0);
}

/** The words to give full-text search for a paste, most identifying first, at most {@link MAX_TERMS}. */
export function fullTextTerms(paste: Paste): string[] {
  const line = paste.lineCount <= 1 ? paste.whole : (errorLine(paste)?.text ?? paste.whole);
  let text = line;
  for (const pattern of VALUES) text = text.replace(pattern, " ");
  const words = text.match(/[A-Za-z][A-Za-z0-9_]*[A-Za-z0-9]|[A-Za-z]{2}/g) ?? [];
  const terms: string[] = [];
  const seen = new Set<string>();
  for (const word of words) {
    const lower = word.toLowerCase();
    if (lower.length < 3 && !/^[A-Z]{2}$/.test(word)) continue;
    // A word with a digit is a value (`VM4523`, `v18`), unless it is a code.
    if (/\d/.test(word) && !CODE_LIKE.test(word)) continue;
    if (STOP_WORDS.has(lower) || seen.has(lower)) continue;
    seen.add(lower);
    terms.push(word);
  }
  // Codes and class names first: they are the page titles.
  const rank = (word: string) =>
    CODE_LIKE.test(word) || /^[A-Z]\w*(?:Error|Exception|Warning)$/.test(word) ? 0 : 1;
  const ordered = terms
    .map((word, i) => ({ word, i }))
    .sort((a, b) => rank(a.word) - rank(b.word) || a.i - b.i);
  const chosen = ordered.slice(0, MAX_TERMS).map(({ word }) => word);
  // A paste that reduces to nothing still searches its own first words.
  if (chosen.length === 0) return (paste.whole.match(/[\p{L}\p{N}_]{2,}/gu) ?? []).slice(0, MAX_TERMS);
  return chosen;
}
