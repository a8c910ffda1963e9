import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

/**
 * Where the content lives: `content/` unless `ERRDEX_CONTENT_DIR` names
 * another folder of the same shape (`errors/<language>/<slug>.mdx`,
 * `errno.yaml`, `python-exceptions.yaml`, `catalogue/<language>.json`). The bad-entry tests build small
 * fixture sets through it; everything that reads content goes through here.
 */
const CONTENT_DIR = path.resolve(process.env["ERRDEX_CONTENT_DIR"] ?? "content");

/** A file or folder inside the content directory, as an absolute path. */
export function contentPath(...parts: string[]): string {
  return path.join(CONTENT_DIR, ...parts);
}

/**
 * How messages name a content file: relative to the project
 * (`content/errno.yaml`), or absolute when it lies outside it.
 */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? path.resolve(file) : relative || ".";
}

/** The entries: `<language>/<slug>.mdx` under it. */
export const ERRORS_DIR = contentPath("errors");

/** The errno table. */
export const ERRNO_FILE = contentPath("errno.yaml");

/** Python's exception hierarchy, class → parent. */
export const PYTHON_HIERARCHY_FILE = contentPath("python-exceptions.yaml");

/**
 * The entry files (`<language>/<slug>.mdx`) under an errors folder, sorted
 * so builds and verify runs are repeatable. The loader, the verifier and
 * the recordings reader all list entries through here.
 */
export function entryFiles(errorsDir = ERRORS_DIR): string[] {
  if (!existsSync(errorsDir)) throw new Error(`${displayPath(errorsDir)}: the entries folder does not exist`);
  return readdirSync(errorsDir, { withFileTypes: true })
    .filter((dir) => dir.isDirectory())
    .flatMap((dir) =>
      readdirSync(path.join(errorsDir, dir.name))
        .filter((name) => name.endsWith(".mdx"))
        .map((name) => path.join(errorsDir, dir.name, name)),
    )
    .sort();
}
