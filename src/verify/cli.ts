/**
 * `npm run verify`: runs every snippet of every entry for real and checks
 * it against its role, then compares what it printed with the recording
 * beside the entry. `npm run verify -- --update` re-records instead. The
 * work is verifyEntries() (verify-entries.ts); this file reads the
 * arguments and prints the results.
 *
 *   npm run verify                     check every entry
 *   npm run verify -- --update         re-record outputs
 *   npm run verify -- content/errors/python/key-error.mdx   only these files
 *   npm run verify -- --root tests/fixtures/verify           another content tree
 *   npm run verify -- --no-isolation   run where no network namespace can be made
 */
import { availableParallelism } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { NoIsolationError, verifyEntries } from "./verify-entries.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    update: { type: "boolean", default: false },
    root: { type: "string", default: "." },
    jobs: { type: "string", default: String(Math.max(1, availableParallelism())) },
    timeout: { type: "string", default: "15" },
    "no-isolation": { type: "boolean", default: false },
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
  });
} catch (error) {
  if (!(error instanceof NoIsolationError)) throw error;
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
const counts = new Map<string, number>();
for (const { entry, problems, snippets } of results.entries) {
  for (const problem of problems) {
    console.log(`✘ ${entry.file}: ${problem}`);
    failed++;
  }
  for (const { snippet, problems: snippetProblems } of snippets) {
    const key = `${snippet.lang} ${snippet.role}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (snippetProblems.length === 0) {
      passed++;
      continue;
    }
    failed++;
    console.log(`✘ ${snippet.file}:${snippet.line} ${snippet.role} (${snippet.lang})`);
    for (const problem of snippetProblems) console.log(`  ${problem}`);
  }
}

const { verifiedWith } = results;
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const byKind = [...counts]
  .sort()
  .map(([key, n]) => `${key} ${n}`)
  .join(", ");
console.log(`\n${results.entries.length} entries; snippets: ${byKind}`);
console.log(
  `verified with Python ${verifiedWith.python}, Node.js ${verifiedWith.node}, TypeScript ${verifiedWith.typescript} on ${verifiedWith.os}; ` +
    `${jobs} at a time, network: ${results.isolated ? "loopback only (own namespace)" : "NOT isolated (--no-isolation)"}; ${seconds} s`,
);
if (results.updated)
  console.log(
    `recordings ${failed === 0 ? "written" : "written only for entries whose snippets all passed"}`,
  );
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
