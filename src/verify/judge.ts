import path from "node:path";
import { pythonHierarchy } from "../catalogue/python-hierarchy.ts";
import { matchingTemplate } from "../entry/message-templates.ts";
import { normaliseOutput } from "./normalise.ts";
import { CONSOLE } from "../entry/reader.ts";
import { consoleLabel, runConsole } from "./console-runner.ts";
import { runNode } from "./node-runner.ts";
import { packagesLabel } from "./npm-packages.ts";
import {
  findDebianPython,
  finalPythonException,
  parsePython,
  runPython,
  type PythonRuntime,
} from "./python-runner.ts";
import { removeScratch, type RunResult } from "./sandbox.ts";
import type { NodeVersion } from "./runtime-installs.ts";
import type { Diagnostic } from "./typescript-checker.ts";
import type { Snippet, VerifiedEntry } from "./entries.ts";

/**
 * The rules a snippet must keep, by role and language (DESIGN.md,
 * "Verified examples"), and the output a reader is shown for it.
 */

export interface Verdict {
  problems: string[];
  /** Normalised output to record and show, empty when nothing ran. */
  output: string;
  exitCode: number | null;
  /** What ran it, when not the entry's usual runtime (see PythonRuntime.label). */
  runtime?: string;
  /** For a repro: the error as the runtime printed it (`NameError: name 'json' is not defined`), for "Message by version". */
  message?: string;
  /** The run was outside the entry's `versions` span: `message` is another error, not the entry's. */
  outside?: boolean;
}

export interface JudgeContext {
  python: PythonRuntime;
  /** Diagnostics of every TypeScript snippet, by snippet hash. */
  diagnostics: ReadonlyMap<string, Diagnostic[]>;
  /** For snippets with npm packages (`with=`), by snippet hash: the folder they are installed in, or why they are not. */
  packages: ReadonlyMap<string, string | { problem: string }>;
  timeoutMs: number;
  /** The Node.js TypeScript snippets run on; the project's own when unset. */
  node?: NodeVersion;
  /**
   * Part of a TypeScript snippet's judgement, for another version: `check`,
   * what the compiler says (another TypeScript); `run`, what running it does
   * (another Node.js). Both when unset (the primary versions).
   */
  only?: "check" | "run";
}

/** Whether Python's hierarchy has `className` derive from `ancestor` (both as tracebacks name them). */
function derivesFrom(className: string, ancestor: string): boolean {
  const hierarchy = pythonHierarchy();
  const full = hierarchy.resolve(className) ?? className;
  const base = hierarchy.resolve(ancestor) ?? ancestor;
  return hierarchy.classes.includes(full) && hierarchy.ancestry(full).includes(base);
}

/**
 * Whether a Python message matches a template: whole, or its first line, since
 * Python 3.11 and later print an exception's notes (`add_note()`) on the lines after it.
 */
function matchesAnyTemplate(message: string, templates: readonly string[]): boolean {
  return (
    matchingTemplate(message, templates) !== undefined ||
    matchingTemplate(message.split("\n")[0] ?? "", templates) !== undefined
  );
}

const quoteList = (items: readonly string[]) => items.map((item) => `    ${item}`).join("\n");

function exitProblem(run: RunResult, timeoutMs: number): string | undefined {
  return run.timedOut ? `did not finish within ${timeoutMs / 1000} s` : undefined;
}

function finish(
  run: RunResult,
  problems: string[],
  python?: PythonRuntime,
  packages?: string,
  npmCache?: string,
  message?: string,
): Verdict {
  const normalise = (text: string) =>
    normaliseOutput(text, {
      scratchDir: run.scratchDir,
      ...(npmCache ? { npmCache } : {}),
      ...(packages ? { nodeModules: path.join(packages, "node_modules") } : {}),
      ...(python ? { pythonLib: python.stdlib, pythonExecutable: python.executable } : {}),
      ...(python?.packages ? { pythonPackages: python.packages } : {}),
    });
  const output = normalise(run.output);
  removeScratch(run.scratchDir);
  return {
    problems,
    output,
    exitCode: run.exitCode,
    ...(python?.label ? { runtime: python.label } : {}),
    // Normalised like the output: a message may name the scratch folder.
    ...(message !== undefined ? { message: normalise(message).trim() } : {}),
  };
}

/** Debian's Python with each set of libraries, probed once per set. */
const debianPythons = new Map<string, PythonRuntime | string>();

