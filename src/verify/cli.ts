/**
 * `npm run verify`: runs every snippet of every entry for real, on every
 * supported version of its runtimes (src/entry/runtime-versions.ts), and
 * checks it against its role, then compares what it printed with the
 * recording beside the entry. A run on a version other than the page's own
 * whose key is unchanged since it was recorded is taken from the recording
 * (src/verify/run-keys.ts). `npm run verify -- --update` re-records instead. The
 * work is verifyEntries() (verify-entries.ts); this file reads the
 * arguments and prints the results.
 *
 *   npm run verify                     check every entry
 *   npm run verify -- --update         re-record outputs
 *   npm run verify -- content/errors/python/key-error.mdx   only these files
 *   npm run verify -- --root tests/fixtures/verify           another content tree
 *   npm run verify -- --no-isolation   run where no network namespace can be made
 *   npm run verify -- --no-cache       run every version again, recorded keys or not
 */
import { availableParallelism } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { MissingRuntimeError } from "./runtime-installs.ts";
import { NoIsolationError, verifyEntries } from "./verify-entries.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    update: { type: "boolean", default: false },
    root: { type: "string", default: "." },
    jobs: { type: "string", default: String(Math.max(1, availableParallelism())) },
    timeout: { type: "string", default: "15" },
    "no-isolation": { type: "boolean", default: false },
    "no-cache": { type: "boolean", default: false },
  },
});

const started = performance.now();
const jobs = Number(values.jobs);
let results;
try {
  results = await verifyEntries({
    root: path.resolve(values.root),
    files: positionals.map((file) => path.resolve(file)),
    update: values.update,
    jobs,
    timeoutMs: Number(values.timeout) * 1000,
    allowNoIsolation: values["no-isolation"],
    noCache: values["no-cache"],
  });
} catch (error) {
  if (!(error instanceof NoIsolationError || error instanceof MissingRuntimeError)) throw error;
  console.error(`verify: ${error.message}`);
  process.exit(1);
}

if (results.unreadable.length > 0) {
  const n = results.unreadable.length;
  console.error(
    `verify: cannot read ${n} entr${n === 1 ? "y" : "ies"}:\n  ${results.unreadable.join("\n  ")}`,
  );
  process.exit(1);
}

let passed = 0;
let failed = 0;
let runs = 0;
let fromCache = 0;
const counts = new Map<string, number>();
for (const { entry, problems, snippets, probes } of results.entries) {
  for (const problem of problems) {
    console.log(`✘ ${entry.file}: ${problem}`);
    failed++;
  }
  const tally = (run: { cached: boolean; problems: string[] }, heading: string) => {
    runs++;
    if (run.cached) fromCache++;
    if (run.problems.length === 0) {
      passed++;
      return;
    }
    failed++;
    console.log(`✘ ${heading}`);
    for (const problem of run.problems) console.log(`  ${problem}`);
  };
  for (const { probe, run } of probes) {
    counts.set("probe", (counts.get("probe") ?? 0) + 1);
    tally(run, `${entry.file}: ${probe.field} on ${run.on}`);
  }
  for (const { snippet, runs: snippetRuns } of snippets) {
    const key = `${snippet.lang} ${snippet.role}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    for (const run of snippetRuns)
      tally(run, `${snippet.file}:${snippet.line} ${snippet.role} (${snippet.lang}) on ${run.on}`);
  }
}

const { verifiedWith } = results;
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const byKind = [...counts]
  .sort()
  .map(([key, n]) => `${key} ${n}`)
  .join(", ");
const snippetCount = [...counts.values()].reduce((sum, n) => sum + n, 0);
console.log(`\n${results.entries.length} entries; ${snippetCount} snippets: ${byKind}`);
console.log(
  `pages show Python ${verifiedWith.python}, Node.js ${verifiedWith.node} and TypeScript ${verifiedWith.typescript} on ${verifiedWith.os}; ` +
    `${jobs} at a time, network: ${results.isolated ? "loopback only (own namespace)" : "NOT isolated (--no-isolation)"}; ${seconds} s`,
);
console.log(`runtimes: ${results.runtimes.join(", ")}`);
if (results.updated)
  console.log(
    `recordings ${failed === 0 ? "written" : "written only for entries whose snippets all passed"}`,
  );
console.log(
  `${runs} runs on ${results.runtimes.length} runtimes (${runs - fromCache} run now, ${fromCache} unchanged since recorded): ${passed} passed, ${failed} failed`,
);
process.exitCode = failed > 0 ? 1 : 0;
