import { existsSync, statSync } from "node:fs";
import { entryFiles } from "../content-dir.ts";
import { readRecording, recordingPath, snippetHash, type SnippetRecording } from "../../entry/recordings.ts";

/**
 * Finds what `npm run verify` recorded for a snippet, by its language and
 * exact code, across every entry's `.verified.json`. Read once, then kept
 * current: each answer checks that the recording it came from has not
 * changed since (one stat), and a snippet with no recording rereads them
 * once; so `astro dev` shows a re-recorded output without a restart.
 */
interface Found {
  recording: SnippetRecording;
  file: string;
  mtimeMs: number;
}

let byHash: Map<string, Found> | undefined;
const missing = new Set<string>();

function mtimeOf(file: string): number {
  return existsSync(file) ? statSync(file).mtimeMs : -1;
}

function loadAll(): Map<string, Found> {
  const map = new Map<string, Found>();
  for (const entry of entryFiles()) {
    const file = recordingPath(entry);
    const mtimeMs = mtimeOf(file);
    for (const recording of readRecording(entry)?.snippets ?? [])
      map.set(recording.hash, { recording, file, mtimeMs });
  }
  return map;
}

/** The recorded run of a snippet, if it has one. */
export function recordedOutput(lang: string, code: string): SnippetRecording | undefined {
  const hash = snippetHash(lang, code);
  byHash ??= loadAll();
  let found = byHash.get(hash);
  const stale = found !== undefined && mtimeOf(found.file) !== found.mtimeMs;
  if (stale || (found === undefined && !missing.has(hash))) {
    byHash = loadAll();
    found = byHash.get(hash);
    if (found === undefined) missing.add(hash);
  }
  return found?.recording;
}