async function judgePython(entry: VerifiedEntry, snippet: Snippet, context: JudgeContext): Promise<Verdict> {
  const { timeoutMs } = context;
  const { data } = entry;
  let python = context.python;
  if (snippet.libraries.length > 0) {
    const key = snippet.libraries.join(",");
    if (!debianPythons.has(key)) debianPythons.set(key, findDebianPython(snippet.libraries));
    const found = debianPythons.get(key)!;
    if (typeof found === "string") return { problems: [found], output: "", exitCode: null };
    python = found;
  }
  if (snippet.role === "bad" && !snippet.throws && !snippet.runs) {
    const parsed = await parsePython(python, snippet.code, timeoutMs);
    const problems =
      parsed.exitCode === 0 ? [] : [`does not parse:\n${quoteList(parsed.output.trim().split("\n"))}`];
    removeScratch(parsed.scratchDir);
    return { problems, output: "", exitCode: null };
  }
  const run = await runPython(python, snippet, timeoutMs);
  const problems: string[] = [];
  const late = exitProblem(run, timeoutMs);
  if (late) problems.push(late);
  const raised = finalPythonException(run.output);
  const got = raised ? `${raised.className}: ${raised.message}` : `exit status ${run.exitCode}, no traceback`;

  if (snippet.role === "fix" || (snippet.role === "bad" && snippet.runs)) {
    if (run.exitCode !== 0 && !late) problems.push(`expected a clean exit, got ${got}`);
  } else {
    const expectedClass =
      snippet.role === "bad" ? snippet.throws : data.kind === "exception" ? data.title : data.parent;
    // `parent: _csv.Error` or `parent: Error`: the bare names must agree, and a
    // dotted parent must be the raised class exactly.
    const className = raised?.className.split(".").pop();
    const sameClass =
      (expectedClass?.includes(".") ? raised?.className === expectedClass : className === expectedClass) ||
      // A message entry names its error by the message; a version may raise a subclass
      // of its parent for it (3.13's idna codec raises UnicodeEncodeError, a UnicodeError).
      (data.kind === "message" &&
        raised !== undefined &&
        expectedClass !== undefined &&
        derivesFrom(raised.className, expectedClass));
    if (!raised || !sameClass) {
      problems.push(`expected it to fail with ${expectedClass}, got ${got}`);
    } else if (snippet.role === "repro" && !matchesAnyTemplate(raised.message, data.messages)) {
      problems.push(
        `${raised.className} message matches none of the entry's templates:\n    got:      ${raised.message}\n${quoteList(data.messages.map((m) => `template: ${m}`))}`,
      );
    }
  }
  // For a repro, the traceback's last line as printed (the class name as the runtime spells it).
  return finish(
    run,
    problems,
    python,
    undefined,
    undefined,
    snippet.role === "repro" && raised ? (got.split("\n")[0] ?? got) : undefined,
  );
}

