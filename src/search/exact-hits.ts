import { fixedLength, matchParts, templateParts } from "../entry/message-templates.ts";
import { anchorCandidates } from "./template-anchors.ts";
import {
  errorLineOf,
  readsBottomUp,
  type Mention,
  type Paste,
  type PasteLanguage,
  type PasteLine,
} from "./paste.ts";

/**
 * Exact answers for a paste: the pages that the evidence in it points to,
 * weighed. Evidence is what `readPaste` found anywhere in the paste (class
 * names, codes, errno numbers) and every message template of the
 * catalogue that matches a line of it, or a string quoted in one. The
 * lookup they are weighed against is built at build time
 * (`/search/lookup/`) and fetched in buckets (lookup-shards.ts).
 *
 * Weights, strongest first: a TypeScript or Node.js code written as one;
 * a matched template (the more fixed text, the stronger, and stronger when
 * the class written before it agrees); an exception's class name; an
 * errno. Evidence on the line that ends a Python traceback, or starts a
 * Node.js stack, counts more than the same evidence elsewhere, and a page
 * of the runtime that printed the paste counts more than another's. So an
 * outer wrapper (`requests.exceptions.ConnectionError: … [Errno 111]
 * Connection refused`) loses to the error it carries, unless a message
 * page's template covers the wrapper's whole line (requests' "Max retries
 * exceeded with url", whose page explains the cause too).
 */

export interface LookupEntry {
  url: string;
  title: string;
  language: string;
  summary: string;
  kind: string;
  code?: string;
  /** The Python class, or a message entry's parent class. */
  className?: string;
  /**
   * Other classes a message entry's repro was verified raising on some
   * version (3.13's idna codec raises UnicodeEncodeError, a UnicodeError):
   * a paste naming one of them is that entry's error too.
   */
  raisedAs?: string[];
  /** Title, code and aliases, lowercased. */
  names: string[];
  templates: string[];
  errno: string[];
}

export interface LookupErrno {
  name: string;
  url: string;
  message: string;
  linux: number;
  macos: number | null;
  winsock?: number;
  crt?: number;
  /** libuv's number on Windows (negative), as Node.js prints it in `errno`. */
  libuv?: number;
  /** The OSError subclass Python raises for it, where it is not plain OSError. */
  python?: string;
}

export interface SearchLookup {
  entries: LookupEntry[];
  errno: LookupErrno[];
}

export interface ExactHit {
  url: string;
  title: string;
  language: string;
  summary: string;
  /** Why this is an answer, shown with the result. */
  why: string;
  /**
   * How sure: at or above {@link CONFIDENT} the evidence names this page;
   * below it (a class name several runtimes share, an errno named in
   * passing) full-text results come first.
   */
  score: number;
}

/** The score from which an exact answer goes before full-text results. */
export const CONFIDENT = 45;

const LANGUAGE_LABEL: Record<PasteLanguage, string> = {
  python: "Python",
  node: "Node.js",
  typescript: "TypeScript",
};

/**
 * Templates that are almost all placeholder (KeyError's `'{key}'`,
 * StopIteration's `{value}`) would match anything; search skips them and
 * relies on the class name instead.
 */
export function isSpecificTemplate(template: string): boolean {
  return compile(template).specific;
}

interface Compiled {
  parts: string[];
  anchors: string[];
  fixed: number;
  specific: boolean;
}

const compiled = new Map<string, Compiled>();

/** A template ready for matching: lowercased parts (a multi-line one by its first line) and its anchor words. */
function compile(template: string): Compiled {
  let found = compiled.get(template);
  if (!found) {
    const firstLine = template.split("\n")[0]!;
    // A template cut at a line break is matched by its first line, which
    // may end a paste's line or be followed by more on it (matchParts is
    // not held to the line's end here).
    const parts = templateParts(firstLine.toLowerCase());
    found = {
      parts,
      anchors: anchorCandidates(firstLine),
      fixed: fixedLength(firstLine),
      specific:
        templateParts(template)
          .join("")
          .replace(/[^A-Za-z]/g, "").length >= 4,
    };
    compiled.set(template, found);
  }
  return found;
}

