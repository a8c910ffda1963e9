/**
 * Builds a fixture content set for real: `npm run build`'s script with
 * `ERRDEX_CONTENT_DIR` pointing at a copy of tests/fixtures/bad-entries/base
 * with the case's files laid over it, into a folder of its own. Builds of
 * one project share its `.astro/` folder, so they take turns: a lock folder
 * keeps two test files (run in parallel by `node --test`) from building at
 * the same time.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const FIXTURES = "tests/fixtures/bad-entries";

export interface Build {
  code: number | null;
  output: string;
  outDir: string;
}

const LOCK = path.join(
  tmpdir(),
  `errdex-build-${createHash("sha256").update(process.cwd()).digest("hex").slice(0, 12)}.lock`,
);
/** A lock older than this was left by a killed run. */
const STALE_MS = 10 * 60_000;

async function withBuildLock<T>(run: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_MS) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // Released between the two calls: try again.
      }
      await sleep(250);
    }
  }
  try {
    return await run();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface BuildOptions {
  /** Where the site goes: `<work>/<name>/dist` unless given. */
  outDir?: string;
  /** Added to the build's environment. */
  env?: Record<string, string>;
  /** Called with the content folder once the files are in place, to add more. */
  prepare?: (content: string) => void;
  /** The folder under `work` for this build: the fixture's name unless given. */
  name?: string;
}

/**
 * Builds `fixture` (a folder of tests/fixtures/bad-entries, or "base" alone)
 * under `work`, and reports how the build ended and what it printed.
 */
export function buildFixture(work: string, fixture: string, options: BuildOptions = {}): Promise<Build> {
  const name = options.name ?? fixture;
  const outDir = options.outDir ?? path.join(work, name, "dist");
  const content = path.join(work, name, "content");
  rmSync(content, { recursive: true, force: true });
  cpSync(path.join(FIXTURES, "base"), content, { recursive: true });
  if (fixture !== "base") cpSync(path.join(FIXTURES, fixture), content, { recursive: true });
  options.prepare?.(content);
  return withBuildLock(
    () =>
      new Promise<Build>((resolve, reject) => {
        const child = spawn(process.execPath, ["src/build/cli.ts", "--outDir", outDir], {
          env: {
            ...process.env,
            ERRDEX_CONTENT_DIR: content,
            ERRDEX_CACHE_DIR: path.join(work, name, "cache"),
            FORCE_COLOR: "0",
            NO_COLOR: "1",
            ...options.env,
          },
        });
        let output = "";
        child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code, output, outDir }));
      }),
  );
}
