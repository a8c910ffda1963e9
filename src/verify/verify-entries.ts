import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { arch } from "node:os";
import path from "node:path";
import ts from "typescript";
import { entryFiles } from "../content-layer/content-dir.ts";
import { readRecording, recordingPath, type EntryRecording, type VerifiedWith } from "../entry/recordings.ts";
import { readEntry, type Snippet, type VerifiedEntry } from "./entries.ts";
import { judgeSnippet, type Verdict } from "./judge.ts";
import { CONSOLE } from "../entry/reader.ts";
import { cachePackages, installPackages } from "./npm-packages.ts";
import { findPython } from "./python-runner.ts";
import { networkIsolation } from "./sandbox.ts";
import { typeCheck } from "./typescript-checker.ts";

/**
 * Runs every snippet of the given entries for real, judges each against its
 * role, and compares what it printed with the recording beside the entry
 * (or, with `update`, writes new recordings for entries whose snippets all
 * passed). It returns what happened; src/verify/cli.ts prints it.
 */

export interface VerifyOptions {
  /** The project whose `content/errors/` is verified. */
  root: string;
  /** Only these entry files (absolute); every entry when empty. */
  files: readonly string[];
  /** Write recordings instead of comparing with them. */
  update: boolean;
  /** Snippets run at a time. */
  jobs: number;
  timeoutMs: number;
}

/** One snippet's outcome: empty `problems` means it passed. */
interface SnippetResult {
  snippet: Snippet;
  verdict: Verdict;
  problems: string[];
}

interface EntryResult {
  entry: VerifiedEntry;
  /** Problems of the entry as a whole (a missing role, stale recordings). */
  problems: string[];
  snippets: SnippetResult[];
}

export interface VerifyResults {
  /** Entries that could not be read; nothing ran when there are any. */
  unreadable: string[];
  entries: EntryResult[];
  verifiedWith: VerifiedWith;
  /** Whether snippets ran in their own network namespace (loopback only). */
  isolated: boolean;
  /** Recordings were written (with `update`). */
  updated: boolean;
}

/** Thrown when snippets cannot be kept off the network and isolation was not waived. */
export class NoIsolationError extends Error {}

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
  if (recorded.files !== snippet.filesHash)
    return [
      "its files (the `file=` fences before it) changed since it was recorded: run `npm run verify -- --update` and commit the .verified.json",
    ];
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

/** What a whole entry is missing or has left over, beside its snippets' own results. */
function entryProblems(
  entry: VerifiedEntry,
  recording: EntryRecording | undefined,
  update: boolean,
): string[] {
  const problems: string[] = [];
  if (entry.snippets.length === 0) problems.push("has no repro, fix or bad snippet");
  for (const role of ["repro", "fix", "bad"] as const) {
    if (entry.snippets.length > 0 && !entry.snippets.some((s) => s.role === role))
      problems.push(`has no \`${role}\` snippet`);
  }
  if (!update) {
    // Outputs for snippets that are gone (a removed snippet); a changed one
    // is already reported as having no recording.
    const current = new Set(entry.snippets.map((s) => s.hash));
    const stale = recording?.snippets.filter((r) => !current.has(r.hash)) ?? [];
    const unrecorded = entry.snippets.some((s) => !recording?.snippets.some((r) => r.hash === s.hash));
    if (stale.length > 0 && !unrecorded) {
      problems.push(
        `recording has ${stale.length} output(s) for snippets that no longer exist (lines ${stale.map((s) => s.line).join(", ")}); run with --update`,
      );
    }
  }
  return problems;
}

export async function verifyEntries(
  options: VerifyOptions & { allowNoIsolation: boolean },
): Promise<VerifyResults> {
  const { root, update } = options;
  const files = options.files.length > 0 ? options.files : entryFiles(path.join(root, "content/errors"));
  const python = findPython();
  const verifiedWith: VerifiedWith = {
    python: python.version,
    node: process.versions.node,
    typescript: ts.version,
    os: operatingSystem(),
    date: new Date().toISOString().slice(0, 10),
  };
  const isolated = networkIsolation() !== "none";

  // Read every entry first: a malformed one stops the run before anything executes.
  const entries: VerifiedEntry[] = [];
  const unreadable: string[] = [];
  for (const file of files) {
    try {
      entries.push(readEntry(file, root));
    } catch (error) {
      unreadable.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (unreadable.length > 0) return { unreadable, entries: [], verifiedWith, isolated, updated: false };
  // Snippets may only reach loopback; without a private network namespace
  // they could reach anything, so refuse unless told otherwise.
  if (!isolated && !options.allowNoIsolation) {
    throw new NoIsolationError(
      "cannot isolate snippets from the network here (`unshare -n` needs root, `unshare -rn` user namespaces, and `ip` from iproute2).\n" +
        "  Install iproute2 or run as root; or pass --no-isolation to run snippets on this machine's network anyway.",
    );
  }

  const snippets = entries.flatMap((entry) => entry.snippets.map((snippet) => ({ entry, snippet })));
  // npm packages (`with=axios@1.7.9`) are installed before anything runs: snippets reach only loopback.
  const packages = new Map<string, string | { problem: string }>();
  for (const { entry, snippet } of snippets) {
    if (snippet.lang === "ts" && snippet.libraries.length > 0)
      packages.set(snippet.hash, installPackages(snippet.libraries));
    // A console snippet of a Node.js entry gets them in an npm cache, to install offline.
    if (snippet.lang === CONSOLE && entry.language !== "python" && snippet.libraries.length > 0)
      packages.set(snippet.hash, cachePackages(snippet.libraries));
  }
  const diagnostics = typeCheck(
    new Map(
      snippets
        .filter(({ snippet }) => snippet.lang === "ts")
        .map(({ snippet }) => {
          const folder = packages.get(snippet.hash);
          return [
            snippet.hash,
            {
              code: snippet.code,
              files: snippet.files,
              ...(snippet.name ? { name: snippet.name } : {}),
              ...(typeof folder === "string" ? { packages: folder } : {}),
            },
          ];
        }),
    ),
  );
  const verdicts = await pool(
    snippets.map(
      ({ entry, snippet }) =>
        () =>
          judgeSnippet(entry, snippet, { python, diagnostics, packages, timeoutMs: options.timeoutMs }),
    ),
    options.jobs,
  );

  const results: EntryResult[] = entries.map((entry) => {
    const recording = readRecording(path.join(root, entry.file));
    const mine = snippets.flatMap((s, i) =>
      s.entry === entry
        ? [{ snippet: s.snippet, verdict: verdicts[i]!, problems: [...verdicts[i]!.problems] }]
        : [],
    );
    if (update) {
      if (mine.every(({ problems }) => problems.length === 0)) {
        const next: EntryRecording = {
          verifiedWith,
          snippets: mine.map(({ snippet, verdict }) => ({
            hash: snippet.hash,
            role: snippet.role,
            lang: snippet.lang,
            line: snippet.line,
            output: verdict.output,
            exitCode: verdict.exitCode,
            ...(snippet.filesHash ? { files: snippet.filesHash } : {}),
            ...(verdict.runtime ? { runtime: verdict.runtime } : {}),
          })),
        };
        writeFileSync(recordingPath(path.join(root, entry.file)), `${JSON.stringify(next, null, 2)}\n`);
      }
    } else {
      for (const result of mine) {
        if (result.problems.length === 0)
          result.problems.push(...compareWithRecording(result.snippet, result.verdict, recording));
      }
    }
    return { entry, problems: entryProblems(entry, recording, update), snippets: mine };
  });
  return { unreadable, entries: results, verifiedWith, isolated, updated: update };
}
