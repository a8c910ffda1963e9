import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { makeScratch, removeScratch } from "./sandbox.ts";
import {
  COMPILER_OPTIONS,
  DECLARES_GLOBALS,
  projectTypes,
  writeProject,
  type CheckRequest,
  type Diagnostic,
} from "./typescript-checker.ts";

/**
 * Type-checks TypeScript snippets with a compiler that has only a command
 * line: TypeScript 7.0, the native (Go) compiler, ships a `tsc` and no
 * stable JS API, so this writes the snippets into scratch folders, runs
 * `tsc -p <folder> --pretty false` and reads what it prints. It gives what
 * typeCheck (typescript-checker.ts) gives through the API, in the same
 * shape and split: the snippets that can share a program share one tsc run;
 * a snippet with files of its own, or one that declares globals, gets a run
 * of its own, two runs at a time (so, unlike typeCheck, it is async).
 *
 * Where the API and the command line differ, this gives what `tsc -p` prints:
 * tsc reports no type errors while a file has a syntax error (or the options
 * have errors), where the API reports both; and it gives a config file's
 * errors their line and column, where checkProject reports them without.
 */

/** Runs at a time: the shared run, then the snippets with a run of their own. */
const CONCURRENCY = 2;

/** Type-checks each snippet with the `tsc` at that path; resolves to its diagnostics by snippet key. */
export async function typeCheckWithTsc(
  tsc: string,
  snippets: ReadonlyMap<string, CheckRequest>,
): Promise<Map<string, Diagnostic[]>> {
  const shared = new Map<string, string>();
  const results = new Map<string, Diagnostic[]>();
  const own: (() => Promise<void>)[] = [];
  for (const [key, request] of snippets) {
    if (request.name !== undefined || request.packages || Object.keys(request.files).length > 0)
      own.push(async () => void results.set(key, await checkProject(tsc, request)));
    else if (DECLARES_GLOBALS.test(request.code))
      own.push(() => checkTogether(tsc, new Map([[key, request.code]]), results));
    else shared.set(key, request.code);
  }
  // The shared run is the longest: it starts first.
  await inTurn([() => checkTogether(tsc, shared, results), ...own], CONCURRENCY);
  return new Map([...snippets.keys()].map((key) => [key, results.get(key) ?? []]));
}

/** A diagnostic as tsc printed it, its file relative to the folder tsc ran in. */
interface Printed {
  file?: string;
  /** `(3,7)`, when it has a file. */
  position: string;
  category: string;
  code: number;
  /** The message, a chain's further lines indented as tsc indents them. */
  message: string;
}

/** The line a diagnostic starts with: `src/main.ts(3,7): error TS2322: …`, or `error TS18003: …` without a file. */
const HEADER = /^(?:(\S.*)(\(\d+,\d+\)): )?(error|warning|suggestion|message) TS(\d+): (.*)$/;

/**
 * The diagnostics in tsc's `--pretty false` output: a header line each, then
 * the further lines of a message chain. A blank line ends a diagnostic (a
 * summary such as `Found 2 errors.` follows one, when a tsc prints one).
 */
function parse(output: string): Printed[] {
  const printed: Printed[] = [];
  let current: Printed | undefined;
  for (const line of output.replace(/\r/g, "").split("\n")) {
    const header = HEADER.exec(line);
    if (header) {
      const [, file, position = "", category = "", code = "", message = ""] = header;
      current = { ...(file === undefined ? {} : { file }), position, category, code: Number(code), message };
      printed.push(current);
    } else if (line === "") current = undefined;
    else if (current) current.message += `\n${line}`;
  }
  return printed;
}

/** Runs tsc in a folder; resolves to the diagnostics it printed. */
function runTsc(tsc: string, cwd: string, args: readonly string[]): Promise<Printed[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsc, ["--pretty", "false", ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (exitCode) => {
      const printed = parse(stdout);
      // tsc exits non-zero when it reports errors; without any, it failed.
      if (exitCode === 0 || (exitCode !== null && printed.length > 0)) resolve(printed);
      else reject(new Error(`${tsc} in ${cwd} exited with ${exitCode ?? "a signal"}: ${stderr || stdout}`));
    });
  });
}

/** A diagnostic as typeCheck renders it: its file relative to the snippet's folder, which messages call `<scratch>`. */
function render(diagnostic: Printed, cwd: string, folder: string): Diagnostic {
  const message = diagnostic.message.split(folder).join("<scratch>");
  const where =
    diagnostic.file === undefined
      ? ""
      : `${path.relative(folder, path.resolve(cwd, diagnostic.file))}${diagnostic.position}: `;
  return {
    code: diagnostic.code,
    text: `${where}${diagnostic.category} TS${diagnostic.code}: ${message}`,
    message: message.split("\n")[0] ?? "",
  };
}

