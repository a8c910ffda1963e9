import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Loader, LoaderContext } from "astro/loaders";
import { load as loadYaml, type YAMLException } from "js-yaml";
import { mdxToMdast } from "satteri";
import { displayPath, entryFiles } from "../lib/content-dir.ts";
import { recordingPath } from "../lib/recordings.ts";
import { hasRenderedEntry, pruneRenderedEntries, writeRenderedEntry } from "../lib/rendered-entries.ts";

/**
 * Loads the error entries (`<language>/<slug>.mdx` under `base`) into the
 * content layer and renders each one there, once, through the site's
 * Markdown pipeline (section ids, Shiki, snippet figures with their recorded
 * outputs).
 *
 * Why not Astro's `glob()` loader with @astrojs/mdx: that compiles every
 * entry into its own Vite module, and at 1,000 entries the modules cost
 * half the build's time and most of its memory, growing with every entry
 * (2.4 GB at 1,000, 14.7 GB at 10,000). Rendered here, an entry is a file
 * of HTML (see rendered-entries.ts), cached between builds by a digest of
 * everything it is made from, and its page only prints it.
 *
 * Entries stay MDX files and are parsed as MDX, so a malformed one stops
 * the build as the MDX compiler would; what only MDX could run (imports,
 * exports, components, `{expressions}`) stops it too, since no entry needs
 * them. Any error stops the build, naming the file.
 */
export function errorEntriesLoader(options: { base: string }): Loader {
  const base = path.resolve(options.base);
  return {
    name: "errdex:error-entries",
    async load(context) {
      const seen = new Set<string>();
      const renderer = rendererDigest();
      for (const file of entryFiles(base)) {
        seen.add(await loadEntry(context, base, file, renderer));
      }
      for (const id of context.store.keys()) if (!seen.has(id)) context.store.delete(id);
      pruneRenderedEntries(new Set(context.store.values().map((entry) => String(entry.digest))));
      // `astro dev`: re-render an entry when it or its recording changes.
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

/** Validates and renders one entry into the store, unless its cached render is still current. */
async function loadEntry(
  context: LoaderContext,
  base: string,
  file: string,
  renderer: string,
): Promise<string> {
  const id = entryId(base, file);
  const shown = displayPath(file);
  const source = readFileSync(file, "utf8");
  const recording = recordingPath(file);
  // The page shows the recorded outputs and is rendered by our own Markdown
  // plugins, so a change to either makes the cached render stale.
  const digest = context.generateDigest(
    [renderer, source, existsSync(recording) ? readFileSync(recording, "utf8") : ""].join("\0"),
  );
  if (context.store.get(id)?.digest === digest && hasRenderedEntry(digest)) return id;

  const { data, body } = parseEntry(source, shown);
  const parsed = await context.parseData({ id, data, filePath: file });
  const rendered = await context.renderMarkdown(source, { fileURL: pathToFileURL(file) });
  // The HTML goes to a file of its own, not into the store (see rendered-entries.ts).
  writeRenderedEntry(digest, rendered.html);
  context.store.set({
    id,
    data: parsed,
    body,
    filePath: path.relative(process.cwd(), file).split(path.sep).join("/"),
    digest,
  });
  return id;
}

/** Node types that only an MDX runtime could give meaning to. */
const MDX_ONLY: Record<string, string> = {
  mdxjsEsm: "an import or export",
  mdxFlowExpression: "a {…} expression",
  mdxTextExpression: "a {…} expression",
};

interface MdastNode {
  type: string;
  name?: string | null;
  value?: string;
  position?: { start: { line: number; column: number } };
  children?: MdastNode[];
}

/**
 * Parses an entry as MDX and returns its front matter and body. Stops with
 * `file:line:column` on a syntax error, on front matter that is not YAML,
 * and on MDX-only syntax.
 */
function parseEntry(source: string, shown: string): { data: Record<string, unknown>; body: string } {
  let tree: MdastNode;
  try {
    tree = mdxToMdast(source, { features: { frontmatter: true } }) as MdastNode;
  } catch (error) {
    throw new Error(`${shown}:${(error as Error).message}`, { cause: error });
  }
  const problems: string[] = [];
  const visit = (node: MdastNode) => {
    const at = node.position ? `${shown}:${node.position.start.line}:${node.position.start.column}` : shown;
    const what =
      MDX_ONLY[node.type] ??
      (/^mdxJsx/.test(node.type) && node.name && !/^[a-z][a-z0-9-]*$/.test(node.name)
        ? `the component <${node.name}>`
        : undefined);
    if (what)
      problems.push(`${at}: ${what}; entries are plain Markdown and HTML, rendered without an MDX runtime`);
    node.children?.forEach(visit);
  };
  visit(tree);
  if (problems.length > 0) throw new Error(problems.join("\n"));

  const frontMatter = tree.children?.[0]?.type === "yaml" ? (tree.children[0].value ?? "") : "";
  let data: unknown = {};
  try {
    // A file without front matter reaches the schema, which names each missing field.
    if (frontMatter.trim() !== "") data = loadYaml(frontMatter);
  } catch (error) {
    const { mark, reason } = error as YAMLException;
    // The front matter starts on line 2, after the opening `---`.
    throw new Error(`${shown}:${(mark?.line ?? 0) + 2}: the front matter is not valid YAML: ${reason}`, {
      cause: error,
    });
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new Error(`${shown}: the front matter must be a YAML mapping of fields`);
  }
  const body = source.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n?/, "");
  return { data: data as Record<string, unknown>, body };
}

/**
 * A digest of what renders an entry besides the entry itself: our Markdown
 * plugins, the site's config and the locked dependency versions. It keys the
 * cache, so changing a plugin re-renders every entry.
 */
function rendererDigest(): string {
  const hash = createHash("sha256");
  const files = ["astro.config.mjs", "package-lock.json"];
  for (const dir of ["src/markdown", "src/lib"]) {
    if (existsSync(dir)) files.push(...readdirSync(dir).map((name) => path.join(dir, name)));
  }
  for (const file of files.sort()) {
    if (existsSync(file) && statSync(file).isFile()) hash.update(file).update(readFileSync(file));
  }
  return hash.digest("hex");
}
