import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { NodeVersion } from "./runtime-installs.ts";
import { runInSandbox, type RunResult, type SnippetFiles } from "./sandbox.ts";

const CAPTURE_MODULE = fileURLToPath(new URL("./capture-uncaught.ts", import.meta.url));
const STRIP_TYPES_MODULE = fileURLToPath(new URL("./strip-types-register.mjs", import.meta.url));
const CAPTURE_FILE = ".uncaught.json";

/** The uncaught error a Node.js snippet died of. */
interface UncaughtError {
  origin: "uncaughtException" | "unhandledRejection";
  name?: string;
  message: string;
  code?: string;
  /** The first line of its stack: the error as Node.js printed it. */
  header?: string;
}

export interface NodeRun extends RunResult {
  uncaught?: UncaughtError;
}

/**
 * Runs a TypeScript snippet on `node` (the project's Node.js when unset; type stripping), as an
 * ES module (unless its files hold a package.json that says otherwise),
 * beside its files (and `packages`' node_modules, see npm-packages.ts),
 * with the uncaught-error capture preloaded.
 */
export async function runNode(
  snippet: SnippetFiles,
  timeoutMs: number,
  packages?: string,
  node?: NodeVersion,
): Promise<NodeRun> {
  const name = snippet.name ?? "snippet.ts";
  const result = await runInSandbox({
    files: { "package.json": '{ "type": "module" }\n', ...snippet.files, [name]: snippet.code },
    ...(packages ? { links: { node_modules: path.join(packages, "node_modules") } } : {}),
    command: node?.executable ?? process.execPath,
    args: [...(node?.amaro ? ["--import", STRIP_TYPES_MODULE] : []), "--import", CAPTURE_MODULE, name],
    env: { ERRDEX_CAPTURE: CAPTURE_FILE, ...(node?.amaro ? { ERRDEX_AMARO: node.amaro } : {}) },
    timeoutMs,
  });
  const captured = path.join(result.scratchDir, CAPTURE_FILE);
  return existsSync(captured)
    ? { ...result, uncaught: JSON.parse(readFileSync(captured, "utf8")) as UncaughtError }
    : result;
}
