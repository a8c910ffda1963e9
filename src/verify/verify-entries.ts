import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { arch } from "node:os";
import path from "node:path";
import { entryFiles } from "../content-layer/content-dir.ts";
import {
  readRecording,
  recordingPath,
  type EntryRecording,
  type SnippetRecording,
  type VerifiedWith,
  type VersionOutput,
} from "../entry/recordings.ts";
import { RUNTIMES, inSpan, releaseOf, type Runtime } from "../entry/runtime-versions.ts";
import { readEntry, type Snippet, type VerifiedEntry } from "./entries.ts";
import { judgeSnippet, type Verdict } from "./judge.ts";
import { CONSOLE } from "../entry/reader.ts";
import { cachePackages, installPackages } from "./npm-packages.ts";
import { probesOf, runProbe, type Probe } from "./probes.ts";
import { runKey } from "./run-keys.ts";
import {
  MissingRuntimeError,
  primaryMismatch,
  runtimeVersion,
  type NodeVersion,
  type PythonVersion,
  type TypeScriptVersion,
} from "./runtime-installs.ts";
import { networkIsolation } from "./sandbox.ts";
import { typeCheckWithTsc } from "./tsc-cli-checker.ts";
import { typeCheck, type Diagnostic } from "./typescript-checker.ts";

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
  /** Run every version again, even where a recording's run key says nothing changed. */
  noCache?: boolean;
}

/** One run of a snippet on one version: empty `problems` means it passed. */
interface RunResult {
  /** `python 3.9.18`; the primary run of a TypeScript snippet is `node 24.21.0` (checked by TypeScript 6.0.3 too). */
  on: string;
  primary: boolean;
  /** Taken from the recording: its key was unchanged. */
  cached: boolean;
  verdict: Verdict;
  problems: string[];
}

/** One snippet's outcome: empty `problems` on every run means it passed. */
interface SnippetResult {
  snippet: Snippet;
  /** The primary run first. */
  runs: RunResult[];
}

