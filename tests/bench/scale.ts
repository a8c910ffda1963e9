/**
 * The build benchmark: generates N synthetic, schema-valid entries (default
 * 1000; `--entries N`) in a scratch copy of the project, runs the production
 * build there, and prints what it cost and what it made; `--json` prints one
 * JSON line instead. It measures; it asserts nothing.
 *
 *   npm run bench -- --entries 1000
 *   npm run bench -- --entries 10000 --json
 *   npm run bench -- --entries 1000 --starlight   also Starlight, interleaved, twice each
 *   npm run bench -- --real       the real site: the committed entries, not synthetic ones
 *
 * Every build is cold; after it, the same build runs again on its warm
 * cache (`warmBuildSeconds`), as a rebuild after editing one entry would.
 * Besides an entry page, it weighs a catalogue page's first visit.
 *
 * With `--starlight` the same pages are built by Starlight as well
 * (tests/bench/starlight.ts), errdex and Starlight in turn, twice each, every
 * build cold; it prints each build and the ratio of the best times, so the
 * comparison holds on a machine whose speed drifts.
 */
import { spawn, execFileSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "../support/browser.ts";
import { firstSearch, firstVisit } from "../support/page-weight.ts";
import { startPreview } from "../support/preview-server.ts";
import { recordingPath } from "../../src/entry/recordings.ts";
import { starlightProject } from "./starlight.ts";
import { syntheticEntries } from "./synthetic-entries.ts";

const { values } = parseArgs({
  options: {
    entries: { type: "string", default: "1000" },
    json: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    starlight: { type: "boolean", default: false },
    real: { type: "boolean", default: false },
  },
});
const count = Number(values.entries);
if (!Number.isInteger(count) || count < 10)
  throw new Error(`--entries must be a whole number ≥ 10, got ${values.entries}`);
const log = (line: string) => {
  if (!values.json) console.log(line);
};

// A scratch copy of the committed project with synthetic entries in place of the real ones.
const root = process.cwd();
const scratch = mkdtempSync(path.join(tmpdir(), `errdex-bench-${values.real ? "real" : count}-`));
for (const file of execFileSync("git", ["ls-files"], { encoding: "utf8" }).split("\n").filter(Boolean)) {
  if ((!values.real && file.startsWith("content/errors/")) || file.startsWith("tests/")) continue;
  mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
  cpSync(file, path.join(scratch, file));
}
symlinkSync(path.join(root, "node_modules"), path.join(scratch, "node_modules"));
const entries = values.real ? [] : syntheticEntries(count);
for (const entry of entries) {
  const file = path.join(scratch, "content/errors", entry.file);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, entry.mdx);
  writeFileSync(recordingPath(file), `${JSON.stringify(entry.recording, null, 2)}\n`);
}
log(values.real ? `the real site in ${scratch}` : `${count} synthetic entries in ${scratch}`);

/** Resident memory of a process and its descendants, from /proc, in bytes. */
function treeRss(pid: number): number {
  let total = 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    for (const child of children) total += treeRss(Number(child));
  } catch {
    // The process ended between reads.
  }
  return total;
}

/** Runs a build to its end, sampling the memory of its process tree; stops the bench if it fails. */
async function timedBuild(
  args: string[],
  cwd: string,
  env: Record<string, string>,
): Promise<{ seconds: number; peakRss: number }> {
  const started = performance.now();
  let peakRss = 0;
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", values.json || values.starlight ? "ignore" : "inherit", "inherit"],
  });
  const sampler = setInterval(() => {
    if (child.pid) peakRss = Math.max(peakRss, treeRss(child.pid));
  }, 100);
  const exitCode = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearInterval(sampler);
  if (exitCode !== 0) throw new Error(`the build failed in ${cwd} (exit ${exitCode})`);
  const seconds = (performance.now() - started) / 1000;
  // The build removes the output it replaced in the background
  // (src/build/cli.ts); the next measurement starts when that is done, as
  // a rebuild after editing an entry would.
  while (readdirSync(cwd).some((name) => name.startsWith(".dist-replaced-")))
    await new Promise((resolve) => setTimeout(resolve, 200));
  return { seconds, peakRss };
}

// The production build, as `npm run build` runs it: astro build, then
// Pagefind. A cold build: the scratch copy gets a cache of its own, emptied
// before each build, rather than the project's.
const errdexBuild = () => {
  rmSync(path.join(scratch, ".cache"), { recursive: true, force: true });
  return timedBuild(["src/build/cli.ts"], scratch, { ERRDEX_CACHE_DIR: path.join(scratch, ".cache") });
};
const starlightDir = values.starlight ? starlightProject(root, entries) : undefined;
const starlightBuild = (dir: string) => {
  rmSync(path.join(dir, "node_modules/.astro"), { recursive: true, force: true });
  rmSync(path.join(dir, ".astro"), { recursive: true, force: true });
  return timedBuild([path.join(dir, "..", "node_modules/astro/bin/astro.mjs"), "build"], dir, {});
};

