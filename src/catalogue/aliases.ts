import type { Language } from "../entry/languages.ts";
import { entryUrl, errnoUrl } from "./urls.ts";

/*
 * Aliases: other spellings of a page's URL, each published as a static
 * redirect page, and the check that no two pages or aliases claim one URL.
 * The alias pages, the sitemap, the published-URL list and the tests all
 * take them from this file; the canonical URLs are built in urls.ts.
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

/** What the alias rules need to know about a runtime catalogue row (runtime-rows.ts). */
export interface AliasCode {
  language: Language;
  /** The row's own URL, by the URL rules. */
  url: string;
  /** The deep entry's URL when there is one: the row's URL then leads there. */
  entryUrl?: string | undefined;
  /** `TS2589`, `ERR_INVALID_STATE`, or a Python class's public name (`zipfile.BadZipFile`). */
  name: string;
  /** The catalogue file it comes from. */
  file: string;
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

/**
 * The other spellings of a catalogue page with no deep entry: the code as
 * printed (`/node/ERR_INVALID_STATE/`, `/typescript/TS2589/`), a
 * TypeScript diagnostic by number (`/typescript/2589/`), and a Python class
 * by its public name (`/python/zipfile.BadZipFile/`). Fewer than an
 * entry's: a catalogue of thousands of codes would otherwise publish
 * thousands of lowercase lookalikes nobody types.
 */
function codeAliasPaths(code: AliasCode): string[] {
  const names = [code.name];
  const tsNumber = /^TS(\d+)$/.exec(code.name)?.[1];
  if (tsNumber) names.push(tsNumber);
  return names.map((name) => `/${code.language}/${name}/`).filter((path) => path !== code.url);
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
export function aliasTable(
  entries: readonly AliasEntry[],
  errno: readonly AliasErrno[],
  codes: readonly AliasCode[] = [],
): AliasTable {
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
  for (const code of codes) if (!code.entryUrl) claim(code.url, `${code.file} (${code.name})`);

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
  for (const code of codes) {
    const owner = `${code.file} (${code.name})`;
    // A code with a deep entry: its catalogue URL leads to the entry, which
    // its other spellings already do.
    if (code.entryUrl) {
      if (code.entryUrl !== code.url) add({ path: code.url, target: code.entryUrl, owner });
      continue;
    }
    for (const path of codeAliasPaths(code)) add({ path, target: code.url, owner });
  }
  const sorted = [...aliases.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { aliases: sorted, problems };
}
