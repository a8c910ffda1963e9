import { entryFiles } from "../content-dir.ts";
import { readRecording, snippetHash, type SnippetRecording } from "../../entry/recordings.ts";

/**
 * Finds what `npm run verify` recorded for a snippet, by its language and
 * exact code, across every entry's `.verified.json`. Read once per build.
 */
let byHash: Map<string, SnippetRecording> | undefined;

function loadAll(): Map<string, SnippetRecording> {
  const map = new Map<string, SnippetRecording>();
  for (const file of entryFiles()) {
    for (const snippet of readRecording(file)?.snippets ?? []) map.set(snippet.hash, snippet);
  }
  return map;
}

/** The recorded run of a snippet, if it has one. */
export function recordedOutput(lang: string, code: string): SnippetRecording | undefined {
  byHash ??= loadAll();
  return byHash.get(snippetHash(lang, code));
}
