/**
 * `npm run catalogue:update`: extracts the TypeScript, Node.js and Python
 * error catalogues from the installed runtimes (extract.ts) and writes them
 * to content/catalogue/, saying how many rows each has and where they were
 * read from. Run it after upgrading typescript, the node devDependency or
 * python3; the runtime-catalogues unit test fails until it is run.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { RUNTIME_CATALOGUE_FILES } from "../runtime-rows.ts";
import { extractCatalogues, serialise, type Catalogues } from "./extract.ts";

const started = performance.now();
const catalogues = extractCatalogues();
for (const key of Object.keys(RUNTIME_CATALOGUE_FILES) as (keyof Catalogues)[]) {
  const file = RUNTIME_CATALOGUE_FILES[key];
  const data = catalogues[key];
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, serialise(data));
  console.log(
    `${path.relative(process.cwd(), file)}: ${data.rows.length} rows from ${data.source}, ${data.read}`,
  );
}
console.log(`extracted in ${((performance.now() - started) / 1000).toFixed(1)} s`);
