import type { Catalogue, CataloguedCode, Entry } from "./catalogue.ts";
import { rowSummary } from "./runtime-rows.ts";
import { SITE_NAME } from "../lib/site.ts";
import { readRecording } from "../entry/recordings.ts";
import { versionRows } from "../entry/version-table.ts";
import { API_ALIASES_URL, API_ERRORS_URL, apiEntryUrl, sectionUrl } from "./urls.ts";

/** One entry as the JSON API gives it, for editor and tool authors. */
export interface ErrorRecord {
  /** `python/connection-refused-error` */
  id: string;
  /**
   * `entry`: errdex's own page, with every section; `catalogue`: a code or
   * class the runtime defines that has no deep entry yet, whose page gives
   * what the runtime says about it. The URL stays when an entry replaces it.
   */
  depth: "entry" | "catalogue";
  /** The page's absolute URL. */
  url: string;
  /** This record's own absolute URL. */
  json: string;
  title: string;
  summary: string;
  language: Entry["language"];
  kind: Entry["data"]["kind"];
  /** The site's category; null on a catalogue page. */
  category: Entry["data"]["category"] | null;
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
  /** The fix in one sentence, Markdown; null on a catalogue page. */
  fix: string | null;
  /** The absolute URL of the page's Fix section; null on a catalogue page. */
  fixUrl: string | null;
  /** Why the fix works, in one to three sentences of plain text; null on a catalogue page. */
  fixWhy: string | null;
  /** What a catalogue page's facts were read from (`TypeScript 6.0.3`); null on an entry. */
  source: string | null;
  /**
   * "Message by version": each wording the entry's repros printed, verified,
   * with the versions that printed it (`3.12–3.13`); `probe` marks a legacy
   * version only a probe ran on. Empty on a catalogue page.
   */
  messageByVersion: { versions: string; message: string | null; probe: boolean }[];
}

/** The record of one entry; `site` is the site's origin. */
function errorRecord(catalogue: Catalogue, entry: Entry, site: URL | string): ErrorRecord {
  const absolute = (path: string) => new URL(path, site).href;
  return {
    id: entry.id,
    depth: "entry",
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
    source: null,
    messageByVersion: versionRows(
      entry.language,
      entry.source.filePath ? readRecording(entry.source.filePath) : undefined,
    ).map(({ versions, message, probe }) => ({ versions, message: message ?? null, probe })),
  };
}

/** The record of a catalogue code with no entry yet. */
function catalogueRecord(catalogue: Catalogue, code: CataloguedCode, site: URL | string): ErrorRecord {
  const absolute = (path: string) => new URL(path, site).href;
  const { row } = code;
  return {
    id: `${row.language}/${row.slug}`,
    depth: "catalogue",
    url: absolute(row.url),
    json: absolute(apiEntryUrl(row.language, row.slug)),
    title: row.name,
    summary: rowSummary(row),
    language: row.language,
    kind: ({ python: "exception", node: "error-code", typescript: "diagnostic" } as const)[row.language],
    category: null,
    errno: [],
    code: row.code ?? null,
    messages: row.templates,
    aliases: [],
    aliasUrls: catalogue.aliasesOf(row.url).map((alias) => absolute(alias.path)),
    fix: null,
    fixUrl: null,
    fixWhy: null,
    source: row.source,
    messageByVersion: [],
  };
}

/** `/api/errors.json`: every entry and catalogue page, sorted by id. */
export function errorsIndex(catalogue: Catalogue, site: URL | string) {
  const errors = [
    ...catalogue.entries.map((entry) => errorRecord(catalogue, entry, site)),
    ...catalogue.codes.filter((code) => !code.entry).map((code) => catalogueRecord(catalogue, code, site)),
  ].sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    name: SITE_NAME,
    url: new URL(API_ERRORS_URL, site).href,
    count: errors.length,
    entries: catalogue.entries.length,
    errors,
  };
}

/**
 * `/api/aliases.json`: every alias path (another spelling of a page's URL)
 * and the path of the page it leads to, sorted by alias.
 */
export function aliasesIndex(catalogue: Catalogue, site: URL | string) {
  return {
    name: SITE_NAME,
    url: new URL(API_ALIASES_URL, site).href,
    count: catalogue.aliases.length,
    aliases: Object.fromEntries(catalogue.aliases.map((alias) => [alias.path, alias.target])),
  };
}

/** A JSON response, indented so a curl reads well. */
export function jsonResponse(data: unknown): Response {
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
}
