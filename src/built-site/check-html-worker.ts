/**
 * One worker of `npm run check:html`: validates the pages it is given with
 * html-validate and the CSP check, and posts back each problem as a line.
 * html-validate takes 10–90 ms a page, so a site of thousands of pages is
 * checked on every core (check-html.ts starts one of these per core).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { HtmlValidate, type ConfigData } from "html-validate";
import { cspProblems } from "./csp.ts";

const { files, config } = workerData as { files: string[]; config: ConfigData };
const validator = new HtmlValidate(config);
const problems: { kind: "html" | "csp"; line: string }[] = [];
for (const file of files) {
  const shown = path.relative(process.cwd(), file);
  const report = await validator.validateFile(file);
  for (const result of report.results) {
    for (const message of result.messages) {
      if (message.severity < 2) continue;
      problems.push({
        kind: "html",
        line: `${shown}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`,
      });
    }
  }
  for (const problem of cspProblems(readFileSync(file, "utf8")))
    problems.push({ kind: "csp", line: `${shown}: CSP: ${problem}` });
}
parentPort?.postMessage(problems);
