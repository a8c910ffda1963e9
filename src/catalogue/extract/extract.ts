import { spawnSync } from "node:child_process";
import path from "node:path";
import { extractNode } from "./node.ts";
import { extractTypeScript } from "./typescript.ts";
import type { NodeCatalogue, PythonCatalogue, TypeScriptCatalogue } from "../runtime-schema.ts";

/**
 * The three runtime catalogues, extracted from the runtimes the project
 * runs on: the installed `typescript` package, the project's Node.js and
 * python3. `npm run catalogue:update` writes them to content/catalogue/,
 * and a unit test reruns this and fails when the committed files differ,
 * so the data is never typed by hand.
 */

export interface Catalogues {
  typescript: TypeScriptCatalogue;
  node: NodeCatalogue;
  python: PythonCatalogue;
}

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
