/**
 * `npm run build`: `astro build` into a staging folder beside the output,
 * then the Pagefind index, and the staging folder replaces the output only
 * when the whole build succeeded. A build
 * stopped by a bad entry, a dead link or anything else leaves the previous
 * `dist/` as it was (or none) and removes its partial output, so a
 * half-written site is never served or deployed.
 *
 *   npm run build                        into dist/
 *   npm run build -- --outDir <folder>   into another folder (the bad-entry tests)
 *
 * Other arguments go to `astro build` unchanged.
 */
import { spawnSync } from "node:child_process";
import { renameSync, rmSync } from "node:fs";
import path from "node:path";
import { indexSite } from "./pagefind-index.ts";

const args = process.argv.slice(2);
const at = args.indexOf("--outDir");
const outDir = path.resolve(at >= 0 ? (args.splice(at, 2)[1] ?? "dist") : "dist");
const staging = path.join(path.dirname(outDir), `.${path.basename(outDir)}-staging`);

rmSync(staging, { recursive: true, force: true });
const astro = path.resolve("node_modules/astro/bin/astro.mjs");
const result = spawnSync(process.execPath, [astro, "build", "--outDir", staging, ...args], {
  stdio: "inherit",
});

function fail(status: number): never {
  rmSync(staging, { recursive: true, force: true });
  const shown = outDir.startsWith(process.cwd() + path.sep) ? path.relative(process.cwd(), outDir) : outDir;
  console.error(`build: failed; ${shown} was left as it was and the partial output removed`);
  process.exit(status);
}

if (result.status !== 0) fail(result.status ?? 1);
// The search index, once Astro has exited (see pagefind-index.ts for why).
try {
  console.log(`build: Pagefind indexed ${await indexSite(staging)} pages`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  fail(1);
}
rmSync(outDir, { recursive: true, force: true });
renameSync(staging, outDir);
