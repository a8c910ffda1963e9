import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import type ts from "typescript";
import projectTs from "typescript";
import { makeScratch, removeScratch } from "./sandbox.ts";

/**
 * Type-checks TypeScript snippets with the compiler API, all in one
 * program (one start-up for every snippet) but each in its own folder and
 * module, under the options a careful project would use: `--strict`,
 * Node.js module resolution, and only syntax that Node.js can strip.
 */

export interface Diagnostic {
  code: number;
  /** The diagnostic as tsc prints it: `snippet.ts(3,7): error TS2322: …`. */
  text: string;
  /** The first line of the message. */
  message: string;
}

export const projectTypes = path.resolve("node_modules/@types");

/** The compiler module: the project's own, or another version's (see runtime-installs.ts). */
export type Compiler = typeof ts;

/**
 * errdex's options, spelled as a tsconfig.json's `compilerOptions`: the one
 * definition, converted for a compiler's API (compilerOptions) or written
 * into a tsconfig.json for a compiler run by its command line (tsc-cli-checker.ts).
 */
export const COMPILER_OPTIONS = {
  strict: true,
  noEmit: true,
  target: "es2023",
  module: "nodenext",
  moduleResolution: "nodenext",
  types: ["node"],
  typeRoots: [projectTypes],
  skipLibCheck: true,
  allowImportingTsExtensions: true,
  // Node.js runs snippets by stripping types: reject what it cannot strip.
  erasableSyntaxOnly: true,
  // Every snippet is its own module, so two snippets may both declare `port`.
  moduleDetection: "force",
  verbatimModuleSyntax: true,
};

function compilerOptions(compiler: Compiler): ts.CompilerOptions {
  return compiler.convertCompilerOptionsFromJson(COMPILER_OPTIONS, projectTypes).options;
}

/** A snippet to check: its code, and the files and name its fences give (see the entry reader). */
export interface CheckRequest {
  code: string;
  /** The snippet's file name in its folder; `snippet.ts` when unset. */
  name?: string;
  /** Files beside it, by relative path (a tsconfig.json, modules it imports). */
  files: Readonly<Record<string, string>>;
  /** A folder whose node_modules the snippet imports from (npm-packages.ts). */
  packages?: string;
}

/** A diagnostic as tsc prints it, its file relative to the snippet's folder (`src/main.ts(3,7): …`). */
function render(compiler: Compiler, diagnostic: ts.Diagnostic, folder: string): Diagnostic {
  // tsc names a config file by its full path: the folder is a scratch folder.
  const message = compiler
    .flattenDiagnosticMessageText(diagnostic.messageText, "\n")
    .split(folder)
    .join("<scratch>");
  const category = compiler.DiagnosticCategory[diagnostic.category].toLowerCase();
  let where = "";
  if (diagnostic.file && diagnostic.start !== undefined) {
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    where = `${path.relative(folder, diagnostic.file.fileName)}(${line + 1},${character + 1}): `;
  }
  return {
    code: diagnostic.code,
    text: `${where}${category} TS${diagnostic.code}: ${message}`,
    message: message.split("\n")[0] ?? "",
  };
}

/**
 * A snippet that declares globals (`declare global`, `declare module`) would
 * change how every other snippet in a shared program type-checks, so it gets
 * a program of its own; so does a snippet with files of its own (a
 * tsconfig.json, a module), which is checked as `tsc -p` checks a project.
 * The rest share one program (one compiler start-up).
 */
