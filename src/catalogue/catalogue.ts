import path from "node:path";
import { getCollection, type CollectionEntry } from "astro:content";
import type { Category } from "../entry/schema.ts";
import { validateCatalogue } from "./validate.ts";
import { EntryError } from "../entry/errors.ts";
import { readRenderedEntry } from "../content-layer/render-cache.ts";
import { displayPath } from "../content-layer/content-dir.ts";
import { pythonHierarchy } from "./python-hierarchy.ts";
import { entryUrl, errnoUrl, parseEntryId } from "./urls.ts";
import { aliasTable, type UrlAlias } from "./aliases.ts";
import { type Language } from "../entry/languages.ts";
import { RUNTIME_CATALOGUE_FILES, runtimeRows, type CatalogueRow } from "./runtime-rows.ts";

/** An entry with the facts derived from where its file lives. */
export interface Entry {
  id: string;
  language: Language;
  slug: string;
  url: string;
  source: CollectionEntry<"errors">;
  data: CollectionEntry<"errors">["data"];
  /** The fix in one sentence of Markdown: `fixLine`, or the Fix section's first sentence. */
  fixLine: string;
  /** Why the fix works, plain text: the Fix section's "Why this works". */
  fixWhy: string;
  /** Whether @astrojs/mdx compiles the entry (it uses components); otherwise its HTML is cached. */
  usesMdx: boolean;
}

/** A row of the errno table, with its page URL. */
export interface Errno {
  name: string;
  url: string;
  data: CollectionEntry<"errno">["data"];
}

/**
 * A code or class of a runtime catalogue and its page: the deep entry
 * where errdex has one, else a catalogue page at the row's own URL.
 */
export interface CataloguedCode {
  row: CatalogueRow;
  entry?: Entry;
  /** The page for it: the entry's URL, or the row's. */
  url: string;
}

/** Every entry and errno record, checked as a whole. */
export interface Catalogue {
  entries: Entry[];
  errno: Errno[];
  entry(id: string): Entry;
  errnoByName(name: string): Errno;
  /**
   * Entries for this errno: those whose front matter names it, the Python
   * class the errno table maps it to, and the Node.js page for its code.
   */
  entriesForErrno(name: string): Entry[];
  entriesOf(language: Language): Entry[];
  /** Every code and class the runtimes define (content/catalogue/), in file order. */
  codes: CataloguedCode[];
  codesOf(language: Language): CataloguedCode[];
  /**
   * The page of a Python class named as a traceback names it: its deep
   * entry, or its catalogue page (a library's class has only an entry).
   */
  pythonClassUrl(name: string): string | undefined;
  /** The catalogue rows a deep entry explains (its code, or the codes its aliases name). */
  codesExplainedBy(entry: Entry): CataloguedCode[];
  /** Every alias URL (other spellings that redirect to a page), sorted by path. */
  aliases: UrlAlias[];
  /** The aliases that lead to one page URL. */
  aliasesOf(url: string): UrlAlias[];
}

let loading: Promise<Catalogue> | undefined;

/**
 * Loads both collections once per build and runs the cross-entry checks.
 * Any problem stops the build with every offending file and field named.
 */
export function loadCatalogue(): Promise<Catalogue> {
  loading ??= build();
  return loading;
}

const byTitle = (a: { data: { title: string } }, b: { data: { title: string } }) =>
  a.data.title.localeCompare(b.data.title, "en");