/** Lines a template is tried on, at most: a log repeating one error needs one of them. */
const LINES_PER_TEMPLATE = 40;

interface TemplateEvidence {
  score: number;
  line: number;
}

/** The best match of `template` in the paste, scored; undefined when it matches nowhere. */
function templateEvidence(
  template: string,
  entry: LookupEntry,
  lines: readonly PasteLine[],
  weigh: (line: number) => number,
  language: string | undefined,
  knownNames: ReadonlySet<string>,
  linesWith: (word: string) => PasteLine[],
): TemplateEvidence | undefined {
  const { parts, anchors, fixed } = compile(template);
  let best: TemplateEvidence | undefined;
  let tried = 0;
  // Only lines holding the template's anchor words can match: start from
  // the lines of its rarest one.
  const rarest = anchors.reduce<PasteLine[] | undefined>((fewest, word) => {
    const holding = linesWith(word);
    return !fewest || holding.length < fewest.length ? holding : fewest;
  }, undefined);
  for (const line of rarest ?? lines) {
    if (!anchors.every((word) => line.words.has(word))) continue;
    if (++tried > LINES_PER_TEMPLATE) break;
    for (const start of line.starts) {
      // A template that opens with a placeholder (`{expression} is not a
      // function`) starts after the class, not at `TypeError: …`.
      if (parts[0] === "" && parts.length > 1) {
        const next = line.lower.indexOf(parts[1]!, start.at + 1);
        if (next === -1 || line.lower.slice(start.at, next).includes(": ")) continue;
      }
      const match = matchParts(parts, line.lower, start.at, false);
      if (!match) continue;
      // The more of the message is the template's own text, the surer.
      // Past 40 characters, more of it only breaks ties between templates
      // that both match (TS1279's "arguments." over TS1278's "argument.").
      let score =
        25 +
        1.5 * Math.min(fixed, 40) +
        Math.min(5, 0.05 * Math.max(0, fixed - 40)) +
        (match.whole ? 10 : 0) +
        weigh(line.index);
      const label = start.label;
      if (
        label &&
        (entry.code === label ||
          sameClass(entry.className, label) ||
          entry.raisedAs?.some((name) => sameClass(name, label)) ||
          entry.title === label)
      )
        score += 15;
      else if (label && knownNames.has(label) && entry.className !== "Error") score -= 25;
      if (language && entry.language !== language) score -= 20;
      if (!best || score > best.score) best = { score, line: line.index };
    }
  }
  return best;
}

/** Errno rows an error number may be, most likely first, with the system each reading is from. */
function errnoReadings(
  errno: readonly LookupErrno[],
  n: number,
  system: Mention["system"],
): { row: LookupErrno; system: string }[] {
  const systems: [string, (row: LookupErrno) => boolean][] = [
    ["Linux", (row) => row.linux === n],
    ["macOS", (row) => row.macos === n],
    ["Windows (Winsock)", (row) => row.winsock === n],
    ["Windows (libuv, as Node.js prints it)", (row) => row.libuv === -n],
    ["the Windows C runtime", (row) => row.crt === n],
  ];
  // Windows' own numbers (`[WinError 32]`) are system error codes: only
  // the Winsock ones among them are errno-like.
  const order =
    system === "windows"
      ? [systems[2]!]
      : system === "libuv"
        ? [systems[3]!]
        : system === "linux"
          ? [systems[0]!, systems[1]!]
          : systems;
  return order.flatMap(([name, test]) => errno.filter(test).map((row) => ({ row, system: name })));
}

function hitOf(entry: LookupEntry, why: string, score: number): ExactHit {
  return { url: entry.url, title: entry.title, language: entry.language, summary: entry.summary, why, score };
}

function errnoHitOf(row: LookupErrno, why: string, score: number): ExactHit {
  return { url: row.url, title: row.name, language: "errno", summary: row.message, why, score };
}

