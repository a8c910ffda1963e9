import { readdirSync } from "node:fs";
import path from "node:path";
import { ERRORS_DIR } from "../lib/content-dir.ts";
import { readRecording, snippetHash, type SnippetRecording } from "../lib/recordings.ts";

/**
 * Finds what `npm run verify` recorded for a snippet, by its language and
 * exact code, across every entry's `.verified.json`. Read once per build.
 */
let byHash: Map<string, SnippetRecording> | undefined;

function loadAll(): Map<string, SnippetRecording> {
  const map = new Map<string, SnippetRecording>();
  const base = ERRORS_DIR;
  for (const language of readdirSync(base)) {
    for (const name of readdirSync(path.join(base, language))) {
      if (!name.endsWith(".mdx")) continue;
      for (const snippet of readRecording(path.join(base, language, name))?.snippets ?? []) {
        map.set(snippet.hash, snippet);
      }
    }
  }
  return map;
}

/** The recorded run of a snippet, if it has one. */
export function recordedOutput(lang: string, code: string): SnippetRecording | undefined {
  byHash ??= loadAll();
  return byHash.get(snippetHash(lang, code));
}
