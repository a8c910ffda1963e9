/**
 * `npm run check:html`: every page of the built site (`dist/`, or the
 * folder given) through html-validate with the project's
 * `.htmlvalidaterc.json`, and through the CSP check. Prints each error with
 * its file, line and rule, and the number of pages checked; exits 1 on any.
 *
 *   npm run check:html [-- <folder>]
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { HtmlValidate, type ConfigData } from "html-validate";
import { readBuiltSite } from "./built-pages.ts";
import { cspProblems } from "./csp.ts";

const dir = process.argv[2] ?? "dist";
const { pages } = readBuiltSite(dir);
if (pages.length === 0) {
  console.error(`check:html: no HTML pages in ${dir}; run npm run build first`);
  process.exit(1);
}

// The project's configuration, whichever folder is checked (html-validate
// would otherwise look for one beside each file, and find none outside it).
const config = JSON.parse(readFileSync(".htmlvalidaterc.json", "utf8")) as ConfigData;
const validator = new HtmlValidate(config);
const started = performance.now();
let errors = 0;
let cspErrors = 0;
for (const page of pages) {
  const shown = path.relative(process.cwd(), page.file);
  const report = await validator.validateFile(page.file);
  for (const result of report.results) {
    for (const message of result.messages) {
      if (message.severity < 2) continue;
      errors++;
      console.error(`${shown}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
    }
  }
  for (const problem of cspProblems(readFileSync(page.file, "utf8"))) {
    cspErrors++;
    console.error(`${shown}: CSP: ${problem}`);
  }
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `check:html: ${pages.length} pages, html-validate ${errors} error(s), CSP ${cspErrors} problem(s) (${seconds} s)`,
);
process.exit(errors + cspErrors > 0 ? 1 : 0);
