/**
 * `npm run build`: `astro build` into a staging folder beside the output,
 * then the alias redirect pages and the Pagefind index, and the staging
 * folder replaces the output only when the whole build succeeded. A build
 * stopped by a bad entry, a dead link or anything else leaves the previous
 * `dist/` as it was (or none) and removes its partial output, so a
 * half-written site is never served or deployed.
 *
 * The output it replaces is renamed aside and removed by a process of its
 * own that outlives the build: on this 2-core machine removing a site's
 * 8,400 folders takes 4–6 s of file-system work, which was the build's last
 * step, and removing it while Astro wrote the next site slowed Astro more
 * than that. A removal that was cut short is finished by the next build.
 *
 *   npm run build                        into dist/
 *   npm run build -- --outDir <folder>   into another folder (the bad-entry tests)
 *
 * Other arguments go to `astro build` unchanged.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { writeAliasPages } from "./alias-pages.ts";
import { writeApiRecords } from "./api-records.ts";
import { indexSite } from "./pagefind-index.ts";
import { writeResultCards } from "./result-cards.ts";

const args = process.argv.slice(2);
const at = args.indexOf("--outDir");
const outDir = path.resolve(at >= 0 ? (args.splice(at, 2)[1] ?? "dist") : "dist");
const beside = (suffix: string) => path.join(path.dirname(outDir), `.${path.basename(outDir)}-${suffix}`);
const staging = beside("staging");
/** Where a replaced output waits for its removal: `.dist-replaced-<time>`. */
const replacedPrefix = `.${path.basename(outDir)}-replaced-`;

/** Removes `folders` in a process of its own, which the build does not wait for. */
function removeInBackground(folders: string[]): void {
  if (folders.length === 0) return;
  const script =
    "for (const f of process.argv.slice(1)) require('node:fs').rmSync(f, { recursive: true, force: true })";
  spawn(process.execPath, ["-e", script, ...folders], { detached: true, stdio: "ignore" }).unref();
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

rmSync(staging, { recursive: true, force: true });
// What an earlier build's removal left, if it was cut short.
removeInBackground(
  readdirSync(path.dirname(outDir))
    .filter((name) => name.startsWith(replacedPrefix))
    .map((name) => path.join(path.dirname(outDir), name)),
);
const astro = path.resolve("node_modules/astro/bin/astro.mjs");
const status = await new Promise<number>((resolve, reject) => {
  const child = spawn(process.execPath, [astro, "build", "--outDir", staging, ...args], { stdio: "inherit" });
  child.on("error", reject);
  child.on("close", (code) => resolve(code ?? 1));
});

function fail(status: number): never {
  rmSync(staging, { recursive: true, force: true });
  const shown = outDir.startsWith(process.cwd() + path.sep) ? path.relative(process.cwd(), outDir) : outDir;
  console.error(`build: failed; ${shown} was left as it was and the partial output removed`);
  process.exit(status);
}

if (status !== 0) fail(status);
// Pagefind's index, once Astro has exited (see pagefind-index.ts for why),
// and meanwhile the files made from one list Astro built (the alias pages
// from the alias table, the API's record files from its list; see each for
// why not Astro): Pagefind works in its own process, and the pages it
// reads are not aliases. Then the result cards, from Pagefind's fragments.
try {
  const start = performance.now();
  const [indexed, aliases, records] = await Promise.all([
    indexSite(staging),
    writeAliasPages(staging),
    writeApiRecords(staging),
  ]);
  const cards = writeResultCards(staging);
  console.log(
    `build: ${indexed} pages indexed, ${cards} result cards filed, ${aliases} alias redirect pages and ${records} API records written in ${seconds(start)}`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  fail(1);
}
if (existsSync(outDir)) {
  const replaced = path.join(path.dirname(outDir), `${replacedPrefix}${Date.now()}`);
  renameSync(outDir, replaced);
  renameSync(staging, outDir);
  removeInBackground([replaced]);
} else renameSync(staging, outDir);
