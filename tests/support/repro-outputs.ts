import path from "node:path";
import { entryFiles } from "../../src/content-layer/content-dir.ts";
import { entryIdFromPath } from "../../src/entry/reader.ts";
import { readRecording } from "../../src/entry/recordings.ts";
import { CONFIDENT, exactHits, type SearchLookup } from "../../src/search/exact-hits.ts";
import { readPaste } from "../../src/search/paste.ts";
import { entryUrl } from "../../src/catalogue/urls.ts";
import type { Language } from "../../src/entry/languages.ts";

/** One output a real run printed for an entry's `repro` snippet. */
export interface ReproOutput {
  language: Language;
  /** The entry it belongs to. */
  url: string;
  /** As a user's terminal would show it: placeholders become a path and a port. */
  output: string;
}

/**
 * Every `repro` output `npm run verify` recorded beside the entries (never
 * typed by hand): the search corpus that the search tests and the search
 * benchmark paste. The recordings normalise scratch paths and ports to
 * placeholders; those are turned back into plausible values here.
 */
export function recordedReproOutputs(contentDir = "content/errors"): ReproOutput[] {
  const outputs: ReproOutput[] = [];
  for (const file of entryFiles(path.resolve(contentDir))) {
    const { language, slug } = entryIdFromPath(file);
    for (const snippet of readRecording(file)?.snippets ?? []) {
      if (snippet.role !== "repro" || !snippet.output) continue;
      outputs.push({
        language,
        url: entryUrl(language, slug),
        output: snippet.output.replaceAll("<scratch>", "/home/dev/project").replaceAll("<port>", "5432"),
      });
    }
  }
  return outputs;
}

/**
 * The right first answers for a recorded output: its own entry, or a
 * message entry of that entry's class whose template the output matches
 * (`/python/invalid-literal-for-int/` for a ValueError page's repro): the
 * more specific page is the better answer.
 */
export function acceptedFirst(lookup: SearchLookup, url: string, output: string): string[] {
  const entry = lookup.entries.find((e) => e.url === url);
  if (entry?.kind !== "exception") return [url];
  const messagePages = exactHits(lookup, readPaste(output))
    .filter((hit) => hit.score >= CONFIDENT && hit.why === "message matches")
    .map((hit) => lookup.entries.find((e) => e.url === hit.url))
    .filter((e) => e?.kind === "message" && e.className === entry.className);
  return [url, ...messagePages.map((e) => e!.url)];
}