interface EntryResult {
  entry: VerifiedEntry;
  /** Its probes' runs on legacy versions. */
  probes: { probe: Probe; run: RunResult }[];
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
  /** Every runtime version something ran on or was taken from a recording of (`python 3.9.18`). */
  runtimes: string[];
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
  probes: readonly Probe[],
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
    const current = new Set([...entry.snippets.map((s) => s.hash), ...probes.map((p) => p.hash)]);
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

/** The runtime whose versions a snippet runs on, and what each version's job is. */
interface Job {
  entry: VerifiedEntry;
  snippet: Snippet;
  runtime: Runtime;
  version: string;
  primary: boolean;
  /** A TypeScript snippet on another compiler (`check`) or another Node.js (`run`). */
  only?: "check" | "run";
  /** The version is outside the entry's `versions` span: the repro must not reproduce. */
  outside: boolean;
  key: string;
}

const runName = (runtime: Runtime, version: string) => `${runtime} ${version}`;

/** Whether a TypeScript snippet runs on Node.js at all (a compiler entry's repro and a plain `bad` are only checked). */
function runsOnNode(entry: VerifiedEntry, snippet: Snippet): boolean {
  if (entry.language === "typescript" && snippet.role === "repro") return false;
  return !(snippet.role === "bad" && !snippet.throws && !snippet.runs);
}

/**
 * Every run a snippet gets: the primary versions always (their outputs are
 * what the page shows), and each other supported version of its runtimes.
 * Console snippets and Python snippets `with=` Debian's libraries run only
 * where their tools are: the primary run.
 */
function jobsOf(entry: VerifiedEntry, snippet: Snippet): Job[] {
  const job = (runtime: Runtime, version: string, only?: "check" | "run"): Job | undefined => {
    const primary = version === RUNTIMES[runtime].primary;
    const release = releaseOf(runtime, version);
    // A snippet claiming some versions of the entry's runtime (`since=3.11`) runs only on those.
    if (runtime === entry.language && !inSpan(release, snippet)) return undefined;
    const outside = !inSpan(release, entry.data.versions?.[runtime]);
    // Outside its span only the repro runs, to show the error is not there.
    if (outside && snippet.role !== "repro") return undefined;
    return {
      entry,
      snippet,
      runtime,
      version,
      primary,
      ...(only && !primary ? { only } : {}),
      outside,
      key: runKey(snippet, runtime, version),
    };
  };
  const defined = (jobs: (Job | undefined)[]) => jobs.filter((j): j is Job => j !== undefined);
  if (snippet.lang === CONSOLE || (snippet.lang === "python" && snippet.libraries.length > 0)) {
    const runtime: Runtime = entry.language === "python" ? "python" : "node";
    return defined([job(runtime, RUNTIMES[runtime].primary)]);
  }
  if (snippet.lang === "python") return defined(RUNTIMES.python.supported.map((v) => job("python", v)));
  // A TypeScript snippet: its primary run is checked by the primary compiler and run on the primary Node.js.
  const primary = job(
    entry.language === "typescript" ? "typescript" : "node",
    RUNTIMES[entry.language === "typescript" ? "typescript" : "node"].primary,
  );
  const checks = RUNTIMES.typescript.supported
    .filter((v) => v !== RUNTIMES.typescript.primary)
    .map((v) => job("typescript", v, "check"));
  const runs = runsOnNode(entry, snippet)
    ? RUNTIMES.node.supported.filter((v) => v !== RUNTIMES.node.primary).map((v) => job("node", v, "run"))
    : [];
  return defined([primary, ...checks, ...runs]);
}

/** The recorded output of a version, as its verdict. */
function recordedVerdict(recorded: SnippetRecording, name: string): Verdict | undefined {
  const group = recorded.versions?.find((g) => g.on.includes(name));
  if (!group) return undefined;
  return {
    problems: [],
    output: group.output ?? recorded.output,
    exitCode: group.output === undefined ? recorded.exitCode : (group.exitCode ?? null),
    ...(group.message ? { message: group.message } : {}),
    ...(group.outside ? { outside: true } : {}),
  };
}

/** What each version printed, grouped where the same; `output` left out where it is what the page shows. */
function versionGroups(runs: readonly RunResult[], shown: Verdict): VersionOutput[] {
  const groups = new Map<string, VersionOutput>();
  for (const { on, verdict } of runs) {
    const same = verdict.output === shown.output && verdict.exitCode === shown.exitCode;
    const id = JSON.stringify([
      same ? null : [verdict.output, verdict.exitCode],
      verdict.message ?? null,
      verdict.outside ?? false,
    ]);
    const group = groups.get(id);
    if (group) group.on.push(on);
    else
      groups.set(id, {
        on: [on],
        ...(same ? {} : { output: verdict.output, exitCode: verdict.exitCode }),
        ...(verdict.message ? { message: verdict.message } : {}),
        ...(verdict.outside ? { outside: true } : {}),
      });
  }
  return [...groups.values()];
}

export async function verifyEntries(
  options: VerifyOptions & { allowNoIsolation: boolean },
): Promise<VerifyResults> {
  const { root, update } = options;
  const files = options.files.length > 0 ? options.files : entryFiles(path.join(root, "content/errors"));
  const mismatch = primaryMismatch();
  if (mismatch) throw new MissingRuntimeError(mismatch);
  const python = (runtimeVersion("python", RUNTIMES.python.primary) as PythonVersion).python;
  const verifiedWith: VerifiedWith = {
    python: python.version,
    node: RUNTIMES.node.primary,
    typescript: RUNTIMES.typescript.primary,
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
  if (unreadable.length > 0)
    return { unreadable, entries: [], verifiedWith, isolated, updated: false, runtimes: [] };
  // Snippets may only reach loopback; without a private network namespace
  // they could reach anything, so refuse unless told otherwise.
  if (!isolated && !options.allowNoIsolation) {
    throw new NoIsolationError(
      "cannot isolate snippets from the network here (`unshare -n` needs root, `unshare -rn` user namespaces, and `ip` from iproute2).\n" +
        "  Install iproute2 or run as root; or pass --no-isolation to run snippets on this machine's network anyway.",
    );
  }

  const snippets = entries.flatMap((entry) => entry.snippets.map((snippet) => ({ entry, snippet })));
  const recordings = new Map(entries.map((entry) => [entry, readRecording(path.join(root, entry.file))]));
  const recordedOf = (entry: VerifiedEntry, snippet: Snippet) =>
    recordings.get(entry)?.snippets.find((r) => r.hash === snippet.hash && r.files === snippet.filesHash);

  // Every job, and which can be taken from the recording: the primary runs always run.
  const jobs = snippets.flatMap(({ entry, snippet }) => jobsOf(entry, snippet));
  const cached = new Map<Job, Verdict>();
  if (!options.noCache) {
    for (const job of jobs) {
      const recorded = recordedOf(job.entry, job.snippet);
      const name = runName(job.runtime, job.version);
      if (job.primary || !recorded || recorded.runs?.[name] !== job.key) continue;
      const verdict = recordedVerdict(recorded, name);
      // A run recorded inside the entry's span is judged the other way round outside it.
      if (verdict && Boolean(verdict.outside) === job.outside) cached.set(job, verdict);
    }
  }
  const pending = jobs.filter((job) => !cached.has(job));
  // Probes on legacy versions, taken from the recording the same way.
  const probes = entries.flatMap((entry) => probesOf(entry));
  const cachedProbes = new Map<Probe, Verdict>();
  for (const probe of probes) {
    const recorded = recordings.get(probe.entry)?.snippets.find((r) => r.hash === probe.hash);
    const name = runName(probe.runtime, probe.version);
    const verdict =
      recorded && recorded.runs?.[name] === probe.key ? recordedVerdict(recorded, name) : undefined;
    if (verdict && !options.noCache) cachedProbes.set(probe, verdict);
  }
  const pendingProbes = probes.filter((probe) => !cachedProbes.has(probe));

  // The versions the pending jobs need, found or installed before anything runs.
  const missing = new Map<string, string>();
  const versions = new Map<string, PythonVersion | NodeVersion | TypeScriptVersion>();
  for (const job of [...pending, ...pendingProbes]) {
    const name = runName(job.runtime, job.version);
    if (versions.has(name) || missing.has(name)) continue;
    try {
      versions.set(name, runtimeVersion(job.runtime, job.version));
    } catch (error) {
      if (!(error instanceof MissingRuntimeError)) throw error;
      missing.set(name, error.message);
    }
  }

  // npm packages (`with=axios@1.7.9`) are installed before anything runs: snippets reach only loopback.
  const packages = new Map<string, string | { problem: string }>();
  for (const { entry, snippet } of snippets) {
    if (snippet.lang === "ts" && snippet.libraries.length > 0)
      packages.set(snippet.hash, installPackages(snippet.libraries));
    // A console snippet of a Node.js entry gets them in an npm cache, to install offline.
    if (snippet.lang === CONSOLE && entry.language !== "python" && snippet.libraries.length > 0)
      packages.set(snippet.hash, cachePackages(snippet.libraries));
  }
  const checkRequest = (snippet: Snippet) => {
    const folder = packages.get(snippet.hash);
    return {
      code: snippet.code,
      files: snippet.files,
      ...(snippet.name ? { name: snippet.name } : {}),
      ...(typeof folder === "string" ? { packages: folder } : {}),
    };
  };
  // Each compiler checks the snippets it has pending jobs for, in one go.
  const diagnosticsBy = new Map<string, ReadonlyMap<string, Diagnostic[]>>();
  const primaryTs = runName("typescript", RUNTIMES.typescript.primary);
  diagnosticsBy.set(
    primaryTs,
    typeCheck(
      new Map(
        snippets
          .filter(({ snippet }) => snippet.lang === "ts")
          .map(({ snippet }) => [snippet.hash, checkRequest(snippet)]),
      ),
    ),
  );
  for (const [name, found] of versions) {
    if (found.runtime !== "typescript" || name === primaryTs) continue;
    const requests = new Map(
      pending
        .filter((job) => runName(job.runtime, job.version) === name)
        .map((job) => [job.snippet.hash, checkRequest(job.snippet)]),
    );
    diagnosticsBy.set(
      name,
      "tsc" in found.compiler
        ? await typeCheckWithTsc(found.compiler.tsc, requests)
        : typeCheck(requests, found.compiler),
    );
  }

  const quote = (text: string) =>
    text
      .split("\n")
      .map((line) => `    ${line}`)
      .join("\n");
  const verdicts = await pool(
    pending.map((job) => async (): Promise<Verdict> => {
      const name = runName(job.runtime, job.version);
      const problem = missing.get(name);
      if (problem) return { problems: [`cannot run on ${name}: ${problem}`], output: "", exitCode: null };
      const found = versions.get(name);
      const verdict = await judgeSnippet(job.entry, job.snippet, {
        python: found?.runtime === "python" ? found.python : python,
        diagnostics: diagnosticsBy.get(job.runtime === "typescript" ? name : primaryTs) ?? new Map(),
        packages,
        timeoutMs: options.timeoutMs,
        ...(found?.runtime === "node" ? { node: found } : {}),
        ...(job.only ? { only: job.only } : {}),
      });
      if (!job.outside) return verdict;
      // Outside the entry's span the error must not be there.
      const span = job.entry.data.versions?.[job.runtime];
      const claim = [span?.since && `since ${span.since}`, span?.removedIn && `removed in ${span.removedIn}`]
        .filter(Boolean)
        .join(" and ");
      return verdict.problems.length === 0
        ? {
            ...verdict,
            problems: [
              `reproduces the error on ${name}, but the entry's versions say ${claim}:\n${quote(verdict.message ?? verdict.output)}`,
            ],
          }
        : { ...verdict, problems: [], outside: true };
    }),
    options.jobs,
  );
  const verdictOf = new Map<Job, Verdict>(pending.map((job, i) => [job, verdicts[i]!]));
  const probeVerdicts = await pool(
    pendingProbes.map((probe) => async (): Promise<Verdict> => {
      const name = runName(probe.runtime, probe.version);
      const found = versions.get(name);
      if (!found || found.runtime === "typescript")
        return {
          problems: [`cannot run on ${name}: ${missing.get(name) ?? "not found"}`],
          output: "",
          exitCode: null,
        };
      return runProbe(probe, found, options.timeoutMs);
    }),
    options.jobs,
  );
  const probeVerdictOf = new Map<Probe, Verdict>(pendingProbes.map((probe, i) => [probe, probeVerdicts[i]!]));

  const results: EntryResult[] = entries.map((entry) => {
    const recording = recordings.get(entry);
    const mine: SnippetResult[] = entry.snippets.map((snippet) => {
      const recorded = recordedOf(entry, snippet);
      const runs = jobs
        .filter((job) => job.entry === entry && job.snippet === snippet)
        // The primary run first: its output is the one the page shows.
        .sort((a, b) => Number(b.primary) - Number(a.primary))
        .map((job): RunResult => {
          const on = runName(job.runtime, job.version);
          const fromRecording = cached.get(job);
          const verdict = fromRecording ?? verdictOf.get(job)!;
          const problems = [...verdict.problems];
          if (!update && !fromRecording && problems.length === 0) {
            if (job.primary) problems.push(...compareWithRecording(snippet, verdict, recording));
            else problems.push(...compareVersion(recorded, on, job.key, verdict, Boolean(options.noCache)));
          }
          return { on, primary: job.primary, cached: Boolean(fromRecording), verdict, problems };
        });
      return { snippet, runs };
    });
    const probeResults = probes
      .filter((probe) => probe.entry === entry)
      .map((probe) => {
        const on = runName(probe.runtime, probe.version);
        const fromRecording = cachedProbes.get(probe);
        const verdict = fromRecording ?? probeVerdictOf.get(probe)!;
        const problems = [...verdict.problems];
        if (!update && !fromRecording && problems.length === 0) {
          const recorded = recording?.snippets.find((r) => r.hash === probe.hash);
          problems.push(...compareVersion(recorded, on, probe.key, verdict, Boolean(options.noCache)));
        }
        const run: RunResult = { on, primary: false, cached: Boolean(fromRecording), verdict, problems };
        return { probe, run };
      });
    const allPassed =
      mine.every(({ runs }) => runs.every(({ problems }) => problems.length === 0)) &&
      probeResults.every(({ run }) => run.problems.length === 0);
    if (update && allPassed) {
      const next: EntryRecording = {
        verifiedWith,
        snippets: mine.map(({ snippet, runs }) => {
          const shown = runs[0]!.verdict;
          const jobsOfSnippet = jobs.filter((job) => job.entry === entry && job.snippet === snippet);
          // A TypeScript snippet's primary run is both: the primary compiler's check and, where
          // it runs, the primary Node.js's run (a Node.js entry's is named by Node.js, a
          // compiler entry's by TypeScript).
          const partner: [Runtime, string] | undefined =
            snippet.lang !== "ts"
              ? undefined
              : entry.language === "node"
                ? ["typescript", RUNTIMES.typescript.primary]
                : runsOnNode(entry, snippet)
                  ? ["node", RUNTIMES.node.primary]
                  : undefined;
          const partnerName = partner ? runName(...partner) : undefined;
          const named = partnerName ? [{ ...runs[0]!, on: partnerName }, ...runs] : runs;
          return {
            hash: snippet.hash,
            role: snippet.role,
            lang: snippet.lang,
            line: snippet.line,
            output: shown.output,
            exitCode: shown.exitCode,
            ...(snippet.filesHash ? { files: snippet.filesHash } : {}),
            ...(shown.runtime ? { runtime: shown.runtime } : {}),
            runs: Object.fromEntries([
              ...(partner && partnerName ? [[partnerName, runKey(snippet, ...partner)] as const] : []),
              ...jobsOfSnippet.map((job) => [runName(job.runtime, job.version), job.key] as const),
            ]),
            versions: versionGroups(named, shown),
          };
        }),
      };
      for (const { probe, run } of probeResults) {
        next.snippets.push({
          hash: probe.hash,
          role: "probe",
          lang: probe.runtime === "python" ? "python" : "js",
          line: 0,
          output: run.verdict.output,
          exitCode: run.verdict.exitCode,
          runs: { [run.on]: probe.key },
          versions: versionGroups([run], run.verdict),
        });
      }
      writeFileSync(recordingPath(path.join(root, entry.file)), `${JSON.stringify(next, null, 2)}\n`);
    }
    return {
      entry,
      problems: entryProblems(
        entry,
        recording,
        update,
        probes.filter((probe) => probe.entry === entry),
      ),
      snippets: mine,
      probes: probeResults,
    };
  });
  const runtimes = [...new Set([...jobs, ...probes].map((job) => runName(job.runtime, job.version)))];
  return { unreadable, entries: results, verifiedWith, isolated, updated: update, runtimes };
}

/** A run on another version that ran (its key changed, or --no-cache) against what was recorded for that version. */
function compareVersion(
  recorded: SnippetRecording | undefined,
  on: string,
  key: string,
  verdict: Verdict,
  noCache: boolean,
): string[] {
  const before = recorded ? recordedVerdict(recorded, on) : undefined;
  if (!recorded || !before)
    return [
      `has no recorded output for ${on}: run \`npm run verify -- --update\` and commit the .verified.json`,
    ];
  if (before.output !== verdict.output || before.exitCode !== verdict.exitCode)
    return [
      `output on ${on} differs from the recording (exit ${before.exitCode} recorded, ${verdict.exitCode} now):\n  recorded:\n${before.output}\n  actual:\n${verdict.output}`,
    ];
  if (!noCache && recorded.runs?.[on] !== key)
    return [
      `the recording's run key for ${on} is out of date (the snippet, its files or the verifier changed): run \`npm run verify -- --update\``,
    ];
  return [];
}
