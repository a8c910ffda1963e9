import { readFileSync } from "node:fs";
import path from "node:path";
import type { Language } from "../entry/languages.ts";
import { readEntry as readEntrySource, validFrontMatter, type Snippet } from "../entry/reader.ts";
import type { EntryData } from "../entry/schema.ts";

export type { Snippet };

/** An entry as the verifier needs it: its front matter and its role-tagged snippets. */
export interface VerifiedEntry {
  file: string;
  id: string;
  language: Language;
  data: EntryData;
  snippets: Snippet[];
}

/**
 * Reads an entry for the verifier through the one entry reader
 * (src/entry/reader.ts), so the snippets checked are exactly the snippets
 * the site shows. Throws an EntryError naming the file (and line) when it is malformed.
 */
export function readEntry(file: string, root: string): VerifiedEntry {
  const relative = path.relative(root, file);
  const source = readFileSync(file, "utf8");
  const entry = readEntrySource(source, relative);
  const data = validFrontMatter(entry, source);
  return { file: relative, id: entry.id, language: entry.language, data, snippets: entry.snippets };
}