async function build(): Promise<Catalogue> {
  const [sources, errnoRows] = await Promise.all([getCollection("errors"), getCollection("errno")]);
  const rendered = new Map(sources.map((source) => [source.id, readRenderedEntry(source)]));
  const checked = sources.map((source) => {
    const facts = rendered.get(source.id);
    return {
      id: source.id,
      filePath: displayPath(path.resolve(source.filePath ?? source.id)),
      data: source.data,
      fixLine: facts?.fixLine,
      fixWhy: facts?.fixWhy,
      components: facts?.components ?? [],
    };
  });
  const problems = validateCatalogue(checked, new Set(errnoRows.map((row) => row.id)), pythonHierarchy());

  const entries: Entry[] = checked
    .map(({ id, data, fixLine, fixWhy }, index) => {
      const { language, slug } = parseEntryId(id);
      const source = sources[index]!;
      return {
        id,
        language,
        slug,
        url: entryUrl(language, slug),
        source,
        data,
        fixLine: data.fixLine ?? fixLine ?? "",
        fixWhy: fixWhy ?? "",
        usesMdx: rendered.get(id)?.html === undefined,
      };
    })
    .sort(byTitle);
  const errno: Errno[] = errnoRows
    .map((row) => ({ name: row.id, url: errnoUrl(row.id), data: row.data }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const codes = joinCodes(runtimeRows(), entries);
  const { aliases, problems: urlProblems } = aliasTable(
    entries.map((entry) => ({
      language: entry.language,
      slug: entry.slug,
      filePath: entry.source.filePath ?? entry.id,
      title: entry.data.title,
      kind: entry.data.kind,
      code: entry.data.code,
    })),
    errno.map((row) => ({ name: row.name, linux: row.data.linux, synonymOf: row.data.synonymOf })),
    codes.map(({ row, entry }) => ({
      language: row.language,
      url: row.url,
      entryUrl: entry?.url,
      name: row.documentedAs ?? row.name,
      file: displayPath(RUNTIME_CATALOGUE_FILES[row.language]),
    })),
  );
  for (const problem of urlProblems) {
    problems.push(
      new EntryError(
        "URL rules",
        undefined,
        problem,
        "Every page and alias URL belongs to one page: rename one entry, or drop the alias (src/catalogue/aliases.ts).",
      ),
    );
  }
  if (problems.length > 0) throw EntryError.all(problems);
  const entriesById = new Map(entries.map((entry) => [entry.id, entry]));
  const errnoByName = new Map(errno.map((row) => [row.name, row]));
  // Every page asks for these, so each is one map lookup rather than a scan
  // of all entries or aliases: the build stays linear at 10,000 entries.
  const entriesByLanguage = Map.groupBy(entries, (entry) => entry.language);
  const aliasesByTarget = Map.groupBy(aliases, (alias) => alias.target);
  const codesByLanguage = Map.groupBy(codes, (code) => code.row.language);
  const hierarchy = pythonHierarchy();
  const pythonPages = new Map<string, string>([
    ...entries
      .filter((entry) => entry.language === "python" && entry.data.kind === "exception")
      .map((entry): [string, string] => [hierarchy.resolve(entry.data.title) ?? entry.data.title, entry.url]),
    ...(codesByLanguage.get("python") ?? []).map((code): [string, string] => [code.row.name, code.url]),
  ]);
  const codesByEntry = Map.groupBy(
    codes.filter((code) => code.entry),
    (code) => code.entry?.id ?? "",
  );

  return {
    entries,
    errno,
    entry(id) {
      const found = entriesById.get(id);
      if (!found) throw new Error(`errdex: no entry "${id}"`);
      return found;
    },
    errnoByName(name) {
      const found = errnoByName.get(name);
      if (!found) throw new Error(`errdex: no errno "${name}"`);
      return found;
    },
    entriesForErrno(name) {
      const pythonClass = errnoByName.get(name)?.data.python ?? "OSError";
      return entries.filter(
        (entry) =>
          entry.data.errno.includes(name) ||
          (entry.language === "python" &&
            entry.data.kind === "exception" &&
            entry.data.title === pythonClass) ||
          (entry.language === "node" && entry.data.code === name),
      );
    },
    entriesOf(language) {
      return entriesByLanguage.get(language) ?? [];
    },
    codes,
    codesOf(language) {
      return codesByLanguage.get(language) ?? [];
    },
    pythonClassUrl(name) {
      return pythonPages.get(name);
    },
    codesExplainedBy(entry) {
      return codesByEntry.get(entry.id) ?? [];
    },
    aliases,
    aliasesOf(url) {
      return aliasesByTarget.get(url) ?? [];
    },
  };
}

/**
 * Pairs each catalogue row with the deep entry that explains it: the
 * TypeScript or Node.js entry with its code (the one at the code's own URL
 * first, then a code page, then a message page, then one that names the
 * code among its aliases), or the Python exception entry for its class.
 */
function joinCodes(rows: readonly CatalogueRow[], entries: readonly Entry[]): CataloguedCode[] {
  const hierarchy = pythonHierarchy();
  // An entry is filed under its code, and under a code its aliases name
  // (the heap-limit page explains ERR_WORKER_OUT_OF_MEMORY too).
  const byCode = new Map<string, Entry[]>();
  for (const entry of entries) {
    const codes = [
      entry.data.code,
      ...entry.data.aliases.filter((alias) => /^(?:ERR_[A-Z0-9_]+|TS\d+)$/.test(alias)),
    ];
    for (const code of new Set(codes)) {
      if (!code) continue;
      const key = `${entry.language} ${code}`;
      byCode.set(key, [...(byCode.get(key) ?? []), entry]);
    }
  }
  const byClass = new Map(
    entries
      .filter((entry) => entry.language === "python" && entry.data.kind === "exception")
      .map((entry) => [hierarchy.resolve(entry.data.title) ?? entry.data.title, entry]),
  );
  return rows.map((row) => {
    const rank = (entry: Entry) =>
      entry.data.code !== row.code ? 3 : entry.slug === row.slug ? 0 : entry.data.kind === "message" ? 2 : 1;
    const entry =
      row.language === "python"
        ? (byClass.get(row.documentedAs ?? row.name) ?? byClass.get(row.name))
        : byCode.get(`${row.language} ${row.code}`)?.sort((a, b) => rank(a) - rank(b))[0];
    return entry ? { row, entry, url: entry.url } : { row, url: row.url };
  });
}

/** What a page of an error is made from: a deep entry, or a catalogue code that has none. */
export type ErrorPageProps = { entry: Entry } | { code: CataloguedCode };

/**
 * Every page at `/<language>/<slug>/` (and its JSON record): each deep
 * entry, and each catalogue code without one, as Astro's static paths.
 */
export function errorPagePaths(
  catalogue: Catalogue,
): { params: { language: Language; slug: string }; props: ErrorPageProps }[] {
  return [
    ...catalogue.entries.map((entry) => ({
      params: { language: entry.language, slug: entry.slug },
      props: { entry },
    })),
    ...catalogue.codes
      .filter((code) => !code.entry)
      .map((code) => ({ params: { language: code.row.language, slug: code.row.slug }, props: { code } })),
  ];
}

/** Groups entries by category, categories in a stable order. */
export function groupByCategory(entries: readonly Entry[]): [Category, Entry[]][] {
  const groups = new Map<Category, Entry[]>();
  for (const entry of entries) {
    const group = groups.get(entry.data.category) ?? [];
    group.push(entry);
    groups.set(entry.data.category, group);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}
