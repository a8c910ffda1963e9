import { templateParts } from "../entry/message-templates.ts";
import { LANGUAGES, isLanguage, type Language } from "../entry/languages.ts";
/**
 * The URL rules of errdex, in one place. Pages, the search index, redirects
 * and tests all build their links from here, so a URL can only change in
 * this file (and a published one must never change at all).
 */

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

/**
 * Slug of a Python class as a traceback names it. A built-in class is its
 * name in kebab case (`key-error`); a standard-library class is prefixed
 * by its top-level module, `_` dropped, unless the class name already
 * starts with it: `zipfile.BadZipFile` → `zipfile-bad-zip-file`,
 * `http.client.RemoteDisconnected` → `http-remote-disconnected`,
 * `_csv.Error` → `csv-error`, `json.decoder.JSONDecodeError` →
 * `json-decode-error`, `ssl.SSLError` → `ssl-error`. The prefix keeps the
 * many `Error` and `error` classes of the standard library apart.
 */
export function pythonClassSlug(name: string): string {
  const dot = name.indexOf(".");
  const className = kebabFromClassName(name.slice(name.lastIndexOf(".") + 1));
  if (dot === -1) return className;
  const module = name.slice(0, dot).replace(/^_+/, "").toLowerCase();
  return className === module || className.startsWith(`${module}-`) ? className : `${module}-${className}`;
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
      // The class name alone, or with its module (a catalogue row's slug).
      return (
        slug === kebabFromClassName(identity.className.slice(identity.className.lastIndexOf(".") + 1)) ||
        slug === pythonClassSlug(identity.className)
      );
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
 * sessionStorage (src/search/browser/paste-handoff.ts).
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

/** Every alias path and the page path it leads to (src/build/alias-pages.ts writes their pages from it). */
export const API_ALIASES_URL = "/api/aliases.json";

/** One entry as JSON: `/api/errors/python/connection-refused-error.json`. */
export function apiEntryUrl(language: Language, slug: string): string {
  return `/api/errors/${language}/${slug}.json`;
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

/** One bucket of full-text result cards: `/search/cards/12.json` (src/search/result-cards.ts). */
export function resultCardsUrl(bucket: number): string {
  return `/search/cards/${bucket}.json`;
}

/** Pagefind's script, which the search code imports on the first search. */
export const PAGEFIND_SCRIPT_URL = "/pagefind/pagefind.js";