export const DECLARES_GLOBALS = /\bdeclare\s+(global\b|module\s+["'])/;

/** Type-checks each snippet; returns its diagnostics by snippet key. */
export function typeCheck(
  snippets: ReadonlyMap<string, CheckRequest>,
  compiler: Compiler = projectTs,
): Map<string, Diagnostic[]> {
  const shared = new Map<string, string>();
  const results = new Map<string, Diagnostic[]>();
  for (const [key, request] of snippets) {
    if (request.name !== undefined || request.packages || Object.keys(request.files).length > 0)
      results.set(key, checkProject(compiler, request));
    else if (DECLARES_GLOBALS.test(request.code))
      checkTogether(compiler, new Map([[key, request.code]]), results);
    else shared.set(key, request.code);
  }
  checkTogether(compiler, shared, results);
  return results;
}

/**
 * Writes a snippet with files of its own into `folder` as a project: its
 * files, a package.json saying `"type": "module"` unless it has one, its
 * packages' node_modules linked in, and the snippet under its name. Returns
 * the snippet's path. Shared with tsc-cli-checker.ts.
 */
export function writeProject(folder: string, request: CheckRequest): string {
  if (!("package.json" in request.files)) writeFile(folder, "package.json", '{ "type": "module" }\n');
  for (const [name, content] of Object.entries(request.files)) writeFile(folder, name, content);
  if (request.packages)
    symlinkSync(path.join(request.packages, "node_modules"), path.join(folder, "node_modules"));
  return writeFile(folder, request.name ?? "snippet.ts", request.code);
}

function writeFile(folder: string, name: string, content: string): string {
  const file = path.join(folder, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

function checkTogether(
  compiler: Compiler,
  snippets: ReadonlyMap<string, string>,
  results: Map<string, Diagnostic[]>,
): void {
  if (snippets.size === 0) return;
  const scratch = makeScratch();
  try {
    writeFileSync(path.join(scratch, "package.json"), '{ "type": "module" }\n');
    const fileOf = new Map<string, { file: string; folder: string }>();
    let n = 0;
    for (const [key, code] of snippets) {
      const folder = path.join(scratch, `s${n++}`);
      fileOf.set(key, { file: writeFile(folder, "snippet.ts", code), folder });
    }
    const program = compiler.createProgram(
      [...fileOf.values()].map(({ file }) => file),
      compilerOptions(compiler),
    );
    for (const [key, { file, folder }] of fileOf) {
      const source = program.getSourceFile(file);
      const diagnostics = source ? compiler.getPreEmitDiagnostics(program, source) : [];
      results.set(
        key,
        diagnostics.map((diagnostic) => render(compiler, diagnostic, folder)),
      );
    }
  } finally {
    removeScratch(scratch);
  }
}

/**
 * A snippet with files of its own, checked as `tsc -p .` would check the
 * folder they make: under its `tsconfig.json` when it has one (the config's
 * own errors included, such as TS18003 when it names no input), else under
 * errdex's options with the snippet as the one root. Every diagnostic in
 * the folder is reported, outside node_modules, as tsc reports them.
 */
function checkProject(compiler: Compiler, request: CheckRequest): Diagnostic[] {
  const folder = makeScratch();
  try {
    const snippetFile = writeProject(folder, request);
    let rootNames = [snippetFile];
    let options: ts.CompilerOptions = compilerOptions(compiler);
    let configErrors: readonly ts.Diagnostic[] = [];
    if ("tsconfig.json" in request.files) {
      const configFile = path.join(folder, "tsconfig.json");
      const read = compiler.readConfigFile(configFile, (file) => compiler.sys.readFile(file));
      const parsed = compiler.parseJsonConfigFileContent(
        read.config ?? {},
        compiler.sys,
        folder,
        undefined,
        configFile,
      );
      // The project's own @types folder stands in for the snippet's node_modules/@types:
      // Node.js's types unless the config names others.
      options = {
        typeRoots: [projectTypes],
        types: ["node"],
        skipLibCheck: true,
        ...parsed.options,
        noEmit: true,
      };
      rootNames = parsed.fileNames;
      configErrors = [...(read.error ? [read.error] : []), ...parsed.errors];
    }
    const program = compiler.createProgram(rootNames, options);
    const inFolder = (file: ts.SourceFile | undefined) =>
      file === undefined ||
      (file.fileName.startsWith(`${folder}/`) && !file.fileName.includes("/node_modules/"));
    const diagnostics = [...configErrors, ...compiler.getPreEmitDiagnostics(program)].filter((diagnostic) =>
      inFolder(diagnostic.file),
    );
    return compiler
      .sortAndDeduplicateDiagnostics(diagnostics)
      .map((diagnostic) => render(compiler, diagnostic, folder));
  } finally {
    removeScratch(folder);
  }
}