/** A paste that is only an error number: every errno it may be, then the pages that carry it. */
function numberHits(lookup: SearchLookup, number: NonNullable<Paste["number"]>): ExactHit[] {
  const hits: ExactHit[] = [];
  const add = (hit: ExactHit) => {
    if (!hits.some((h) => h.url === hit.url)) hits.push(hit);
  };
  const n = number.value;
  // A bare number is likelier a Linux one; [WinError N] and libuv's -4000s are Windows.
  const readings =
    number.system === "any"
      ? [...errnoReadings(lookup.errno, n, "linux"), ...errnoReadings(lookup.errno, n, "any")]
      : errnoReadings(lookup.errno, n, number.system);
  const distinct = new Set(readings.map((r) => r.row.name));
  for (const { row, system } of readings) {
    const note = distinct.size > 1 ? " (the number means different errors on different systems)" : "";
    add(errnoHitOf(row, `${n} is ${row.name} on ${system}${note}`, 100));
    for (const entry of lookup.entries.filter((e) => e.errno.includes(row.name) || e.code === row.name))
      add(hitOf(entry, `carries ${row.name}`, 90));
  }
  const ts = lookup.entries.find((entry) => entry.code === `TS${n}`);
  if (ts) add(hitOf(ts, `TypeScript diagnostic TS${n}`, 90));
  return hits;
}

/**
 * Whether a paste's class name is an entry's class: tracebacks print a
 * library's class in full (`requests.exceptions.ConnectionError`), and the
 * paste reader keeps its last name, which a message entry's full parent
 * ends with.
 */
function sameClass(entryClass: string | undefined, mentioned: string): boolean {
  return entryClass !== undefined && (entryClass === mentioned || entryClass.endsWith(`.${mentioned}`));
}

