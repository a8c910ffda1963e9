/**
 * Reads whatever a user pasted (a traceback, a stack, a tsc line, a log
 * excerpt, a JSON log record, an `npm ERR!` block, a bare message or
 * number) into the evidence search weighs: the lines worth matching
 * templates against, the class names, codes and errno numbers mentioned
 * anywhere, and which runtime printed it. Nothing here knows the
 * catalogue: `exact-hits.ts` weighs this evidence against it.
 *
 * No layout is required. Log prefixes, wrappers, reprs and quoted or JSON
 * strings are read as they come: every line is a candidate, and so is
 * every quoted string in it. Work is bounded whatever the size of the
 * paste: a long paste keeps its head, its tail and the lines in between
 * that carry an identifier, and each line is cut to a fixed length.
 */
import { WORD } from "./template-anchors.ts";

export type PasteLanguage = "python" | "node" | "typescript";

/** A line of the paste (or a string quoted in one), ready for matching. */
export interface PasteLine {
  /** Its place in the paste: lines quoted inside one share that line's place. */
  index: number;
  text: string;
  lower: string;
  /** Its words, lowercased (maximal runs of letters and digits). */
  words: Set<string>;
  /**
   * Offsets where a message may begin: the line's start, after each `: `
   * and after an opening quote, bracket or parenthesis. Each has the class
   * or code written just before it, if any (`KeyError: 'x'`).
   */
  starts: { at: number; label?: string }[];
}

/** A class name, code or errno number found in the paste. */
export interface Mention {
  kind: "class" | "code" | "errno";
  /** A class as written, last dotted part (`JSONDecodeError`), a code upper-cased, or a number. */
  value: string;
  /** A class written with its module, in full as written: `http.client.RemoteDisconnected`. */
  qualified?: string;
  line: number;
  /**
   * How it was written: `header` starts an error's own line (`KeyError: …`,
   * `error TS2345:`, `code: 'ENOENT'`), `repr` is a constructor call or
   * repr (`OSError(24, …)`), `text` is anywhere else.
   */
  at: "header" | "repr" | "text";
  /** For errno numbers: how the number reads (`errno: -4058` is libuv's Windows number). */
  system?: "linux" | "windows" | "libuv" | "any";
  /** For errno numbers: the runtime whose format it is written in (`[Errno 2]` is Python's). */
  format?: PasteLanguage;
}

export interface Paste {
  /**
   * Where a Node.js error's `cause` starts (`[cause]: …`, a `cause` line or
   * field): the real error of a wrapper such as `TypeError: fetch failed`.
   */
  causeAt?: number;
  /** The paste as one line of text, for name lookups (`econnrefused`, `key error`). */
  whole: string;
  lines: PasteLine[];
  mentions: Mention[];
  /** How many lines the paste had, after cleaning. */
  lineCount: number;
  /** Which runtime printed it, if the paste says (stack frames, tsc's format, a traceback). */
  language?: PasteLanguage;
  /** The paste is nothing but an error number (`111`, `[Errno 111]`, `WinError 10061`, `-4058`). */
  number?: { value: number; system: "linux" | "windows" | "libuv" | "any" };
  /** A short label for what it looked like, for test and benchmark tallies. */
  form: string;
}

/** Past this, a paste keeps its first and last parts and the marked lines between them. */
const HEAD_LINES = 40;
const TAIL_LINES = 120;
const MARKED_LINES = 200;
/** A line longer than this is cut: no error message is that long. */
const MAX_LINE = 2_000;
/** Quoted strings read from one line, at most. */
const MAX_QUOTED = 12;

// eslint-disable-next-line no-control-regex -- ANSI colour codes and control characters are the point
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

const CLASS_SUFFIX =
  /(?:Error|Exception|Warning|Exit|Interrupt|Iteration|Expired|Group|Failure|Disconnected)$/;
/**
 * Codes: Node.js `ERR_*`, undici's `UND_ERR_*`, errno-style `E*`, resolver
 * `EAI_*`, OpenSSL's certificate codes on TLS errors, TypeScript `TS1234`.
 */
const CODE =
  /^(?:ERR_[A-Z0-9_]+|MODULE_NOT_FOUND|UND_ERR_[A-Z0-9_]+|EAI_[A-Z]+|E[A-Z][A-Z0-9]{1,15}|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|CERT_[A-Z_]+|UNABLE_TO_[A-Z_]+|TS\d{3,5})$/;
