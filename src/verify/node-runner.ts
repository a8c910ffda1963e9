import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runInSandbox, type RunResult } from "./sandbox.ts";

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
 * ES module, with the uncaught-error capture preloaded.
 */
export async function runNode(code: string, timeoutMs: number): Promise<NodeRun> {
  const result = await runInSandbox({
    files: { "snippet.ts": code, "package.json": '{ "type": "module" }\n' },
    command: process.execPath,
    args: ["--import", CAPTURE_MODULE, "snippet.ts"],
    env: { ERRDEX_CAPTURE: CAPTURE_FILE },
    timeoutMs,
  });
  const captured = path.join(result.scratchDir, CAPTURE_FILE);
  return existsSync(captured)
    ? { ...result, uncaught: JSON.parse(readFileSync(captured, "utf8")) as UncaughtError }
    : result;
}