/** The exact answers for a paste, best first, without duplicates. */
export function exactHits(lookup: SearchLookup, paste: Paste): ExactHit[] {
  if (paste.number) return numberHits(lookup, paste.number);
  const language = paste.language ? LANGUAGE_LABEL[paste.language] : undefined;

  // The line whose error is the paste's own: the last header of a Python
  // traceback, the first of anything else (a Node.js stack, tsc, a log).
  // A wrapper's cause (`TypeError: fetch failed` … `[cause]: Error: getaddrinfo
  // ENOTFOUND …`) is the error that happened: its first line counts.
  const cause = readsBottomUp(paste) ? undefined : paste.causeAt;
  const finalLine = errorLineOf(paste);
  const weigh = (line: number) =>
    cause !== undefined && line < cause ? -15 : line === finalLine ? 20 : finalLine === undefined ? 8 : 0;

  interface Score {
    template: number;
    code: number;
    className: number;
    errno: number;
    name: number;
    why: string;
    whyScore: number;
  }
  const scores = new Map<string, Score>();
  const note = (url: string, kind: keyof Omit<Score, "why" | "whyScore">, score: number, why: string) => {
    const row = scores.get(url) ?? {
      template: 0,
      code: 0,
      className: 0,
      errno: 0,
      name: 0,
      why,
      whyScore: 0,
    };
    row[kind] = Math.max(row[kind], score);
    if (score > row.whyScore) {
      row.why = why;
      row.whyScore = score;
    }
    scores.set(url, row);
  };
  const languageFactor = (entry: LookupEntry) => (!language || entry.language === language ? 1 : 0.3);

  // Classes and codes the catalogue knows: a template matched after
  // another one (`NameError: global name 'x' is not defined` for
  // JavaScript's `{name} is not defined`, `TS2551: Property 'x' does not
  // exist…` for TS2339's template) is the other one's message.
  const knownNames = new Set(
    lookup.entries.flatMap((entry) => [
      entry.className ?? "",
      // A catalogue class is known by its full name; a paste's label is its last part.
      entry.className?.slice(entry.className.lastIndexOf(".") + 1) ?? "",
      entry.kind === "exception" ? entry.title : "",
      entry.code ?? "",
    ]),
  );

  // Which lines hold each word, for trying a template only where it can match.
  const byWord = new Map<string, PasteLine[]>();
  for (const line of paste.lines) {
    for (const word of line.words) {
      const holding = byWord.get(word);
      if (holding) holding.push(line);
      else byWord.set(word, [line]);
    }
  }
  const linesWith = (word: string) => byWord.get(word) ?? [];

  // Message templates, tried on every line and quoted string.
  for (const entry of lookup.entries) {
    for (const template of entry.templates) {
      if (!isSpecificTemplate(template)) continue;
      const found = templateEvidence(template, entry, paste.lines, weigh, language, knownNames, linesWith);
      if (found) note(entry.url, "template", found.score, "message matches");
    }
  }

  // Codes: TS2345, ERR_REQUIRE_ESM, ECONNREFUSED.
  const errnoNames = new Map(lookup.errno.map((row) => [row.name, row]));
  for (const mention of paste.mentions) {
    if (mention.kind !== "code") continue;
    // A TypeScript code names its diagnostic wherever it stands.
    const strength =
      (mention.value.startsWith("TS") ? 110 : mention.at === "header" ? 90 : 60) + weigh(mention.line);
    for (const entry of lookup.entries.filter((e) => e.code === mention.value)) {
      note(entry.url, "code", strength * languageFactor(entry), `code ${mention.value}`);
    }
    const row = errnoNames.get(mention.value);
    if (row) {
      note(row.url, "errno", strength * 0.6, `errno ${row.name}`);
      for (const entry of lookup.entries.filter((e) => e.errno.includes(row.name)))
        note(entry.url, "errno", 35 * languageFactor(entry), `carries ${row.name}`);
    }
  }

  // Class names: exception pages, and message pages of that class once a template agrees.
  const languagesOfClass = (name: string) =>
    new Set(
      lookup.entries
        .filter((e) => e.className === name || (e.kind === "exception" && e.title === name))
        .map((e) => e.language),
    );
  for (const mention of paste.mentions) {
    if (mention.kind !== "class") continue;
    const base = mention.at === "header" ? 40 : mention.at === "repr" ? 38 : 10;
    const shared = !language && languagesOfClass(mention.value).size > 1 ? 0.5 : 1;
    const lower = mention.value.toLowerCase();
    // A class in full (`shutil.Error`, `multiprocessing.context.TimeoutError`)
    // is that one class, not every class of its bare name, when a page has it.
    const qualified = mention.qualified?.toLowerCase();
    const fullyNamed = qualified !== undefined && lookup.entries.some((e) => e.names.includes(qualified));
    for (const entry of lookup.entries) {
      const own =
        entry.kind !== "message" &&
        (fullyNamed
          ? entry.names.includes(qualified)
          : entry.title === mention.value || entry.names.includes(lower));
      const ofClass =
        entry.kind === "message" &&
        (sameClass(entry.className, mention.value) ||
          entry.raisedAs?.some((name) => sameClass(name, mention.value))) &&
        scores.get(entry.url)?.template;
      if (!own && !ofClass) continue;
      note(
        entry.url,
        "className",
        (base + weigh(mention.line)) * shared * languageFactor(entry),
        `class ${mention.value}`,
      );
    }
  }

  // Error numbers, read on the system their form says. In a runtime's own
  // format (`[Errno 111]` is Python's, `errno: -111` Node.js's) the number
  // points to that runtime's page for it, and for Python to the class it
  // raises (`[Errno 32]` is BrokenPipeError, whatever class was printed).
  for (const mention of paste.mentions) {
    if (mention.kind !== "errno") continue;
    const n = Number(mention.value);
    const readings = errnoReadings(lookup.errno, n, mention.system);
    const first = readings[0]?.row.name;
    const format = mention.format ? LANGUAGE_LABEL[mention.format] : undefined;
    const unique = new Set(readings.map((r) => r.row.name)).size === 1;
    for (const { row, system } of readings) {
      const likely = row.name === first ? 1 : 0.5;
      note(row.url, "errno", (unique ? 45 : 40) * likely, `${n} is ${row.name} on ${system}`);
      for (const entry of lookup.entries.filter((e) => e.errno.includes(row.name))) {
        const own = format === entry.language;
        note(entry.url, "errno", (own ? 45 : 30 * languageFactor(entry)) * likely, `carries ${row.name}`);
      }
      const raised = format === "Python" ? (row.python ?? "OSError") : undefined;
      for (const entry of lookup.entries.filter((e) => e.kind === "exception" && e.title === raised)) {
        note(
          entry.url,
          "className",
          (40 + weigh(mention.line)) * likely,
          `${n} is ${row.name}, raised as ${raised}`,
        );
      }
    }
  }

  // An errno's own message in a line (`… Connection refused`) points to it too.
  for (const row of lookup.errno) {
    const message = row.message.toLowerCase();
    if (message.length < 8) continue;
    const firstWord = /[a-z0-9]+/.exec(message)?.[0] ?? "";
    if (!linesWith(firstWord).some((line) => line.lower.includes(message))) continue;
    // A long message (`Connection refused`) names its errno; a short one may be chance.
    note(row.url, "errno", message.length >= 12 ? 45 : 25, `says “${row.message}”`);
    for (const entry of lookup.entries.filter((e) => e.errno.includes(row.name)))
      note(entry.url, "errno", 15 * languageFactor(entry), `carries ${row.name}`);
    // In Python, the message names the class Python raises for it (a driver's
    // `OperationalError: … Connection refused` is a ConnectionRefusedError).
    if (language === "Python" && row.python && message.length >= 12) {
      for (const entry of lookup.entries.filter((e) => e.kind === "exception" && e.title === row.python))
        note(entry.url, "className", 35, `says “${row.message}”, raised as ${row.python}`);
    }
  }

  // The paste is a name: `econnrefused`, `KeyError`, `key error`, `ts2345`.
  const whole = paste.whole.toLowerCase();
  if (whole) {
    for (const entry of lookup.entries.filter((e) => e.names.includes(whole)))
      note(entry.url, "name", 100, "name");
    const row = lookup.errno.find((r) => r.name.toLowerCase() === whole);
    if (row) note(row.url, "name", 80, `errno ${row.name}`);
  }

  const entriesByUrl = new Map(lookup.entries.map((entry, order) => [entry.url, { entry, order }]));
  const errnoByUrl = new Map(lookup.errno.map((row) => [row.url, row]));
  const ranked: (ExactHit & { order: number; message: boolean })[] = [];
  for (const [url, s] of scores) {
    const found = entriesByUrl.get(url);
    let score = s.template + s.code + s.className + s.errno + s.name;
    if (found) {
      if (language && found.entry.language === language) score += 8;
      const message = found.entry.kind === "message";
      ranked.push({ ...hitOf(found.entry, s.why, score), order: found.order, message });
    } else {
      const row = errnoByUrl.get(url);
      if (row)
        ranked.push({ ...errnoHitOf(row, s.why, score), order: Number.MAX_SAFE_INTEGER, message: false });
    }
  }
  // A message page answers more precisely than its own class page, even
  // when the class page quotes more of the message.
  for (const hit of ranked) {
    if (!hit.message || !scores.get(hit.url)?.template) continue;
    const { className: parent, raisedAs = [] } = entriesByUrl.get(hit.url)?.entry ?? {};
    // Its class page: the parent's, or that of a class a version raises it as.
    const classPage = ranked.find(
      (other) =>
        !other.message &&
        (other.title === parent || raisedAs.includes(other.title)) &&
        other.language === hit.language,
    );
    if (classPage && scores.get(classPage.url)?.template && classPage.score >= hit.score)
      hit.score = classPage.score + 1;
  }
  return ranked
    .filter((hit) => hit.score >= 15)
    .sort((a, b) => b.score - a.score || Number(b.message) - Number(a.message) || a.order - b.order)
    .map(({ order: _order, message: _message, ...hit }) => hit);
}
