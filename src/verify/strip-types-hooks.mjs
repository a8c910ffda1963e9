/**
 * The module hooks strip-types-register.mjs registers: an ES module written
 * in TypeScript is loaded with its types stripped by amaro; a CommonJS one
 * is left to the CommonJS loader, which the register module taught `.ts`.
 * A file's format follows Node.js 22's rule: `.mts` is a module, `.cts`
 * CommonJS, `.ts` whatever the nearest package.json's `type` says.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

const { transformSync } = createRequire(import.meta.url)(process.env.ERRDEX_AMARO);

function packageType(file) {
  for (let folder = path.dirname(file); ; folder = path.dirname(folder)) {
    const manifest = path.join(folder, "package.json");
    if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, "utf8")).type ?? "commonjs";
    if (folder === path.dirname(folder)) return "commonjs";
  }
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith("file:") || !/\.[mc]?ts$/.test(url)) return nextLoad(url, context);
  const file = fileURLToPath(url);
  const format = url.endsWith(".mts")
    ? "module"
    : url.endsWith(".cts")
      ? "commonjs"
      : packageType(file) === "module"
        ? "module"
        : "commonjs";
  if (format === "commonjs") return { format, shortCircuit: true };
  const { code } = transformSync(readFileSync(file, "utf8"), { mode: "strip-only", filename: file });
  return { format, source: code, shortCircuit: true };
}
