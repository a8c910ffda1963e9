import { templateParts } from "./message-templates.ts";
/**
 * The URL rules of errdex, in one place. Pages, the search index, redirects
 * and tests all build their links from here, so a URL can only change in
 * this file (and a published one must never change at all).
 */

/** The languages errdex covers, in the order the site lists them. */
export const LANGUAGES = ["python", "node", "typescript"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Human names for each language, for headings and badges. */
export const LANGUAGE_LABELS: Record<Language, string> = {
  python: "Python",
  node: "Node.js",
  typescript: "TypeScript",
};

/** True when `value` names one of the covered languages. */
export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/**
 * Kebab-cases a class name, keeping acronyms together:
 * `ConnectionRefusedError` → `connection-refused-error`,
 * `JSONDecodeError` → `json-decode-error`.
 */
export function kebabFromClassName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
    .toLowerCase();
}

/**
 * Slug of an error code: lower case, `_` → `-`.
 * `ERR_MODULE_NOT_FOUND` → `err-module-not-found`, `TS2322` → `ts2322`.
 */
export function slugFromCode(code: string): string {
  return code.toLowerCase().replace(/_/g, "-");
}

/**
 * Kebab-case of a message's fixed words, with `{placeholders}` and
 * punctuation dropped: `Cannot read properties of undefined (reading
 * '{property}')` → `cannot-read-properties-of-undefined-reading`.
 * A message entry's slug is a leading run of these words.
 */
