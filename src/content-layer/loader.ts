import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Loader, LoaderContext } from "astro/loaders";
import { displayPath, entryFiles } from "./content-dir.ts";
import { recordingPath } from "../entry/recordings.ts";
import { hasRenderedEntry, pruneRenderedEntries, writeRenderedEntry } from "./render-cache.ts";
import { EntryError } from "../entry/errors.ts";
import { readEntry, validFrontMatter } from "../entry/reader.ts";

/**
 * Loads the error entries (`<language>/<slug>.mdx` under `base`) into the
 * content layer. Each entry is read once by the entry reader
 * (src/entry/reader.ts), its front matter validated by the schema, and
 * then rendered by one of two paths:
 *
 * - an entry that uses components is left to @astrojs/mdx
 *   (`deferredRender`): Vite compiles it into a module, and its page
 *   renders that module with the entry components;
 * - an entry in plain Markdown is rendered here, once, through the same
 *   Markdown pipeline (Sätteri with the section-id plugin and Shiki's
 *   transformers), and its HTML cached in a file by a digest of everything
 *   it is made from.
 *
 * Why two paths: a Vite module per entry costs build time and memory that
 * grow with every entry (2.4 GB at 1,000 entries, 14.7 GB at 10,000, when
 * every entry was one), and most entries need no component. Both paths
 * run the same processor and plugins; tests/integration/render-paths.test.ts
 * builds every entry both ways and requires the same HTML.
 *
 * Every problem stops the build, naming the file and line, and all of them
 * are reported at once.
 */
export function errorEntriesLoader(options: { base: string }): Loader {
  const base = path.resolve(options.base);
  return {
    name: "errdex:error-entries",
    async load(context) {
      const seen = new Set<string>();
      const problems: EntryError[] = [];
      const renderer = rendererDigest();
      for (const file of entryFiles(base)) {
        try {
          seen.add(await loadEntry(context, base, file, renderer));
        } catch (error) {
          if (!(error instanceof EntryError)) throw error;
          problems.push(error);
          seen.add(entryId(base, file));
        }
      }
      if (problems.length > 0) throw EntryError.all(problems);
      for (const id of context.store.keys()) if (!seen.has(id)) context.store.delete(id);
      pruneRenderedEntries(new Set(context.store.values().map((entry) => String(entry.digest))));
      // `astro dev`: re-read an entry when it or its recording changes.
      context.watcher?.add(base);
      context.watcher?.on("all", (_event, changed) => {
        if (!isEntryOrRecording(base, changed)) return;
        const file = changed.replace(/\.verified\.json$/, ".mdx");
        if (!existsSync(file)) context.store.delete(entryId(base, file));
        // In dev a broken entry is reported and the previous render kept.
        else
          loadEntry(context, base, file, rendererDigest()).catch((error: unknown) => {
            context.logger.error(error instanceof Error ? error.message : String(error));
          });
      });
    },
  };
}

function isEntryOrRecording(base: string, file: string): boolean {
  const relative = path.relative(base, file).split(path.sep);
  return relative.length === 2 && /\.(mdx|verified\.json)$/.test(file);
}

function entryId(base: string, file: string): string {
  return path
    .relative(base, file)
    .split(path.sep)
    .join("/")
    .replace(/\.mdx$/, "");
}

/**
 * Which path renders entries: `auto` (components → @astrojs/mdx, plain
 * Markdown → here), or `mdx` to send every entry through @astrojs/mdx, which
 * the render-paths test uses to compare the two.
 */
const RENDER_PATH = process.env["ERRDEX_RENDER"] === "mdx" ? "mdx" : "auto";

/** Reads, validates and renders one entry into the store, unless its cached version is current. */
async function loadEntry(
  context: LoaderContext,
  base: string,
  file: string,
  renderer: string,
): Promise<string> {
  const id = entryId(base, file);
  const shown = displayPath(file);
  const filePath = path.relative(process.cwd(), file).split(path.sep).join("/");
  const source = readFileSync(file, "utf8");
  const recording = recordingPath(file);
  // The page shows the recorded outputs and is rendered by our own Markdown
  // plugins, so a change to either makes the cached render stale.
  const digest = context.generateDigest(
    [renderer, RENDER_PATH, source, existsSync(recording) ? readFileSync(recording, "utf8") : ""].join("\0"),
  );
  const cached = context.store.get(id);
  if (cached?.digest === digest && hasRenderedEntry(digest)) {
    if (cached.deferredRender) context.store.addModuleImport(filePath);
    return id;
  }

  const entry = readEntry(source, shown);
  validFrontMatter(entry, source);
  const parsed = await context.parseData({ id, data: entry.frontMatter, filePath: file });
  const facts = {
    fixLine: entry.fixLine,
    fixWhy: entry.fixWhy,
    components: entry.components.map(({ name, props, line }) => ({ name, props, line })),
  };
  if (entry.usesMdx || RENDER_PATH === "mdx") {
    writeRenderedEntry(digest, facts);
    context.store.set({ id, data: parsed, body: entry.body, filePath, digest, deferredRender: true });
  } else {
    const rendered = await context.renderMarkdown(source, { fileURL: pathToFileURL(file) });
    writeRenderedEntry(digest, { ...facts, html: rendered.html });
    context.store.set({ id, data: parsed, body: entry.body, filePath, digest });
  }
  return id;
}

/**
 * A digest of what renders an entry besides the entry itself: our Markdown
 * plugins, the site's config and the locked dependency versions. It keys the
 * cache, so changing a plugin re-renders every entry.
 */
function rendererDigest(): string {
  const hash = createHash("sha256");
  const files = ["astro.config.mjs", "package-lock.json"];
  for (const dir of ["src/content-layer", "src/content-layer/markdown", "src/entry"]) {
    if (existsSync(dir)) files.push(...readdirSync(dir).map((name) => path.join(dir, name)));
  }
  for (const file of files.sort()) {
    if (existsSync(file) && statSync(file).isFile()) hash.update(file).update(readFileSync(file));
  }
  return hash.digest("hex");
}