const runs: { site: string; seconds: number; peakRss: number }[] = [];
for (let round = 0; round < (starlightDir ? 2 : 1); round++) {
  runs.push({ site: "errdex", ...(await errdexBuild()) });
  log(`errdex build: ${runs.at(-1)!.seconds.toFixed(1)} s`);
  if (starlightDir) {
    runs.push({ site: "starlight", ...(await starlightBuild(starlightDir)) });
    log(`Starlight build: ${runs.at(-1)!.seconds.toFixed(1)} s`);
  }
}
// A rebuild on the warm cache: only what changed would render again. The
// second of two: the first replaces the cold build's output, the second
// one that was itself a rebuild.
const rebuild = () =>
  timedBuild(["src/build/cli.ts"], scratch, { ERRDEX_CACHE_DIR: path.join(scratch, ".cache") });
log(`errdex build, warm cache, first rebuild: ${(await rebuild()).seconds.toFixed(1)} s`);
const warm = await rebuild();
log(`errdex build, warm cache: ${warm.seconds.toFixed(1)} s`);
const best = (site: string) => Math.min(...runs.filter((run) => run.site === site).map((run) => run.seconds));
const buildSeconds = best("errdex");
const peakRss = Math.max(...runs.filter((run) => run.site === "errdex").map((run) => run.peakRss));

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)],
  );
}
const dist = path.join(scratch, "dist");
const files = walk(dist);
const bytes = (list: string[]) => list.reduce((sum, file) => sum + statSync(file).size, 0);
const pages = files.filter((file) => file.endsWith(".html")).length;

// Page weight, measured in Chromium against the built scratch site.
process.chdir(scratch);
const server = await startPreview(4359);
const executablePath = chromiumExecutable();
const browser = await chromium.launch({ args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) });
const sample = values.real
  ? "python/connection-refused-error/"
  : entries[Math.floor(entries.length / 2)]!.file.replace(/\.mdx$/, "/");
const visit = await firstVisit(browser, `${server.origin}/${sample}`);
// A page of the runtime catalogues that has no deep entry.
const cataloguePage = await firstVisit(browser, `${server.origin}/typescript/ts1002/`);
const search = await firstSearch(browser, server.origin, "ECONNREFUSED");
await browser.close();
server.stop();
process.chdir(root);

const result = {
  entries: values.real
    ? execFileSync("git", ["ls-files", "content/errors/*.mdx"], { encoding: "utf8" })
        .split("\n")
        .filter(Boolean).length
    : count,
  pages,
  buildSeconds: Number(buildSeconds.toFixed(1)),
  warmBuildSeconds: Number(warm.seconds.toFixed(1)),
  warmPeakRssMb: Math.round(warm.peakRss / 2 ** 20),
  pagesPerSecond: Number((pages / buildSeconds).toFixed(1)),
  peakRssMb: Math.round(peakRss / 2 ** 20),
  distMb: Number((bytes(files) / 2 ** 20).toFixed(1)),
  files: files.length,
  pagefindKb: Math.round(
    bytes(files.filter((file) => file.includes(`${path.sep}pagefind${path.sep}`))) / 1024,
  ),
  entryPageKb: Number((visit.gzipBytes / 1024).toFixed(1)),
  entryPageJsKb: Number((visit.jsGzipBytes / 1024).toFixed(1)),
  cataloguePageKb: Number((cataloguePage.gzipBytes / 1024).toFixed(1)),
  firstSearchKb: Number((search.gzipBytes / 1024).toFixed(1)),
  ...(starlightDir
    ? {
        starlightSeconds: Number(best("starlight").toFixed(1)),
        starlightPeakRssMb: Math.round(
          Math.max(...runs.filter((run) => run.site === "starlight").map((run) => run.peakRss)) / 2 ** 20,
        ),
        timeVsStarlight: Number((buildSeconds / best("starlight")).toFixed(2)),
      }
    : {}),
};
if (values.json) console.log(JSON.stringify(result));
else console.table(Object.entries(result).map(([measure, value]) => ({ measure, value })));
if (!values.keep) {
  rmSync(scratch, { recursive: true, force: true });
  if (starlightDir) rmSync(starlightDir, { recursive: true, force: true });
}
