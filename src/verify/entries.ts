import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "astro/zod";
import { EntryError } from "../entry/errors.ts";
import type { Language } from "../entry/languages.ts";
import { readEntry as readEntrySource, type Snippet } from "../entry/reader.ts";
import { entrySchema, type EntryData } from "../entry/schema.ts";

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
 * the site shows. Throws an EntryError naming the file when it is malformed.
 */
export function readEntry(file: string, root: string): VerifiedEntry {
  const relative = path.relative(root, file);
  const entry = readEntrySource(readFileSync(file, "utf8"), relative);
  const parsed = entrySchema.safeParse(entry.frontMatter);
  if (!parsed.success) {
    throw new EntryError(
      relative,
      undefined,
      `the front matter does not fit the schema:\n${z.prettifyError(parsed.error)}`,
      "Every field and its rules are in src/entry/schema.ts.",
    );
  }
  return {
    file: relative,
    id: entry.id,
    language: entry.language,
    data: parsed.data,
    snippets: entry.snippets,
  };
}