async function judgeTypeScript(
  entry: VerifiedEntry,
  snippet: Snippet,
  context: JudgeContext,
): Promise<Verdict> {
  const { data } = entry;
  const installed = context.packages.get(snippet.hash);
  if (typeof installed === "object") return { problems: [installed.problem], output: "", exitCode: null };
  const diagnostics = context.diagnostics.get(snippet.hash) ?? [];
  const diagnosticText = diagnostics.map((d) => d.text).join("\n");

  // A TypeScript-compiler entry's repro is judged by the compiler alone.
  if (entry.language === "typescript" && snippet.role === "repro") {
    const wanted = Number(data.code?.replace(/^TS/, ""));
    const problems: string[] = [];
    if (diagnostics.length === 0) problems.push(`expected ${data.code}, but it type-checks clean`);
    const others = diagnostics.filter((d) => d.code !== wanted);
    if (others.length > 0)
      problems.push(`expected only ${data.code}, got:\n${quoteList(others.map((d) => d.text))}`);
    const first = diagnostics.find((d) => d.code === wanted);
    if (first && matchingTemplate(first.message, data.messages) === undefined) {
      problems.push(
        `${data.code} message matches none of the entry's templates:\n    got:      ${first.message}\n${quoteList(data.messages.map((m) => `template: ${m}`))}`,
      );
    }
    return {
      problems,
      output: diagnosticText,
      exitCode: null,
      // What the compiler said instead, where it did not say the entry's code (outside a span).
      ...((first ?? diagnostics[0])
        ? { message: `error TS${(first ?? diagnostics[0])!.code}: ${(first ?? diagnostics[0])!.message}` }
        : {}),
    };
  }

  // Everything else must type-check under --strict before it runs.
  if (diagnostics.length > 0 && context.only !== "run") {
    return {
      problems: [`does not type-check under --strict:\n${quoteList(diagnosticText.split("\n"))}`],
      output: diagnosticText,
      exitCode: null,
    };
  }
  if ((snippet.role === "bad" && !snippet.throws && !snippet.runs) || context.only === "check")
    return { problems: [], output: "", exitCode: null };

  const run = await runNode(snippet, context.timeoutMs, installed, context.node);
  const problems: string[] = [];
  const late = exitProblem(run, context.timeoutMs);
  if (late) problems.push(late);
  const thrown = run.uncaught;
  const got = thrown
    ? `${thrown.name ?? "a non-Error value"}${thrown.code ? ` [${thrown.code}]` : ""}: ${thrown.message}`
    : `exit status ${run.exitCode}, nothing thrown`;

  if (snippet.role === "fix" || (snippet.role === "bad" && snippet.runs)) {
    if ((run.exitCode !== 0 || thrown) && !late) problems.push(`expected a clean exit, got ${got}`);
  } else if (snippet.role === "bad") {
    if (!thrown || (thrown.name !== snippet.throws && thrown.code !== snippet.throws)) {
      problems.push(`expected it to throw ${snippet.throws}, got ${got}`);
    }
  } else {
    if (!thrown) problems.push(`expected it to throw, got ${got}`);
    else {
      if (data.code && thrown.code !== data.code)
        problems.push(`expected error.code ${data.code}, got ${got}`);
      if (data.kind === "message" && thrown.name !== data.parent)
        problems.push(`expected a ${data.parent}, got ${got}`);
      if (matchingTemplate(thrown.message, data.messages) === undefined) {
        problems.push(
          `error message matches none of the entry's templates:\n    got:      ${thrown.message}\n${quoteList(data.messages.map((m) => `template: ${m}`))}`,
        );
      }
    }
  }
  const verdict = finish(
    run,
    problems,
    undefined,
    installed,
    undefined,
    snippet.role === "repro" && thrown
      ? (thrown.header ?? `${thrown.name ?? "Error"}: ${thrown.message}`)
      : undefined,
  );
  return installed ? { ...verdict, runtime: packagesLabel(installed, snippet.libraries) } : verdict;
}

/**
 * A ```console snippet: a repro's commands must fail, one line of what they
 * printed matching one of the entry's templates; a fix's must all succeed;
 * a bad one runs when it says `runs` (and must succeed) or `throws` (and
 * must fail), and is otherwise shown without running.
 */
async function judgeConsole(entry: VerifiedEntry, snippet: Snippet, context: JudgeContext): Promise<Verdict> {
  const { data } = entry;
  const expectFailure = snippet.role === "repro" || (snippet.role === "bad" && snippet.throws !== undefined);
  if (snippet.role === "bad" && !snippet.throws && !snippet.runs)
    return { problems: [], output: "", exitCode: null };
  const npmCache = context.packages.get(snippet.hash);
  if (typeof npmCache === "object") return { problems: [npmCache.problem], output: "", exitCode: null };
  const run = await runConsole(snippet, context.timeoutMs, npmCache);
  const problems: string[] = [];
  const late = exitProblem(run, context.timeoutMs);
  if (late) problems.push(late);
  else if (expectFailure && run.exitCode === 0)
    problems.push("expected a command to fail, but they all succeeded");
  else if (!expectFailure && run.exitCode !== 0)
    problems.push(`expected every command to succeed, one exited with ${run.exitCode}`);
  const verdict = finish(run, problems, undefined, undefined, npmCache);
  if (snippet.role === "repro" && run.exitCode !== 0 && !late) {
    const lines = verdict.output.split("\n").map((line) => line.trim());
    if (!lines.some((line) => matchingTemplate(line, data.messages) !== undefined))
      problems.push(
        `no line of the output matches one of the entry's templates:\n${quoteList(data.messages.map((m) => `template: ${m}`))}`,
      );
  }
  return { ...verdict, runtime: consoleLabel(entry.language) };
}

/** Runs or checks one snippet and judges the result against its role. */
export function judgeSnippet(
  entry: VerifiedEntry,
  snippet: Snippet,
  context: JudgeContext,
): Promise<Verdict> {
  if (snippet.lang === CONSOLE) return judgeConsole(entry, snippet, context);
  return snippet.lang === "python"
    ? judgePython(entry, snippet, context)
    : judgeTypeScript(entry, snippet, context);
}
