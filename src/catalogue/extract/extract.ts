import { spawnSync } from "node:child_process";
import path from "node:path";
import { extractNode, type NodeCatalogue } from "./node.ts";
import { extractTypeScript, type TypeScriptCatalogue } from "./typescript.ts";

/**
 * The three runtime catalogues, extracted from the runtimes the project
 * runs on: the installed `typescript` package, the project's Node.js and
 * python3. `npm run catalogue:update` writes them to content/catalogue/,
 * and a unit test reruns this and fails when the committed files differ,
 * so the data is never typed by hand.
 */

interface PythonRow {
  /** As a traceback's last line names the class: `json.decoder.JSONDecodeError`. */
  name: string;
  /** The public name it is imported by: `json.JSONDecodeError`. */
  documentedAs: string;
  /** The class it derives from, by its `name`; null for BaseException. */
  base: string | null;
  /** The first paragraph of the class's own docstring. */
  doc: string | null;
}

interface PythonCatalogue {
  source: string;
  read: string;
  rows: PythonRow[];
}

export interface Catalogues {
  typescript: TypeScriptCatalogue;
  node: NodeCatalogue;
  python: PythonCatalogue;
}

const ROOT = path.resolve(import.meta.dirname, "../../..");

/** Where each catalogue is committed. */
export const CATALOGUE_FILES: Record<keyof Catalogues, string> = {
  typescript: path.join(ROOT, "content/catalogue/typescript.json"),
  node: path.join(ROOT, "content/catalogue/node.json"),
  python: path.join(ROOT, "content/catalogue/python.json"),
};

/** How a catalogue is written: stable key order from the extractors, two-space JSON. */
export function serialise(data: Catalogues[keyof Catalogues]): string {
  return JSON.stringify(data, null, 2) + "\n";
}

function extractPython(): PythonCatalogue {
  // -I: no PYTHON* variables, user site-packages or script directory can change what is read.
  const run = spawnSync("python3", ["-I", path.join(import.meta.dirname, "python.py")], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw new Error(`errdex: could not run python3: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`errdex: src/catalogue/extract/python.py failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as PythonCatalogue;
}

export function extractCatalogues(): Catalogues {
  return { typescript: extractTypeScript(), node: extractNode(), python: extractPython() };
}
