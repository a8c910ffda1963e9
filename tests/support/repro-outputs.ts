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
  /** The versions that printed it, when not the page's own (`python 3.12.1, python 3.13.0`). */
  on?: string;
}

/**
 * Every `repro` output `npm run verify` recorded beside the entries (never
 * typed by hand): the search corpus that the search tests and the search
 * benchmark paste. Besides the output the page shows, each other version's
 * output whose error is worded differently (Python 3.12's `Did you forget to
 * import`, a probe's Python 2.7 `global name`) is pasted too: users paste what
 * their version printed. The recordings normalise scratch paths and ports to
 * placeholders; those are turned back into plausible values here.
 */
export function recordedReproOutputs(contentDir = "content/errors"): ReproOutput[] {
  const outputs: ReproOutput[] = [];
  const asPrinted = (output: string) =>
    output.replaceAll("<scratch>", "/home/dev/project").replaceAll("<port>", "5432");
  for (const file of entryFiles(path.resolve(contentDir))) {
    const { language, slug } = entryIdFromPath(file);
    const url = entryUrl(language, slug);
    for (const snippet of readRecording(file)?.snippets ?? []) {
      if (snippet.role !== "repro" && snippet.role !== "probe") continue;
      const seen = new Set<string | undefined>();
      if (snippet.role === "repro" && snippet.output) {
        outputs.push({ language, url, output: asPrinted(snippet.output) });
        // The wording of the version the page shows.
        seen.add(snippet.versions?.find((group) => group.output === undefined)?.message);
      }
      for (const group of snippet.versions ?? []) {
        const output = group.output ?? snippet.output;
        // Outside the entry's versions span the repro raised another error: not this entry's.
        if (!group.message || group.outside || seen.has(group.message) || !output) continue;
        seen.add(group.message);
        outputs.push({ language, url, output: asPrinted(output), on: group.on.join(", ") });
      }
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
