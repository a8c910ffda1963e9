/**
 * Preloaded (`node --import`) before a snippet runs on a Node.js that cannot
 * strip types itself (20): makes `.ts`, `.mts` and `.cts` files load the
 * way Node.js 22 and 24 load them, with amaro (the type stripper Node.js
 * itself is built on; its folder is `ERRDEX_AMARO`). Written by hand because
 * amaro's own loader relies on the `*-typescript` module formats that only
 * Node.js 22.7 and later report. Plain JavaScript: Node.js 20 runs it as is.
 */
import Module, { createRequire, register } from "node:module";
import { readFileSync } from "node:fs";
import process from "node:process";

const { transformSync } = createRequire(import.meta.url)(process.env.ERRDEX_AMARO);

// require() of a TypeScript file (CommonJS), which the module hooks below do not see on Node.js 20.
for (const extension of [".ts", ".cts"]) {
  Module._extensions[extension] = (module, filename) => {
    const { code } = transformSync(readFileSync(filename, "utf8"), { mode: "strip-only", filename });
    module._compile(code, filename);
  };
}

register("./strip-types-hooks.mjs", import.meta.url);
