import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
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

const projectTypes = path.resolve("node_modules/@types");

const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2023,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  types: ["node"],
  typeRoots: [projectTypes],
  skipLibCheck: true,
  allowImportingTsExtensions: true,
  // Node.js runs snippets by stripping types: reject what it cannot strip.
  erasableSyntaxOnly: true,
  // Every snippet is its own module, so two snippets may both declare `port`.
  moduleDetection: ts.ModuleDetectionKind.Force,
  verbatimModuleSyntax: true,
};

function render(diagnostic: ts.Diagnostic): Diagnostic {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
  const category = ts.DiagnosticCategory[diagnostic.category].toLowerCase();
  let where = "";
  if (diagnostic.file && diagnostic.start !== undefined) {
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    where = `snippet.ts(${line + 1},${character + 1}): `;
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
 * a program of its own; the rest share one (one compiler start-up).
 */
const DECLARES_GLOBALS = /\bdeclare\s+(global\b|module\s+["'])/;

/** Type-checks each snippet; returns its diagnostics by snippet key. */
export function typeCheck(snippets: ReadonlyMap<string, string>): Map<string, Diagnostic[]> {
  const shared = new Map<string, string>();
  const results = new Map<string, Diagnostic[]>();
  for (const [key, code] of snippets) {
    if (DECLARES_GLOBALS.test(code)) checkTogether(new Map([[key, code]]), results);
    else shared.set(key, code);
  }
  checkTogether(shared, results);
  return results;
}

function checkTogether(snippets: ReadonlyMap<string, string>, results: Map<string, Diagnostic[]>): void {
  if (snippets.size === 0) return;
  const scratch = makeScratch();
  try {
    writeFileSync(path.join(scratch, "package.json"), '{ "type": "module" }\n');
    const fileOf = new Map<string, string>();
    let n = 0;
    for (const [key, code] of snippets) {
      const dir = path.join(scratch, `s${n++}`);
      mkdirSync(dir);
      const file = path.join(dir, "snippet.ts");
      writeFileSync(file, code);
      fileOf.set(key, file);
    }
    const program = ts.createProgram([...fileOf.values()], COMPILER_OPTIONS);
    for (const [key, file] of fileOf) {
      const source = program.getSourceFile(file);
      const diagnostics = source ? ts.getPreEmitDiagnostics(program, source) : [];
      results.set(key, diagnostics.map(render));
    }
  } finally {
    removeScratch(scratch);
  }
}