function writeFile(folder: string, name: string, content: string): void {
  const file = path.join(folder, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

/** errdex's options (COMPILER_OPTIONS) written as a tsconfig.json, naming the files to check. */
function writeConfig(folder: string, files: readonly string[]): void {
  writeFile(
    folder,
    "tsconfig.json",
    `${JSON.stringify({ compilerOptions: COMPILER_OPTIONS, files }, null, 2)}\n`,
  );
}

/** Runs tasks, at most `width` at a time. */
async function inTurn(tasks: readonly (() => Promise<void>)[], width: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, worker));
}

/**
 * A file with a type error, checked beside the snippets: tsc prints type
 * errors only when no file has a syntax error, so when its error is missing,
 * the snippets tsc reported (their syntax errors, all `tsc -p` would print
 * for them) are done, and the rest are checked again without them.
 */
const SENTINEL = "sentinel.ts";

/** Checks snippets in one program, each in its own folder (`s0/snippet.ts`), as typeCheck's checkTogether does. */
async function checkTogether(
  tsc: string,
  snippets: ReadonlyMap<string, string>,
  results: Map<string, Diagnostic[]>,
): Promise<void> {
  if (snippets.size === 0) return;
  const scratch = makeScratch();
  try {
    writeFile(scratch, "package.json", '{ "type": "module" }\n');
    writeFile(scratch, SENTINEL, 'export const sentinel: number = "";\n');
    const keys = [...snippets.keys()];
    keys.forEach((key, n) => writeFile(scratch, `s${n}/snippet.ts`, snippets.get(key)!));
    let pending = keys.map((_, n) => n);
    while (pending.length > 0) {
      const files = [SENTINEL, ...pending.map((n) => `s${n}/snippet.ts`)];
      writeConfig(scratch, files);
      const printed = await runTsc(tsc, scratch, ["-p", "."]);
      // Which snippet's folder a diagnostic is in; undefined for one in no snippet (the options'), which all get.
      const snippetOf = (diagnostic: Printed) => /^s(\d+)\//.exec(diagnostic.file ?? "")?.[1];
      const typeChecked = printed.some((diagnostic) => diagnostic.file === SENTINEL);
      const reported = new Set(printed.map(snippetOf).filter((n) => n !== undefined));
      const done = typeChecked || reported.size === 0 ? pending : pending.filter((n) => reported.has(`${n}`));
      for (const n of done) {
        const mine = printed.filter((diagnostic) => {
          const folder = snippetOf(diagnostic);
          return folder === undefined ? diagnostic.file !== SENTINEL : folder === `${n}`;
        });
        results.set(
          keys[n]!,
          mine.map((diagnostic) => render(diagnostic, scratch, path.join(scratch, `s${n}`))),
        );
      }
      pending = pending.filter((n) => !done.includes(n));
    }
  } finally {
    removeScratch(scratch);
  }
}

/**
 * A snippet with files of its own, checked as typeCheck's checkProject does:
 * `tsc -p` on the folder they make, under its tsconfig.json (with Node.js's
 * types from the project's @types folder and skipLibCheck unless the config
 * says otherwise, and noEmit) or else under errdex's options with the
 * snippet as the one file. Diagnostics outside the folder or in its
 * node_modules are dropped.
 */
async function checkProject(tsc: string, request: CheckRequest): Promise<Diagnostic[]> {
  const folder = makeScratch();
  try {
    const name = request.name ?? "snippet.ts";
    writeProject(folder, request);
    const args = ["-p", ".", "--noEmit"];
    if ("tsconfig.json" in request.files) args.push(...defaultsUnlessSet(folder));
    else writeConfig(folder, [name]);
    const inFolder = ({ file }: Printed) =>
      file === undefined ||
      (!/^\.\.(\/|$)/.test(file) && !path.isAbsolute(file) && !/(^|\/)node_modules\//.test(file));
    return (await runTsc(tsc, folder, args))
      .filter(inFolder)
      .map((diagnostic) => render(diagnostic, folder, folder));
  } finally {
    removeScratch(folder);
  }
}

/**
 * The command-line options that give a project's config checkProject's
 * defaults (Node.js's types from the project's @types, skipLibCheck) where
 * it sets none of its own. The config is read with the project's own
 * TypeScript (its reader of JSON with comments, and `extends`): the one use
 * of a compiler API here, for reading a file, not checking it.
 */
function defaultsUnlessSet(folder: string): string[] {
  const configFile = path.join(folder, "tsconfig.json");
  const read = ts.readConfigFile(configFile, (file) => ts.sys.readFile(file));
  const { options } = ts.parseJsonConfigFileContent(read.config ?? {}, ts.sys, folder, undefined, configFile);
  return [
    ...(options.typeRoots === undefined ? ["--typeRoots", projectTypes] : []),
    ...(options.types === undefined ? ["--types", "node"] : []),
    ...(options.skipLibCheck === undefined ? ["--skipLibCheck"] : []),
  ];
}
