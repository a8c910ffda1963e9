/**
 * An entry in plain Markdown is rendered by the content loader, and one
 * that uses components by @astrojs/mdx (src/content-layer/loader.ts). This
 * builds the real site both ways, once as it is and once with every entry
 * sent through @astrojs/mdx (`ERRDEX_RENDER=mdx`), and requires the same
 * entry HTML from both for every entry: the fast path may never change
 * what a page says.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseDocument, DomUtils } from "htmlparser2";
import { entryFiles } from "../../src/content-layer/content-dir.ts";
import { entryIdFromPath } from "../../src/entry/reader.ts";

const work = mkdtempSync(path.join(tmpdir(), "errdex-render-paths-"));
test.after(() => rmSync(work, { recursive: true, force: true }));

function astroBuild(
  name: string,
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["node_modules/astro/bin/astro.mjs", "build", "--outDir", path.join(work, name, "dist")],
      {
        env: {
          ...process.env,
          ERRDEX_CACHE_DIR: path.join(work, name, "cache"),
          FORCE_COLOR: "0",
          NO_COLOR: "1",
          ...env,
        },
      },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** The rendered entry on a built page: the `.prose` block, without the page's sources list. */
function entryHtml(dist: string, language: string, slug: string): string {
  const document = parseDocument(readFileSync(path.join(dist, language, slug, "index.html"), "utf8"));
  const prose = DomUtils.findOne((element) => element.attribs["class"] === "prose", document.children);
  assert.ok(prose, `${language}/${slug}: no .prose block`);
  return prose.children
    .filter((child) => (child as { attribs?: Record<string, string> }).attribs?.["class"] !== "sources")
    .map((child) => DomUtils.getOuterHTML(child, { decodeEntities: true }))
    .join("")
    .trim();
}

test(
  "every entry renders to the same HTML by the loader's path and by @astrojs/mdx",
  { timeout: 600_000 },
  async () => {
    // One after the other: two builds at once would fight over two cores.
    const auto = await astroBuild("auto", {});
    assert.equal(auto.code, 0, auto.output.slice(-3000));
    const mdx = await astroBuild("mdx", { ERRDEX_RENDER: "mdx" });
    assert.equal(mdx.code, 0, mdx.output.slice(-3000));

    const entries = entryFiles().map((file) => entryIdFromPath(file));
    assert.ok(entries.length >= 200, `only ${entries.length} entries`);
    const different: string[] = [];
    for (const { id, language, slug } of entries) {
      const fast = entryHtml(path.join(work, "auto", "dist"), language, slug);
      const compiled = entryHtml(path.join(work, "mdx", "dist"), language, slug);
      assert.ok(fast.length > 2000, `${id}: the entry rendered to almost nothing`);
      if (fast !== compiled) {
        const at = [...fast].findIndex((char, index) => char !== compiled[index]);
        different.push(
          `${id}: differs at ${at}:\n  loader: …${fast.slice(at - 80, at + 120)}\n  mdx:    …${compiled.slice(at - 80, at + 120)}`,
        );
      }
    }
    assert.deepEqual(different, []);
  },
);
