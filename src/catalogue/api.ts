import type { Catalogue, Entry } from "./catalogue.ts";
import { SITE_NAME } from "../lib/site.ts";
import { API_ERRORS_URL, apiEntryUrl, sectionUrl } from "./urls.ts";

/** One entry as the JSON API gives it, for editor and tool authors. */
export interface ErrorRecord {
  /** `python/connection-refused-error` */
  id: string;
  /** The page's absolute URL. */
  url: string;
  /** This record's own absolute URL. */
  json: string;
  title: string;
  summary: string;
  language: Entry["language"];
  kind: Entry["data"]["kind"];
  category: Entry["data"]["category"];
  /** Errno names the error carries, each with a page at `/errno/<name>/`. */
  errno: string[];
  /** The error code, or null (Python exceptions and messages have none). */
  code: string | null;
  /** Message templates exactly as printed, `{placeholders}` for the variable parts. */
  messages: string[];
  /** Other spellings people type for the error (search terms). */
  aliases: string[];
  /** Absolute URLs that redirect to the page (other spellings of its URL). */
  aliasUrls: string[];
  /** The fix in one sentence, Markdown. */
  fix: string;
  /** The absolute URL of the page's Fix section. */
  fixUrl: string;
  /** Why the fix works, in one to three sentences of plain text. */
  fixWhy: string;
}

/** The record of one entry; `site` is the site's origin. */
export function errorRecord(catalogue: Catalogue, entry: Entry, site: URL | string): ErrorRecord {
  const absolute = (path: string) => new URL(path, site).href;
  return {
    id: entry.id,
    url: absolute(entry.url),
    json: absolute(apiEntryUrl(entry.language, entry.slug)),
    title: entry.data.title,
    summary: entry.data.summary,
    language: entry.language,
    kind: entry.data.kind,
    category: entry.data.category,
    errno: entry.data.errno,
    code: entry.data.code ?? null,
    messages: entry.data.messages,
    aliases: entry.data.aliases,
    aliasUrls: catalogue.aliasesOf(entry.url).map((alias) => absolute(alias.path)),
    fix: entry.fixLine,
    fixUrl: absolute(sectionUrl(entry.url, "fix")),
    fixWhy: entry.fixWhy,
  };
}

/** `/api/errors.json`: every entry, sorted by id. */
export function errorsIndex(catalogue: Catalogue, site: URL | string) {
  const errors = catalogue.entries
    .map((entry) => errorRecord(catalogue, entry, site))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return { name: SITE_NAME, url: new URL(API_ERRORS_URL, site).href, count: errors.length, errors };
}

/** A JSON response, indented so a curl reads well. */
export function jsonResponse(data: unknown): Response {
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
}
