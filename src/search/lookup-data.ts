import { loadCatalogue } from "../catalogue/catalogue.ts";
import { LANGUAGE_LABELS } from "../entry/languages.ts";
import type { SearchLookup } from "./exact-hits.ts";
import { shardLookup } from "./lookup-shards.ts";

/** Builds the exact-answer lookup the search page loads, from the entries and the errno table. */
async function buildSearchLookup(): Promise<SearchLookup> {
  const catalogue = await loadCatalogue();
  return {
    entries: catalogue.entries.map((entry) => {
      const { data } = entry;
      const className =
        entry.language === "python" ? (data.kind === "exception" ? data.title : data.parent) : data.parent;
      return {
        url: entry.url,
        title: data.title,
        language: LANGUAGE_LABELS[entry.language],
        summary: data.summary,
        kind: data.kind,
        ...(data.code ? { code: data.code } : {}),
        ...(className ? { className } : {}),
        names: [data.title, ...(data.code ? [data.code] : []), ...data.aliases].map((name) =>
          name.toLowerCase(),
        ),
        templates: data.messages,
        errno: data.errno,
      };
    }),
    errno: catalogue.errno.map((row) => ({
      name: row.name,
      url: row.url,
      message: row.data.message,
      linux: row.data.linux,
      macos: row.data.macos,
      ...(row.data.windows?.winsock !== undefined ? { winsock: row.data.windows.winsock } : {}),
      ...(row.data.windows?.crt !== undefined ? { crt: row.data.windows.crt } : {}),
      ...(row.data.windows?.libuv !== undefined ? { libuv: row.data.windows.libuv } : {}),
      ...(row.data.python ? { python: row.data.python } : {}),
    })),
  };
}

let sharded: Promise<ReturnType<typeof shardLookup>> | undefined;

/** The lookup cut into buckets (see lookup-shards.ts), once per build. */
export function searchLookupShards(): Promise<ReturnType<typeof shardLookup>> {
  sharded ??= buildSearchLookup().then((lookup) => shardLookup(lookup));
  return sharded;
}
