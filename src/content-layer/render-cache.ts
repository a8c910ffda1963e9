import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CACHE_DIR } from "./cache-dir.ts";

/**
 * What the loader learns about an entry version, kept in a file in the
 * build cache (`<cache>/errdex-rendered/<digest>.json`), not in Astro's data
 * store. The store is held in memory whole, serialised whole and bundled
 * into the build; with every entry's HTML in it, a 10,000-entry build
 * peaked at 4.9 GB as the store was written and bundled. The loader writes
 * the file when it reads an entry; the catalogue and the entry's page read
 * it back by the entry's digest.
 */
export interface RenderedEntry {
  /**
   * The entry's HTML, for an entry in plain Markdown. Absent for an entry
   * that uses components: @astrojs/mdx compiles that one and its page
   * renders the compiled module.
   */
  html?: string;
  /** The ticket line from the Fix section (src/entry/reader.ts). */
  fixLine: string | undefined;
  /** "Why this works", plain text. */
  fixWhy: string | undefined;
  /** Every component use: the catalogue checks the ids they name. */
  components: { name: string; props: Record<string, unknown>; line: number }[];
}

const RENDERED_DIR = path.join(CACHE_DIR, "errdex-rendered");

function renderedPath(digest: string): string {
  if (!/^[\w-]+$/.test(digest)) throw new Error(`errdex: "${digest}" is not an entry digest`);
  return path.join(RENDERED_DIR, `${digest}.json`);
}

/** Whether an entry version is already in the cache. */
export function hasRenderedEntry(digest: string): boolean {
  return existsSync(renderedPath(digest));
}

/** Stores an entry version. */
export function writeRenderedEntry(digest: string, rendered: RenderedEntry): void {
  mkdirSync(RENDERED_DIR, { recursive: true });
  writeFileSync(renderedPath(digest), JSON.stringify(rendered));
}

/** An entry version, for the catalogue and its page. */
export function readRenderedEntry(entry: {
  id: string;
  digest?: string | number | undefined;
}): RenderedEntry {
  const file = entry.digest === undefined ? undefined : renderedPath(String(entry.digest));
  if (!file || !existsSync(file)) {
    throw new Error(`errdex: entry ${entry.id} is not in ${RENDERED_DIR}; rebuild to render it`);
  }
  return JSON.parse(readFileSync(file, "utf8")) as RenderedEntry;
}

/** Removes entry versions that no longer exist. */
export function pruneRenderedEntries(keep: ReadonlySet<string>): void {
  if (!existsSync(RENDERED_DIR)) return;
  for (const name of readdirSync(RENDERED_DIR)) {
    if (!keep.has(name.replace(/\.json$/, ""))) rmSync(path.join(RENDERED_DIR, name), { force: true });
  }
}
