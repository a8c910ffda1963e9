import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Runtime } from "../entry/runtime-versions.ts";
import type { Snippet } from "./entries.ts";

/**
 * A run's key: what decides what a snippet prints on one version. It is
 * the snippet (its code, files, name and libraries), the runtime's exact
 * version, and the verifier's own code that runs it and turns what it
 * printed into a recording (the runner digest). A recording keeps each
 * version's key; a run whose key is unchanged is not run again, so an
 * unchanged snippet is checked on the other versions once, not on every
 * `npm run verify`.
 */

/** The verifier's files each runner's output depends on: each runtime's, and the legacy probes'. */
const RUNNER_FILES: Record<Runtime | "probe", string[]> = {
  probe: ["sandbox.ts", "python-runner.ts", "normalise.ts", "probes.ts"],
  python: ["sandbox.ts", "python-runner.ts", "normalise.ts"],
  node: [
    "sandbox.ts",
    "node-runner.ts",
    "capture-uncaught.ts",
    "strip-types-register.mjs",
    "strip-types-hooks.mjs",
    "normalise.ts",
  ],
  typescript: ["typescript-checker.ts", "tsc-cli-checker.ts"],
};

const digests = new Map<Runtime | "probe", string>();

function runnerDigest(runtime: Runtime | "probe"): string {
  let digest = digests.get(runtime);
  if (digest === undefined) {
    const hash = createHash("sha256");
    for (const file of RUNNER_FILES[runtime])
      hash.update(`${file}\n`).update(readFileSync(new URL(`./${file}`, import.meta.url)));
    digest = hash.digest("hex");
    digests.set(runtime, digest);
  }
  return digest;
}

/** The key of `snippet`'s run on `runtime` at `version` (`python`, `3.9.18`); a probe's with `probe`. */
export function runKey(
  snippet: Pick<Snippet, "hash" | "filesHash">,
  runtime: Runtime,
  version: string,
  probe = false,
): string {
  return createHash("sha256")
    .update(`${snippet.hash}\n${snippet.filesHash ?? ""}\n${runtime} ${version}\n`)
    .update(runnerDigest(probe ? "probe" : runtime))
    .digest("hex")
    .slice(0, 16);
}