/** Words that look like codes but never are. */
const NOT_CODES = new Set(["ERROR", "ERR", "EOF", "ENV", "EXIT", "END", "EST", "EDT", "EUR", "ETA", "EVENT"]);
/** A run that may be a dotted class or code name. */
const TOKEN = /[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*/g;

/**
 * Error numbers as runtimes and tools print them, with the system each
 * form's number is from and the runtime whose format it is.
 */
const ERRNO_PATTERNS: [RegExp, NonNullable<Mention["system"]>, PasteLanguage | undefined][] = [
  // Python: `[Errno 111]`, Windows' `[WinError 10061]`, and an OSError repr
  // `ConnectionResetError(104, '…')` (Python 2's socket errors: `error(32, 'Broken pipe')`).
  [/\[Errno (-?\d+)\]/g, "any", "python"],
  [/\[WinError (-?\d+)\]/g, "windows", "python"],
  [/\b(?:[A-Za-z]\w*)?(?:Error|error)\((\d+), ['"]/g, "any", "python"],
  // Node.js: `errno: -111`, `"errno":-4078` (libuv's Windows numbers are -3000 and below).
  [/\berrno["']?\s*[:=]\s*(-?\d+)/gi, "any", "node"],
  [/(?<!\[)\berrno (-?\d+)\b/gi, "any", undefined],
  // nginx and C programs: `connect() failed (111: Connection refused)`.
  [/\((\d+): [A-Z][a-z]/g, "linux", undefined],
];
const CODE_FIELD = /\bcode["']?\s*[:=]\s*["']?([A-Z][A-Z0-9_]+)/g;

const LANGUAGE_MARKS: [PasteLanguage, RegExp][] = [
  [
    "python",
    /^Traceback \(most recent call last\)|^\s*File "(?:[^"]+\.py|<(?!anonymous)[^"]+>)", line \d+|^E {3}|^-{3,}> \d+|\[(?:Errno|WinError) -?\d+\]/,
  ],
  [
    "node",
    /^\s*at (?:async )?[^ ]+ \(.+:\d+:\d+\)$|^\s*at .+:\d+:\d+\)?(?: \{)?$|\bnode:[a-z_/]+:\d+|\bnpm (?:ERR!|error)\b|^Node\.js v\d+|node_modules[\\/]|\.m?js:\d+|File "[^"]+\.m?js"/,
  ],
  ["typescript", /\bTS\d{4,5}\b|\bts\(\d{4,5}\)|\.tsx?\(\d+,\d+\)/],
];

function cleanLine(line: string): string {
  const cut = line.length > MAX_LINE ? line.slice(0, MAX_LINE) : line;
  return (
    cut
      .replace(ANSI, "")
      .replace(CONTROL, " ")
      // Python 2 wrote text reprs as u'…': Python 3's templates quote them as '…'.
      .replace(/(^|[\s:([,=])u(['"])/g, "$1$2")
      .trim()
  );
}

/**
 * The lines kept from a paste, with their offsets: all of a short paste;
 * of a long one the head (a Node.js error comes first), the tail (a Python
 * traceback's final exception comes last) and, between them, the first
 * and last lines that look like they carry an error. A long paste is read
 * by offsets, never split whole: a 1 MB log would otherwise become tens of
 * thousands of strings for the garbage collector to chase.
 */
function keptLines(input: string): { line: string; index: number }[] {
  const lineAt = (start: number) => {
    const end = input.indexOf("\n", start);
    return { line: input.slice(start, end === -1 ? input.length : end).replace(/\r$/, ""), index: start };
  };
  // Offsets where the first HEAD_LINES lines start, and the last TAIL_LINES.
  const head: number[] = [];
  for (let at = 0; head.length < HEAD_LINES && at <= input.length;) {
    head.push(at);
    const next = input.indexOf("\n", at);
    if (next === -1) break;
    at = next + 1;
  }
  const headEnd = head.length < HEAD_LINES ? input.length + 1 : (head.at(-1) ?? 0);
  const tail: number[] = [];
  for (let end = input.length; tail.length < TAIL_LINES;) {
    const start = input.lastIndexOf("\n", end - 1) + 1;
    if (start <= headEnd) break;
    tail.unshift(start);
    if (start === 0) break;
    end = start - 1;
  }
  const middleEnd = tail[0] ?? input.length;
  const marked = /Error|Exception|ERR|Errno|errno|error|TS\d|\bE[A-Z]{3,}/g;
  const middle: number[] = [];
  marked.lastIndex = headEnd;
  for (let match = marked.exec(input); match && match.index < middleEnd; match = marked.exec(input)) {
    const start = input.lastIndexOf("\n", match.index) + 1;
    middle.push(start);
    const end = input.indexOf("\n", match.index);
    if (end === -1) break;
    marked.lastIndex = end + 1;
  }
  // Errors repeat in logs: of the marked lines, the first and the last ones.
  const half = MARKED_LINES / 2;
  const chosen = middle.length > MARKED_LINES ? [...middle.slice(0, half), ...middle.slice(-half)] : middle;
  return [...head, ...chosen, ...tail].map(lineAt);
}

/** Strings quoted in a line: `'…'` and `"…"` (JSON strings unescaped, so an embedded stack splits into lines). */
function quotedStrings(line: string): string[] {
  const found: string[] = [];
  for (const match of line.matchAll(/"((?:[^"\\]|\\.){3,})"|'((?:[^'\\]|\\.){3,})'/g)) {
    if (found.length >= MAX_QUOTED) break;
    const double = match[1];
    if (double !== undefined) {
      let text = double;
      try {
        text = JSON.parse(`"${double}"`) as string;
      } catch {
        // Not JSON: keep it as written.
      }
      found.push(...text.split("\n"));
    } else if (match[2] !== undefined) {
      found.push(match[2].replace(/\\'/g, "'"));
    }
  }
  return found;
}

/** How many places in one line a message may start at, at most. */
const MAX_STARTS = 64;

function messageStarts(text: string): PasteLine["starts"] {
  const starts: PasteLine["starts"] = [];
  // After `SomeError: ` or `ERR_CODE]: `, a message starts whose class or code that is.
  const labels = new Map<number, string>();
  for (const match of text.matchAll(/([A-Za-z_$][\w$]*)\]?:\s+/g)) {
    const label = match[1]!;
    if (CLASS_SUFFIX.test(label) || CODE.test(label)) labels.set(match.index + match[0].length, label);
  }
  // A dotted class opening the line is one however it is spelled (`socket.gaierror: …`).
  const dotted = /^\s*[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*\.([A-Za-z_]\w*):\s+/.exec(text);
  if (dotted) labels.set(dotted[0].length, dotted[1]!);
  // Any word may start one: a message can follow any prefix a log or tool puts before it.
  for (const match of text.matchAll(/(?:^|[^\w\s])\s*(?=[^\s])|(?<=\s)(?=[^\s])/g)) {
    if (starts.length >= MAX_STARTS) break;
    const at = match.index + match[0].length;
    if (at >= text.length || starts.at(-1)?.at === at) continue;
    const label = labels.get(at);
    starts.push(label ? { at, label } : { at });
  }
  return starts;
}

function toPasteLine(text: string, index: number): PasteLine {
  const lower = text.toLowerCase();
  return { index, text, lower, words: new Set(lower.match(WORD) ?? []), starts: messageStarts(text) };
}

function mentionsIn(text: string, index: number): Mention[] {
  const found: Mention[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    const name = token.slice(token.lastIndexOf(".") + 1);
    const after = text.slice(match.index + token.length, match.index + token.length + 2);
    // A dotted name that opens a line before `: ` is the class of a
    // traceback's last line, however it is spelled (`socket.gaierror:`,
    // `ftplib.error_perm:`).
    const isClass =
      (CLASS_SUFFIX.test(name) && /^[A-Z]/.test(name)) ||
      (name !== token && /^:\s/.test(after) && text.slice(0, match.index).trim() === "");
    if (!isClass && !CODE.test(name)) continue;
    // What stands just before it: a bounded window, so a long line costs no more per token.
    const before = text.slice(Math.max(0, match.index - 40), match.index).trimEnd();
    if (isClass) {
      const header =
        /^:(?:\s|$)|^$/.test(after) || after.startsWith(" [") || (after === "" && match.index < 40);
      found.push({
        kind: "class",
        value: name,
        ...(name !== token ? { qualified: token } : {}),
        line: index,
        at: header ? "header" : after[0] === "(" ? "repr" : "text",
      });
    } else if (!NOT_CODES.has(name) && name === token) {
      // A TS code is one wherever it stands (`TS2322:`, `(TS2322)`, `… TS2322`).
      const header =
        name.startsWith("TS") ||
        /^[:\]]/.test(after) ||
        /(?:\[|error |code["']?\s*[:=]\s*["']?)$/.test(before);
      found.push({ kind: "code", value: name, line: index, at: header ? "header" : "text" });
    }
  }
  for (const match of text.matchAll(CODE_FIELD)) {
    const code = match[1]!;
    if (CODE.test(code) && !NOT_CODES.has(code))
      found.push({ kind: "code", value: code, line: index, at: "header" });
  }
  for (const match of text.matchAll(/\bts\((\d{3,5})\)/g)) {
    found.push({ kind: "code", value: `TS${match[1]}`, line: index, at: "header" });
  }
  for (const [pattern, system, format] of ERRNO_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const n = Number(match[1]);
      // Node.js prints libuv's (negative) numbers; on Windows those are -3000 and below.
      const reading = n <= -3000 ? "libuv" : system;
      found.push({
        kind: "errno",
        value: String(Math.abs(n)),
        line: index,
        at: "header",
        system: reading,
        ...(format ? { format } : {}),
      });
    }
  }
  return found;
}

/** Where a wrapped error's cause is printed: `[cause]: Error: …`, `cause: {`, `"cause": {`, or `cause` alone. */
const CAUSE = /\[cause\]:|^cause:?\s*(?:\{|\[|$)|"cause"\s*:|\bcause:\s*(?:\[?[A-Z]\w*Error|\{)/;

const NUMBER_FORMS = /^(?:\[?(errno|winerror)\s*(-?\d+)\]?|(-?\d+))$/i;

function detectLanguage(lines: readonly string[]): PasteLanguage | undefined {
  const score = new Map<PasteLanguage, number>();
  for (const line of lines) {
    for (const [language, pattern] of LANGUAGE_MARKS) {
      if (pattern.test(line)) score.set(language, (score.get(language) ?? 0) + 1);
    }
  }
  // tsc output names .ts files, which a Node.js stack may too: a TS code decides.
  if (score.get("typescript")) return "typescript";
  const ranked = [...score].sort((a, b) => b[1] - a[1]);
  return ranked[0]?.[0];
}

function formOf(paste: Omit<Paste, "form">, raw: string): string {
  if (paste.number) return "number";
  if (/^Traceback \(most recent call last\)/m.test(raw)) return "python-traceback";
  if (/^E {3}/m.test(raw)) return "pytest";
  if (paste.language === "typescript") return "tsc";
  if (/^\s*[{[]/.test(raw) && /"\w+"\s*:/.test(raw)) return "json-log";
  if (/^\s*(?:\d{4}-\d\d-\d\d|\[\d{4}-|\w{3} +\d+ \d\d:)|^[\w.-]+(?:[-_]\d+)?\s+\|/m.test(raw)) return "log";
  if (/^Uncaught /m.test(raw)) return "console";
  if (paste.language === "node") return "node-stack";
  if (paste.language === "python") return "python-traceback";
  return paste.lineCount > 1 ? "text" : "line";
}

/** Reads a paste into the evidence search weighs. */
export function readPaste(input: string): Paste {
  const kept = keptLines(input).map(({ line, index }) => ({ text: cleanLine(line), index }));
  const nonEmpty = kept.filter((line) => line.text !== "");
  const lines: PasteLine[] = [];
  const mentions: Mention[] = [];
  for (const { text, index } of nonEmpty) {
    lines.push(toPasteLine(text, index));
    mentions.push(...mentionsIn(text, index));
    for (const quoted of quotedStrings(text)) {
      const inner = cleanLine(quoted);
      if (inner.length < 3) continue;
      lines.push(toPasteLine(inner, index));
      mentions.push(...mentionsIn(inner, index));
    }
  }
  const whole = nonEmpty
    .map((line) => line.text)
    .join(" ")
    .slice(0, 200)
    .trim();
  const numberForm = NUMBER_FORMS.exec(whole.replace(/\s+/g, " "));
  const value = numberForm ? Number(numberForm[2] ?? numberForm[3]) : undefined;
  const number =
    value === undefined
      ? undefined
      : {
          value: Math.abs(value),
          system: (value <= -3000
            ? "libuv"
            : /winerror/i.test(numberForm?.[1] ?? "")
              ? "windows"
              : "any") as NonNullable<Paste["number"]>["system"],
        };
  const language = detectLanguage(nonEmpty.map((line) => line.text));
  const causeAt = nonEmpty.find((line) => CAUSE.test(line.text))?.index;
  const paste = {
    whole,
    lines,
    mentions,
    lineCount: nonEmpty.length,
    ...(language ? { language } : {}),
    ...(number ? { number } : {}),
    ...(causeAt !== undefined ? { causeAt } : {}),
  };
  return { ...paste, form: formOf(paste, kept.map((line) => line.text).join("\n")) };
}

/** Whether the paste reads bottom-up: a Python traceback's own error is its last. */
export function readsBottomUp(paste: Pick<Paste, "language" | "form">): boolean {
  return paste.language === "python" || paste.form === "pytest";
}

/**
 * Where the paste's own error is written: the last heading line of a Python
 * traceback, the first of anything else, and after a wrapper's `cause`, the
 * cause's. A line a class or code heads counts before one only an errno
 * heads. Undefined when no line heads an error. Search weighs evidence on
 * this line most, and full-text search takes its words from it.
 */
export function errorLineOf(paste: Paste): number | undefined {
  const bottomUp = readsBottomUp(paste);
  const cause = bottomUp ? undefined : paste.causeAt;
  const headed = (kinds: Mention["kind"][]) =>
    paste.mentions
      .filter((m) => m.at === "header" && kinds.includes(m.kind) && (cause === undefined || m.line >= cause))
      .map((m) => m.line);
  const named = headed(["class", "code"]);
  const lines = named.length > 0 ? named : headed(["errno"]);
  if (lines.length === 0) return undefined;
  return bottomUp ? Math.max(...lines) : Math.min(...lines);
}
