import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { load } from "js-yaml";
import { mdxToMdast } from "satteri";

/**
 * A tidy check over every entry, in the spirit of Rust's error index: no
 * two entries share a summary or a paragraph of prose (each page is written
 * for its own error), and every entry has its recorded outputs.
 */

interface Node {
  type: string;
  value?: string;
  children?: Node[];
}

const base = "content/errors";
const files = readdirSync(base).flatMap((language) =>
  readdirSync(path.join(base, language))
    .filter((name) => name.endsWith(".mdx"))
    .map((name) => path.join(base, language, name)),
);

function text(node: Node): string {
  if (node.type === "code") return "";
  return node.value ?? (node.children ?? []).map(text).join("");
}

function paragraphs(node: Node): string[] {
  if (node.type === "paragraph" || node.type === "listItem") return [text(node)];
  return (node.children ?? []).flatMap(paragraphs);
}

const entries = files.map((file) => {
  const tree = mdxToMdast(readFileSync(file, "utf8"), { features: { frontmatter: true } }) as Node;
  const frontMatter = load(tree.children?.find((node) => node.type === "yaml")?.value ?? "") as {
    summary: string;
  };
  const prose = paragraphs(tree)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter((p) => p.split(" ").length >= 12);
  return { file, summary: frontMatter.summary, prose };
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
