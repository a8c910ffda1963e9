import {
  fixedLength,
  matchParts,
  PLACEHOLDER,
  placeholderNames,
  templateParts,
} from "../entry/message-templates.ts";
import { readPaste } from "./paste.ts";

/**
 * "Your error": the reader's own error line, matched against one entry's
 * templates, with each placeholder's value found and named, and the
 * template's explaining sentence filled in with those values. Runs in the
 * browser, on the entry page, with what the reader pasted into search.
 */

/** What an entry page gives its "Your error" box. */
export interface EntryTemplates {
  /** The class a message must follow for a bare template (`KeyError: '{key}'`) to count. */
  className?: string;
  templates: { template: string; explain?: string }[];
}

/** The reader's line, cut into fixed text and named values. */
export type LinePiece = { text: string; placeholder?: string };

export interface ExplainedError {
  template: string;
  /** The whole line the template matched in, in pieces. */
  pieces: LinePiece[];
  /** Each placeholder's value in the reader's line. */
  values: Record<string, string>;
  /** The template's sentence with the reader's values, when the entry gives one. */
  explanation?: LinePiece[];
}

/** A template with this little fixed text only counts right after the entry's class. */
const SPECIFIC = 4;

/** Finds the reader's error among the entry's templates, or undefined when none matches. */
export function explainPaste(pasted: string, entry: EntryTemplates): ExplainedError | undefined {
  const paste = readPaste(pasted);
  // The error that counts is the last of a Python traceback, the first of anything else.
  const ordered = paste.language === "python" ? [...paste.lines].reverse() : paste.lines;
  let best: { score: number; explained: ExplainedError } | undefined;
  for (const { template, explain } of entry.templates) {
    const parts = templateParts(template);
    const fixed = fixedLength(template);
    const names = placeholderNames(template);
    for (const [rank, line] of ordered.entries()) {
      for (const start of line.starts) {
        const afterClass = start.label !== undefined && start.label === entry.className;
        if (fixed < SPECIFIC + 2 && !afterClass) continue;
        const match = matchParts(parts, line.text, start.at, false);
        if (!match) continue;
        const score = fixed + (afterClass ? 50 : 0) + (match.whole ? 10 : 0) - rank;
        if (best && best.score >= score) continue;
        const values = Object.fromEntries(
          names.map((name, i) => [name, line.text.slice(...(match.values[i] ?? [0, 0]))]),
        );
        best = {
          score,
          explained: {
            template,
            pieces: pieces(line.text, match.values, names),
            values,
            ...(explain ? { explanation: fill(explain, values) } : {}),
          },
        };
      }
    }
  }
  return best?.explained;
}

function pieces(text: string, spans: [number, number][], names: string[]): LinePiece[] {
  const out: LinePiece[] = [];
  let at = 0;
  spans.forEach(([start, end], i) => {
    if (start > at) out.push({ text: text.slice(at, start) });
    out.push({ text: text.slice(start, end), placeholder: names[i]! });
    at = end;
  });
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** A sentence with `{name}` replaced by the reader's value, as pieces. */
function fill(sentence: string, values: Record<string, string>): LinePiece[] {
  const out: LinePiece[] = [];
  let at = 0;
  for (const match of sentence.matchAll(PLACEHOLDER)) {
    if (match.index > at) out.push({ text: sentence.slice(at, match.index) });
    const name = match[0].slice(1, -1);
    out.push({ text: values[name] ?? match[0], placeholder: name });
    at = match.index + match[0].length;
  }
  if (at < sentence.length) out.push({ text: sentence.slice(at) });
  return out;
}

/**
 * File paths: absolute (`/home/…`, `C:\\…`, `\\\\server\\…`, `~/…`, `./…`) or
 * relative with at least three parts (`src/app/db.ts`), starting where a
 * word starts, so `and/or` and `node:net` are kept.
 */
const PATH =
  /(?<![\w@.+~-])(?:(?:[A-Za-z]:|~|\.{1,2})?[\\/]{1,2}[\w@.+~-]+(?:[\\/][\w@.+~ -]*[\w@.+~-])*[\\/]?|[\w@.+~-]+(?:[\\/][\w@.+~-]+){2,}[\\/]?)/g;

/**
 * Host names: dotted names that end in a top-level domain people use for
 * servers, so that `user.name` or `self.config` in a message is kept.
 */
const HOST =
  /\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|net|org|io|dev|app|cloud|ai|co|local|localdomain|internal|intranet|corp|lan|home|svc|cluster|us|uk|de|fr|nl|cn|jp|ru|br|in|au|ca|eu)\b(?!\()/gi;

/**
 * The text with file paths, URLs, host names and IP addresses left out,
 * for what a reader shares: `open '/home/ana/app/.env'` → `open '<path>'`.
 */
export function redact(text: string): string {
  return text
    .replace(/\b[a-z][\w+.-]*:\/\/[^\s'"<>)]+/gi, "<url>")
    .replace(/\[[0-9a-f]*:[0-9a-f:.]+\](?::\d+)?|\b(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{1,4}\b/gi, "<ip>")
    .replace(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g, "<ip>")
    .replace(PATH, "<path>")
    .replace(HOST, "<host>");
}
