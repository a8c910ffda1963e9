import { loadCatalogue } from "../catalogue/catalogue.ts";
import { LANGUAGE_LABELS } from "../entry/languages.ts";
import type { SearchLookup } from "./exact-hits.ts";
import { shardLookup } from "./lookup-shards.ts";
import { rowSummary } from "../catalogue/runtime-rows.ts";
import { bareClassName } from "../catalogue/python-hierarchy.ts";
import { readRecording } from "../entry/recordings.ts";
import type { Entry } from "../catalogue/catalogue.ts";

/**
 * The classes other than `className` a message entry's repros were verified
 * raising on some supported version, read from its recording.
 */
function raisedAs(entry: Entry, className: string | undefined): string[] {
  if (entry.data.kind !== "message" || !entry.source.filePath) return [];
  const names = new Set<string>();
  for (const snippet of readRecording(entry.source.filePath)?.snippets ?? []) {
    if (snippet.role !== "repro") continue;
    for (const group of snippet.versions ?? []) {
      // `UnicodeEncodeError: …`, `TypeError [ERR_X]: …`; outside the entry's span it is another error.
      const name = group.outside
        ? undefined
        : /^([A-Za-z_][\w.]*)(?: \[[A-Z0-9_]+\])?:/.exec(group.message ?? "")?.[1];
      // The parent itself, however the traceback spells it (`sqlite3.OperationalError`), is no other class.
      const bare = (full: string | undefined) => full?.slice(full.lastIndexOf(".") + 1);
      if (name && bare(name) !== bare(className)) names.add(name);
    }
  }
  return [...names];
}

/** A catalogue page's kind, as the lookup names kinds. */
const ROW_KIND = { python: "exception", node: "error-code", typescript: "diagnostic" } as const;

/** Search results show a summary of about this many characters at most. */
const SUMMARY_LENGTH = 200;

/**
 * Builds the exact-answer lookup the search page loads: the entries, each
 * with its catalogue row's template too (the runtime's own wording), then
 * every catalogue code with no entry yet, then the errno table.
 */
async function buildSearchLookup(): Promise<SearchLookup> {
  const catalogue = await loadCatalogue();
  // A bare class name (`RemoteDisconnected`) names a catalogue class only
  // when no other class of the site has it; `Error` and `error` do not.
  const bareNames = Map.groupBy(
    [
      ...catalogue.codesOf("python").map((code) => bareClassName(code.row.name)),
      ...catalogue.entriesOf("python").map((entry) => entry.data.title),
    ],
    (name) => name.toLowerCase(),
  );
  const unique = (name: string) => (bareNames.get(name.toLowerCase())?.length ?? 0) <= 1;
  return {
    entries: [
      ...catalogue.entries.map((entry) => {
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
          ...(raisedAs(entry, className).length > 0 ? { raisedAs: raisedAs(entry, className) } : {}),
          names: [data.title, ...(data.code ? [data.code] : []), ...data.aliases].map((name) =>
            name.toLowerCase(),
          ),
          templates: [
            ...new Set([
              ...data.messages,
              ...catalogue.codesExplainedBy(entry).flatMap((code) => code.row.templates),
            ]),
          ],
          errno: data.errno,
        };
      }),
      ...catalogue.codes
        .filter((code) => !code.entry)
        .map(({ row }) => {
          const summary = rowSummary(row);
          const names = [row.name, row.documentedAs ?? row.name];
          if (row.language === "python" && unique(bareClassName(row.name)))
            names.push(bareClassName(row.name));
          return {
            url: row.url,
            title: row.name,
            language: LANGUAGE_LABELS[row.language],
            summary: summary.length > SUMMARY_LENGTH ? `${summary.slice(0, SUMMARY_LENGTH - 1)}…` : summary,
            kind: ROW_KIND[row.language],
            ...(row.code ? { code: row.code } : {}),
            // The class the message is printed after: `TypeError [ERR_X]: …`.
            ...(row.language === "python"
              ? { className: row.name }
              : row.classes?.[0]
                ? { className: row.classes[0] }
                : {}),
            names: [...new Set(names.map((name) => name.toLowerCase()))],
            templates: row.templates,
            errno: [],
          };
        }),
    ],
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
