import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * libuv's error numbers on Windows, read from the `uv/errno.h` header that
 * ships with the project's own Node.js. On Linux and macOS Node.js puts the
 * negated system errno in `error.errno` (`-2` for ENOENT); on Windows it
 * puts libuv's own number (`-4058`), which is what Windows users paste. The
 * header defines each as `# define UV__ENOENT (-4058)` in its non-POSIX
 * branch.
 */

/**
 * The header of the project's Node.js: the `node` devDependency installs
 * its binary and headers as `node-<platform>-<arch>`.
 */
function libuvHeaderPath(root = process.cwd()): string {
  const header = path.join(
    root,
    "node_modules/node/node_modules",
    `node-${process.platform}-${process.arch}`,
    "include/node/uv/errno.h",
  );
  if (!existsSync(header)) throw new Error(`errdex: libuv's errno.h not found at ${header}; run npm ci`);
  return header;
}

/** Every `UV__E…` name in the header with its Windows number: `{ ENOENT: -4058, … }`. */
export function libuvWindowsNumbers(header = readFileSync(libuvHeaderPath(), "utf8")): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const match of header.matchAll(/^#\s*define UV__(E[A-Z0-9_]+) \((-\d+)\)$/gm)) {
    numbers.set(match[1]!, Number(match[2]));
  }
  return numbers;
}
