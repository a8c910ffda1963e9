import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { displayPath, entryFiles } from "../../src/content-layer/content-dir.ts";
import { readEntry } from "../../src/entry/reader.ts";

/**
 * A tidy check over every entry, in the spirit of Rust's error index: no
 * two entries share a summary or a paragraph of prose (each page is written
 * for its own error), and every entry has its recorded outputs.
 */

const entries = entryFiles().map((file) => {
  const entry = readEntry(readFileSync(file, "utf8"), displayPath(file));
  const prose = entry.paragraphs
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter((p) => p.split(" ").length >= 12);
  return { file: entry.file, summary: String(entry.frontMatter["summary"]), prose };
});

test("no two entries share a summary", () => {
  const seen = new Map<string, string>();
  for (const { file, summary } of entries) {
    assert.ok(!seen.has(summary), `${file} has the same summary as ${seen.get(summary)}`);
    seen.set(summary, file);
  }
});

test("no two entries share a paragraph of prose", () => {
  const seen = new Map<string, string>();
  const shared: string[] = [];
  for (const { file, prose } of entries) {
    for (const paragraph of new Set(prose)) {
      const owner = seen.get(paragraph);
      if (owner && owner !== file) shared.push(`${file} repeats ${owner}: "${paragraph.slice(0, 80)}…"`);
      seen.set(paragraph, file);
    }
  }
  assert.deepEqual(shared, []);
});

test("the tidy check reads real prose (it would notice a copy)", () => {
  assert.ok(entries.length >= 10);
  assert.ok(
    entries.every((entry) => entry.prose.length >= 3),
    "every entry has at least three paragraphs",
  );
});