export function slugFromMessage(message: string): string {
  return templateParts(message)
    .join(" ")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** The identity an entry's slug is derived from. */
export type EntryIdentity =
  | { kind: "exception"; className: string }
  | { kind: "code"; code: string }
  | { kind: "message"; message: string };

/**
 * Whether `slug` is the canonical slug for an identity: the class name in
 * kebab case, the code lowercased, or a message's fixed words in order.
 */
export function isCanonicalSlug(slug: string, identity: EntryIdentity): boolean {
  switch (identity.kind) {
    case "exception":
      return slug === kebabFromClassName(identity.className);
    case "code":
      return slug === slugFromCode(identity.code);
    case "message": {
      // The slug's words appear in the message in order, starting with its
      // first fixed word: `unexpected-token-json` for
      // `Unexpected token '{token}', "{text}" is not valid JSON`.
      const words = slugFromMessage(identity.message).split("-");
      const wanted = slug.split("-");
      if (wanted[0] !== words[0]) return false;
      let at = 0;
      for (const word of wanted) {
        at = words.indexOf(word, at);
        if (at === -1) return false;
        at++;
      }
      return true;
    }
  }
}

/** `/python/connection-refused-error/` */
export function entryUrl(language: Language, slug: string): string {
  return `/${language}/${slug}/`;
}

/** Splits a content-collection id (`python/key-error`) into its parts. */
export function parseEntryId(id: string): { language: Language; slug: string } {
  const [language, slug, ...rest] = id.split("/");
  if (!language || !slug || rest.length > 0 || !isLanguage(language)) {
    throw new Error(
      `Entry id "${id}" must be <language>/<slug> with language one of ${LANGUAGES.join(", ")}`,
    );
  }
  return { language, slug };
}

/** The URL of an entry given its content-collection id. */
export function entryUrlFromId(id: string): string {
  const { language, slug } = parseEntryId(id);
  return entryUrl(language, slug);
}

/** `/python/`, `/node/`, `/typescript/` */
export function languageIndexUrl(language: Language): string {
  return `/${language}/`;
}

/** `/errno/econnrefused/` */
export function errnoUrl(name: string): string {
  return `/errno/${name.toLowerCase()}/`;
}

/** The errno index. */
export const ERRNO_INDEX_URL = "/errno/";

/**
 * Whether a query may go into a URL. What people paste (a traceback, a log
 * excerpt) can hold host names, paths and tokens, and a URL ends up in the
 * static host's access logs: only a short, one-line query is ever put in
 * one. A longer paste travels to the search page in the tab's
 * sessionStorage (src/scripts/paste-handoff.ts).
 */
export function isLinkableQuery(query: string): boolean {
  return query.length <= 200 && !/[\r\n]/.test(query);
}

/** The search page, with the query when it may go in a URL: `/search/?q=ECONNREFUSED`. */
export function searchUrl(query?: string): string {
  return query && isLinkableQuery(query) ? `/search/?q=${encodeURIComponent(query)}` : "/search/";
}

/** A link to one section of a page: `/python/key-error/#fix`. */
export function sectionUrl(pageUrl: string, sectionId: string): string {
  return `${pageUrl}#${sectionId}`;
}

/** The JSON list of every entry: `/api/errors.json`. */
export const API_ERRORS_URL = "/api/errors.json";

/** One entry as JSON: `/api/errors/python/connection-refused-error.json`. */
export function apiEntryUrl(language: Language, slug: string): string {
  return `/api/errors/${language}/${slug}.json`;
}

/*
 * Aliases: other spellings of a page's URL, each published as a static
 * redirect page. They are URL rules like the ones above, so they live here;
 * the alias pages, the sitemap, the published-URL list and the tests all
 * take them from this file.
 */

/** What the alias rules need to know about an entry. */
export interface AliasEntry {
  language: Language;
  slug: string;
  /** The file that owns the entry, named when its URLs clash. */
  filePath: string;
  title: string;
  kind: string;
  code?: string | undefined;
}

/** What the alias rules need to know about an errno row. */
export interface AliasErrno {
  name: string;
  /** The number on Linux: `/errno/<n>/` means this number. */
  linux: number;
  /** Set when the name is another name for this one on Linux (EWOULDBLOCK → EAGAIN). */
  synonymOf?: string | undefined;
}

/** One alias: a path that redirects to a canonical page. */
export interface UrlAlias {
  /** `/python/ConnectionRefusedError/` */
  path: string;
  /** `/python/connection-refused-error/` */
  target: string;
  /** The file whose data produced the alias. */
  owner: string;
}

/** The file errno rows live in, named when an errno URL clashes. */
const ERRNO_FILE = "content/errno.yaml";

/**
 * The other spellings of an entry's URL, canonical URL excluded:
 * a Python class as typed and lowercased (`/python/ConnectionRefusedError/`,
 * `/python/connectionrefusederror/`), a code as written and lowercased
 * (`/node/ERR_MODULE_NOT_FOUND/`, `/node/err_module_not_found/`,
 * `/node/ECONNREFUSED/`), and a TypeScript diagnostic by number with or
 * without its prefix (`/typescript/2322/`, `/typescript/TS2322/`).
 * Message entries have no other spelling that fits in a URL.
 */
export function entryAliasPaths(entry: AliasEntry): string[] {
  const names: string[] = [];
  if (entry.kind === "exception") names.push(entry.title, entry.title.toLowerCase());
  else if (entry.kind !== "message" && entry.code) {
    names.push(entry.code, entry.code.toLowerCase());
    const tsNumber = /^TS(\d+)$/.exec(entry.code)?.[1];
    if (tsNumber) names.push(tsNumber);
  }
  const canonical = entryUrl(entry.language, entry.slug);
  const paths = names.map((name) => `/${entry.language}/${name}/`).filter((path) => path !== canonical);
  return [...new Set(paths)];
}

/**
 * The other spellings of an errno page: the name in upper case
 * (`/errno/ECONNREFUSED/`) and the Linux number (`/errno/111/`). A number
 * that names different errors on different systems means Linux's here, as
 * it does everywhere else on errdex; where Linux gives two names one number
 * (EAGAIN and EWOULDBLOCK), the number leads to the name the other is a
 * synonym of.
 */
export function errnoAliasPaths(row: AliasErrno): string[] {
  const paths = [`/errno/${row.name}/`];
  if (!row.synonymOf) paths.push(`/errno/${row.linux}/`);
  return paths.filter((path) => path !== errnoUrl(row.name));
}

/** Every alias and every problem found while collecting them. */
export interface AliasTable {
  aliases: UrlAlias[];
  /** Clashes, each naming both files; empty when the URLs are sound. */
  problems: string[];
}

/**
 * Collects every alias of the entries and errno rows, and checks that no
 * URL is claimed twice: by two pages, a page and an alias, or two aliases
 * leading to different pages. Aliases are kept when they differ from their
 * own page's URL only in case (`/errno/ECONNREFUSED/`): on the static host
 * they are different paths, and the build refuses a case-insensitive output
 * folder, where the alias would overwrite its own page. An alias that
 * equals a *different* page's URL ignoring case is a clash.
 */
export function aliasTable(entries: readonly AliasEntry[], errno: readonly AliasErrno[]): AliasTable {
  const problems: string[] = [];
  const pages = new Map<string, string>();
  const pagesIgnoringCase = new Map<string, string>();
  const claim = (path: string, owner: string) => {
    const other = pages.get(path);
    if (other) problems.push(`${path} is claimed by both ${other} and ${owner}`);
    pages.set(path, owner);
    pagesIgnoringCase.set(path.toLowerCase(), path);
  };
  for (const entry of entries) claim(entryUrl(entry.language, entry.slug), entry.filePath);
  for (const row of errno) claim(errnoUrl(row.name), `${ERRNO_FILE} (${row.name})`);

  const aliases = new Map<string, UrlAlias>();
  const add = (alias: UrlAlias) => {
    const page = pages.get(alias.path);
    const lookalike = pagesIgnoringCase.get(alias.path.toLowerCase());
    const earlier = aliases.get(alias.path);
    if (page) {
      problems.push(`${alias.path} is a page of ${page} and an alias from ${alias.owner}`);
    } else if (lookalike && lookalike !== alias.target) {
      problems.push(
        `${alias.path} (alias from ${alias.owner}) differs only in case from ${lookalike}, a page of ${pages.get(lookalike)}`,
      );
    } else if (earlier && earlier.target !== alias.target) {
      const hint = alias.path.startsWith("/errno/")
        ? "; mark one synonymOf the other in content/errno.yaml"
        : "";
      problems.push(
        `${alias.path} is an alias from both ${earlier.owner} (→ ${earlier.target}) and ${alias.owner} (→ ${alias.target})${hint}`,
      );
    } else if (!earlier) {
      aliases.set(alias.path, alias);
    }
  };
  for (const entry of entries) {
    const target = entryUrl(entry.language, entry.slug);
    for (const path of entryAliasPaths(entry)) add({ path, target, owner: entry.filePath });
  }
  for (const row of errno) {
    const owner = `${ERRNO_FILE} (${row.name})`;
    const primary = row.synonymOf ? errno.find((other) => other.name === row.synonymOf) : undefined;
    if (row.synonymOf && !primary) problems.push(`${owner}: synonymOf: no errno "${row.synonymOf}"`);
    else if (primary && primary.linux !== row.linux) {
      problems.push(`${owner}: synonymOf: ${primary.name} is ${primary.linux} on Linux, not ${row.linux}`);
    }
    for (const path of errnoAliasPaths(row)) add({ path, target: errnoUrl(row.name), owner });
  }
  const sorted = [...aliases.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { aliases: sorted, problems };
}

/**
 * The entry a URL path belongs to, the inverse of {@link entryUrl}:
 * `/python/key-error/` → `{ language: "python", slug: "key-error" }`, or
 * undefined for any other page. Whether such an entry exists is the
 * caller's question.
 */
export function entryFromUrl(pathname: string): { language: Language; slug: string } | undefined {
  const match = /^\/([^/]+)\/([a-z0-9]+(?:-[a-z0-9]+)*)\/$/.exec(pathname);
  if (!match?.[1] || !match[2] || !isLanguage(match[1])) return undefined;
  return { language: match[1], slug: match[2] };
}

/** The exact-answer lookup's index: bucket count and errno table (see search/lookup-shards.ts). */
export const LOOKUP_INDEX_URL = "/search/lookup/index.json";

/** One bucket of the exact-answer lookup: `/search/lookup/12.json`. */
export function lookupBucketUrl(bucket: number): string {
  return `/search/lookup/${bucket}.json`;
}

/** Pagefind's script, which the search code imports on the first search. */
export const PAGEFIND_SCRIPT_URL = "/pagefind/pagefind.js";
