/**
 * Preloaded (`node --import`) into every Node.js snippet the verifier runs:
 * when the snippet dies of an uncaught error or an unhandled rejection, it
 * writes the error's name, message and code to the file named by
 * `ERRDEX_CAPTURE`, so the verifier judges the real error object rather
 * than parsing the printed stack.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";

// Resolved now, before the snippet can change its working directory.
const target = process.env["ERRDEX_CAPTURE"] ? resolve(process.env["ERRDEX_CAPTURE"]) : undefined;

process.on("uncaughtExceptionMonitor", (error: unknown, origin) => {
  if (!target) return;
  const fields = (error ?? {}) as { name?: unknown; message?: unknown; code?: unknown; stack?: unknown };
  writeFileSync(
    target,
    JSON.stringify({
      origin,
      name: typeof fields.name === "string" ? fields.name : undefined,
      message: typeof fields.message === "string" ? fields.message : String(error),
      code: typeof fields.code === "string" ? fields.code : undefined,
      // The stack's first line is the error as Node.js prints it: `TypeError [ERR_X]: …`.
      header: typeof fields.stack === "string" ? fields.stack.split("\n")[0] : undefined,
    }),
  );
});
