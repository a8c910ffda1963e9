/**
 * `npm run verify`: runs every snippet of every entry for real and checks
 * it against its role, then compares what it printed with the recording
 * beside the entry. `npm run verify -- --update` re-records instead.
 *
 *   npm run verify                     check every entry
 *   npm run verify -- --update         re-record outputs
 *   npm run verify -- content/errors/python/key-error.mdx   only these files
 *   npm run verify -- --root tests/fixtures/verify           another content tree
 *   npm run verify -- --no-isolation   run where no network namespace can be made
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, arch } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import ts from "typescript";
import { entryFiles } from "../content-layer/content-dir.ts";
import { readRecording, recordingPath, type EntryRecording, type VerifiedWith } from "../entry/recordings.ts";
import { readEntry, type Snippet, type VerifiedEntry } from "./entries.ts";
import { judgeSnippet, type Verdict } from "./judge.ts";
import { findPython } from "./python-runner.ts";
import { networkIsolation } from "./sandbox.ts";
import { typeCheck } from "./typescript-checker.ts";

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
const root = path.resolve(values.root);
const timeoutMs = Number(values.timeout) * 1000;
const jobs = Number(values.jobs);

function filesToVerify(): string[] {
  if (positionals.length > 0) return positionals.map((file) => path.resolve(file));
  return entryFiles(path.join(root, "content/errors"));
}

function operatingSystem(): string {
  const release = existsSync("/etc/os-release") ? readFileSync("/etc/os-release", "utf8") : "";
  const name = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(release)?.[1] ?? process.platform;
  return `${name}, ${arch()}`;
}

/** Runs `tasks` with at most `limit` in flight, keeping their order in the result. */
async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results = new Array<T>(tasks.length);
  let next = 0;
  async function worker() {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

function compareWithRecording(
  snippet: Snippet,
  verdict: Verdict,
  recording: EntryRecording | undefined,
): string[] {
  const recorded = recording?.snippets.find((r) => r.hash === snippet.hash);
  if (!recorded)
    return ["has no recorded output: run `npm run verify -- --update` and commit the .verified.json"];
  if (recorded.output === verdict.output && recorded.exitCode === verdict.exitCode) return [];
  const show = (text: string) =>
    text === ""
      ? "    (nothing)"
      : text
          .split("\n")
          .map((line) => `    ${line}`)
          .join("\n");
  return [
    `output differs from the recording (exit ${recorded.exitCode} recorded, ${verdict.exitCode} now):\n  recorded:\n${show(recorded.output)}\n  actual:\n${show(verdict.output)}`,
  ];
}

// Read every entry first: a malformed one stops the run before anything executes.
const entries: VerifiedEntry[] = [];
const readErrors: string[] = [];
for (const file of filesToVerify()) {
  try {
    entries.push(readEntry(file, root));
  } catch (error) {
    readErrors.push(error instanceof Error ? error.message : String(error));
  }
}
if (readErrors.length > 0) {
  console.error(
    `verify: cannot read ${readErrors.length} entr${readErrors.length === 1 ? "y" : "ies"}:\n  ${readErrors.join("\n  ")}`,
  );
  process.exit(1);
}

// Snippets may only reach loopback; without a private network namespace
// they could reach anything, so refuse unless told otherwise.
if (networkIsolation() === "none" && !values["no-isolation"]) {
  console.error(
    "verify: cannot isolate snippets from the network here (`unshare -n` needs root, `unshare -rn` user namespaces, and `ip` from iproute2).\n" +
      "  Install iproute2 or run as root; or pass --no-isolation to run snippets on this machine's network anyway.",
  );
  process.exit(1);
}

const python = findPython();
const verifiedWith: VerifiedWith = {
  python: python.version,
  node: process.versions.node,
  typescript: ts.version,
  os: operatingSystem(),
  date: new Date().toISOString().slice(0, 10),
};
const snippets = entries.flatMap((entry) => entry.snippets.map((snippet) => ({ entry, snippet })));
const diagnostics = typeCheck(
  new Map(
    snippets
      .filter(({ snippet }) => snippet.lang === "ts")
      .map(({ snippet }) => [snippet.hash, snippet.code]),
  ),
);
const verdicts = await pool(
  snippets.map(
    ({ entry, snippet }) =>
      () =>
        judgeSnippet(entry, snippet, { python, diagnostics, timeoutMs }),
  ),
  jobs,
);

let passed = 0;
let failed = 0;
const counts = new Map<string, number>();
for (const entry of entries) {
  const recording = readRecording(path.join(root, entry.file));
  const mine = snippets.flatMap((s, i) =>
    s.entry === entry ? [{ snippet: s.snippet, verdict: verdicts[i]! }] : [],
  );
  const problemsFor = new Map(mine.map(({ snippet, verdict }) => [snippet, [...verdict.problems]]));

  if (entry.snippets.length === 0) {
    console.log(`✘ ${entry.file}: has no repro, fix or bad snippet`);
    failed++;
  }
  for (const role of ["repro", "fix", "bad"] as const) {
    if (entry.snippets.length > 0 && !entry.snippets.some((s) => s.role === role)) {
      console.log(`✘ ${entry.file}: has no \`${role}\` snippet`);
      failed++;
    }
  }
  if (values.update) {
    const snippetsOk = mine.every(({ verdict }) => verdict.problems.length === 0);
    if (snippetsOk) {
      const next: EntryRecording = {
        verifiedWith,
        snippets: mine.map(({ snippet, verdict }) => ({
          hash: snippet.hash,
          role: snippet.role,
          lang: snippet.lang,
          line: snippet.line,
          output: verdict.output,
          exitCode: verdict.exitCode,
        })),
      };
      writeFileSync(recordingPath(path.join(root, entry.file)), `${JSON.stringify(next, null, 2)}\n`);
    }
  } else {
    for (const { snippet, verdict } of mine) {
      if (verdict.problems.length === 0)
        problemsFor.get(snippet)!.push(...compareWithRecording(snippet, verdict, recording));
    }
    // Outputs for snippets that are gone (a removed snippet); a changed one
    // is already reported above as having no recording.
    const current = new Set(entry.snippets.map((s) => s.hash));
    const stale = recording?.snippets.filter((r) => !current.has(r.hash)) ?? [];
    const unrecorded = entry.snippets.some((s) => !recording?.snippets.some((r) => r.hash === s.hash));
    if (stale.length > 0 && !unrecorded) {
      console.log(
        `✘ ${entry.file}: recording has ${stale.length} output(s) for snippets that no longer exist (lines ${stale.map((s) => s.line).join(", ")}); run with --update`,
      );
      failed++;
    }
  }
  for (const { snippet } of mine) {
    const key = `${snippet.lang} ${snippet.role}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const problems = problemsFor.get(snippet)!;
    if (problems.length === 0) {
      passed++;
    } else {
      failed++;
      console.log(`✘ ${snippet.file}:${snippet.line} ${snippet.role} (${snippet.lang})`);
      for (const problem of problems) console.log(`  ${problem}`);
    }
  }
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
const byKind = [...counts]
  .sort()
  .map(([key, n]) => `${key} ${n}`)
  .join(", ");
console.log(`\n${entries.length} entries; snippets: ${byKind}`);
console.log(
  `verified with Python ${verifiedWith.python}, Node.js ${verifiedWith.node}, TypeScript ${verifiedWith.typescript} on ${verifiedWith.os}; ` +
    `${jobs} at a time, network: ${networkIsolation() === "none" ? "NOT isolated (--no-isolation)" : "loopback only (own namespace)"}; ${seconds} s`,
);
if (values.update)
  console.log(
    `recordings ${failed === 0 ? "written" : "written only for entries whose snippets all passed"}`,
  );
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
