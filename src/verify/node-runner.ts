import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runInSandbox, type RunResult, type SnippetFiles } from "./sandbox.ts";

const CAPTURE_MODULE = fileURLToPath(new URL("./capture-uncaught.ts", import.meta.url));
const CAPTURE_FILE = ".uncaught.json";

/** The uncaught error a Node.js snippet died of. */
interface UncaughtError {
  origin: "uncaughtException" | "unhandledRejection";
  name?: string;
  message: string;
  code?: string;
}

export interface NodeRun extends RunResult {
  uncaught?: UncaughtError;
}

/**
 * Runs a TypeScript snippet on the project's Node.js (type stripping), as an
 * ES module (unless its files hold a package.json that says otherwise),
 * beside its files (and `packages`' node_modules, see npm-packages.ts),
 * with the uncaught-error capture preloaded.
 */
export async function runNode(snippet: SnippetFiles, timeoutMs: number, packages?: string): Promise<NodeRun> {
  const name = snippet.name ?? "snippet.ts";
  const result = await runInSandbox({
    files: { "package.json": '{ "type": "module" }\n', ...snippet.files, [name]: snippet.code },
    ...(packages ? { links: { node_modules: path.join(packages, "node_modules") } } : {}),
    command: process.execPath,
    args: ["--import", CAPTURE_MODULE, name],
    env: { ERRDEX_CAPTURE: CAPTURE_FILE },
    timeoutMs,
  });
  const captured = path.join(result.scratchDir, CAPTURE_FILE);
  return existsSync(captured)
    ? { ...result, uncaught: JSON.parse(readFileSync(captured, "utf8")) as UncaughtError }
    : result;
}
