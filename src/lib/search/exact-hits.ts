import { templateToRegExp } from "../message-templates.ts";
import type { ReducedQuery } from "./reduce-query.ts";

/**
 * Exact answers for a reduced query, from a lookup built at build time
 * (`/search/lookup.json`): names, aliases, codes, errno names and numbers
 * on each system, and message templates compiled to matchers. They come
 * before Pagefind's full-text results.
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
  /** Why this is an exact answer, shown with the result. */
  why: string;
}

const LANGUAGE_OF_FORM: Partial<Record<ReducedQuery["form"], string>> = {
  "python-traceback": "Python",
  "node-stack": "Node.js",
  console: "Node.js",
  tsc: "TypeScript",
};

function errnoHit(row: LookupErrno, why: string): ExactHit {
  return { url: row.url, title: row.name, language: "errno", summary: row.message, why };
}

function entryHit(entry: LookupEntry, why: string): ExactHit {
  return { url: entry.url, title: entry.title, language: entry.language, summary: entry.summary, why };
}

/**
 * Templates that are almost all placeholder (KeyError's `'{key}'`,
 * StopIteration's `{value}`) would match anything; search skips them and
 * relies on the class name instead.
 */
export function isSpecificTemplate(template: string): boolean {
  return template.replace(/\{[^}]*\}/g, "").replace(/[^A-Za-z]/g, "").length >= 4;
}

function matches(template: string, message: string): boolean {
  if (!isSpecificTemplate(template)) return false;
  return (
    templateToRegExp(template).test(message) ||
    templateToRegExp(template.toLowerCase()).test(message.toLowerCase())
  );
}

/** The exact answers for a query, best first, without duplicates. */
export function exactHits(lookup: SearchLookup, query: ReducedQuery): ExactHit[] {
  const hits: ExactHit[] = [];
  const add = (hit: ExactHit) => {
    if (!hits.some((h) => h.url === hit.url)) hits.push(hit);
  };
  const entriesForErrno = (name: string) =>
    lookup.entries.filter((entry) => entry.errno.includes(name) || entry.code === name);

  if (query.form === "number" && query.number !== undefined) {
    const n = query.number;
    const systems: [string, (row: LookupErrno) => boolean][] = [
      ["Windows (Winsock)", (row) => row.winsock === n],
      ["Linux", (row) => row.linux === n],
      ["macOS", (row) => row.macos === n],
      ["the Windows C runtime", (row) => row.crt === n],
    ];
    // A [WinError N] is a Windows number; otherwise Linux is the likelier reading.
    const order = query.windows ? systems : [systems[1]!, systems[2]!, systems[0]!, systems[3]!];
    const readings = order.flatMap(([system, test]) =>
      lookup.errno.filter(test).map((row) => ({ system, row })),
    );
    const distinct = new Set(readings.map((r) => r.row.linux));
    for (const { system, row } of readings) {
      const note = distinct.size > 1 ? " (the number means different errors on different systems)" : "";
      add(errnoHit(row, `${n} is ${row.name} on ${system}${note}`));
      for (const entry of entriesForErrno(row.name)) add(entryHit(entry, `carries ${row.name}`));
    }
    const ts = lookup.entries.find((entry) => entry.code === `TS${n}`);
    if (ts) add(entryHit(ts, `TypeScript diagnostic TS${n}`));
    return hits;
  }

  const preferred = LANGUAGE_OF_FORM[query.form];
  const byPreference = (entries: LookupEntry[]) =>
    [...entries].sort((a, b) => Number(b.language === preferred) - Number(a.language === preferred));

  if (query.code) {
    for (const entry of byPreference(lookup.entries.filter((e) => e.code === query.code)))
      add(entryHit(entry, `code ${query.code}`));
    const row = lookup.errno.find((r) => r.name === query.code);
    if (row) {
      add(errnoHit(row, `errno ${row.name}`));
      for (const entry of byPreference(entriesForErrno(row.name)))
        add(entryHit(entry, `carries ${row.name}`));
    }
  }
  if (query.message) {
    const message = query.message;
    const matching = lookup.entries.filter(
      (entry) =>
        entry.templates.some((template) => matches(template, message)) &&
        (!query.className ||
          !entry.className ||
          entry.className === query.className ||
          query.form === "text"),
    );
    // The template with the most fixed text is the most specific answer
    // (`[Errno {errno}] Connection refused` over `[Errno {errno}] {strerror}`),
    // and a message entry is more specific than its class page.
    const fixedText = (entry: LookupEntry) =>
      Math.max(
        ...entry.templates.filter((t) => matches(t, message)).map((t) => t.replace(/\{[^}]*\}/g, "").length),
      );
    const ranked = byPreference(matching).sort(
      (a, b) => fixedText(b) - fixedText(a) || Number(b.kind === "message") - Number(a.kind === "message"),
    );
    // A message entry answers more precisely than its own class page, even
    // when the class page lists the message with more fixed text.
    for (const entry of [...ranked]) {
      if (entry.kind !== "message") continue;
      const parentAt = ranked.findIndex((e) => e.kind === "exception" && e.title === entry.className);
      const at = ranked.indexOf(entry);
      if (parentAt !== -1 && parentAt < at) ranked.splice(parentAt, 0, ...ranked.splice(at, 1));
    }
    for (const entry of ranked) add(entryHit(entry, "message matches"));
  }
  if (query.className) {
    const classPages = lookup.entries.filter((e) => e.kind === "exception" && e.title === query.className);
    for (const entry of byPreference(classPages)) add(entryHit(entry, `class ${query.className}`));
  }
  const whole = query.text.trim().toLowerCase();
  if (whole) {
    for (const entry of byPreference(lookup.entries.filter((e) => e.names.includes(whole))))
      add(entryHit(entry, "name"));
    const row = lookup.errno.find((r) => r.name.toLowerCase() === whole);
    if (row) add(errnoHit(row, `errno ${row.name}`));
    if (!query.message || query.form === "text") {
      for (const entry of lookup.entries.filter((e) =>
        e.templates.some((t) => matches(t, query.text.trim())),
      )) {
        add(entryHit(entry, "message matches"));
      }
    }
  }
  return hits;
}
