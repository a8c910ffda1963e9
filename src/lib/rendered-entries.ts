import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CACHE_DIR } from "./cache-dir.ts";

/**
 * Rendered entry HTML lives in files in the build cache, one per entry
 * version (`<cache>/errdex-rendered/<digest>.html`), not in Astro's data
 * store. The store is held in memory whole, serialised whole and bundled
 * into the build; with every entry's HTML in it, a 10,000-entry build
 * peaked at 4.9 GB as the store was written and bundled. The loader writes
 * a file when it renders an entry; the entry's page reads its own file.
 */

const RENDERED_DIR = path.join(CACHE_DIR, "errdex-rendered");

function renderedPath(digest: string): string {
  if (!/^[\w-]+$/.test(digest)) throw new Error(`errdex: "${digest}" is not an entry digest`);
  return path.join(RENDERED_DIR, `${digest}.html`);
}

/** Whether an entry version's HTML is already on disk. */
export function hasRenderedEntry(digest: string): boolean {
  return existsSync(renderedPath(digest));
}

/** Stores an entry version's HTML. */
export function writeRenderedEntry(digest: string, html: string): void {
  mkdirSync(RENDERED_DIR, { recursive: true });
  writeFileSync(renderedPath(digest), html);
}

/** An entry's rendered HTML, for its page. */
export function readRenderedEntry(entry: { id: string; digest?: string | number | undefined }): string {
  const file = entry.digest === undefined ? undefined : renderedPath(String(entry.digest));
  if (!file || !existsSync(file)) {
    throw new Error(
      `errdex: entry ${entry.id} has no rendered HTML in ${RENDERED_DIR}; rebuild to render it`,
    );
  }
  return readFileSync(file, "utf8");
}

/** Removes rendered HTML of entry versions that no longer exist. */
export function pruneRenderedEntries(keep: ReadonlySet<string>): void {
  if (!existsSync(RENDERED_DIR)) return;
  for (const name of readdirSync(RENDERED_DIR)) {
    if (!keep.has(name.replace(/\.html$/, ""))) rmSync(path.join(RENDERED_DIR, name), { force: true });
  }
}
