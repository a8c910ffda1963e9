/**
 * `npm run check:html`: every page of the built site (`dist/`, or the
 * folder given) through html-validate with the project's
 * `.htmlvalidaterc.json`, and through the CSP check. Prints each error with
 * its file, line and rule, and the number of pages checked; exits 1 on any.
 *
 *   npm run check:html [-- <folder>]
 */
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ConfigData } from "html-validate";
import { readBuiltSite } from "./built-pages.ts";

const dir = process.argv[2] ?? "dist";
const { pages } = readBuiltSite(dir);
if (pages.length === 0) {
  console.error(`check:html: no HTML pages in ${dir}; run npm run build first`);
  process.exit(1);
}

// The project's configuration, whichever folder is checked (html-validate
// would otherwise look for one beside each file, and find none outside it).
const config = JSON.parse(readFileSync(".htmlvalidaterc.json", "utf8")) as ConfigData;
const started = performance.now();
// Every other page to each worker, so big and small pages spread evenly.
const workers = Math.max(1, Math.min(availableParallelism(), pages.length));
const results = await Promise.all(
  Array.from(
    { length: workers },
    (_, index) =>
      new Promise<{ kind: "html" | "csp"; line: string }[]>((resolve, reject) => {
        const files = pages.filter((_, at) => at % workers === index).map((page) => page.file);
        const worker = new Worker(new URL("./check-html-worker.ts", import.meta.url), {
          workerData: { files, config },
        });
        worker.once("message", resolve);
        worker.once("error", reject);
      }),
  ),
);
let errors = 0;
let cspErrors = 0;
for (const problem of results.flat()) {
  if (problem.kind === "html") errors++;
  else cspErrors++;
  console.error(problem.line);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `check:html: ${pages.length} pages, html-validate ${errors} error(s), CSP ${cspErrors} problem(s) (${seconds} s, ${workers} workers)`,
);
process.exit(errors + cspErrors > 0 ? 1 : 0);
