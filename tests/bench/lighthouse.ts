/**
 * Lighthouse scores for the built site: serves `dist/` with `astro preview`
 * and runs the `lighthouse` package (its default mobile profile, with
 * simulated throttling) in Chromium over an entry, an index, the errno
 * table and the search page, empty and with a query. Prints the four
 * category scores per page and every scored audit that fell short. It
 * measures; it asserts nothing.
 *
 *   npm run build && npm run bench:lighthouse
 *   npm run bench:lighthouse -- /python/key-error/ /search/?q=ENOENT
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CHROMIUM_ARGS, chromiumExecutable } from "../support/browser.ts";
import { startPreview } from "../support/preview-server.ts";

const PORT = Number(process.env["BENCH_PORT"] ?? 4349);
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const paths = process.argv.slice(2).filter((arg) => arg.startsWith("/"));
if (paths.length === 0) {
  paths.push(
    "/python/connection-refused-error/",
    // A catalogue page (no deep entry yet), and the biggest index, with every diagnostic.
    "/typescript/ts1002/",
    "/typescript/",
    "/python/",
    "/errno/",
    "/search/",
    "/search/?q=ECONNREFUSED",
  );
}

interface Report {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; title: string; displayValue?: string }>;
}

const executable = chromiumExecutable();
const { origin, stop } = await startPreview(PORT);
const scratch = mkdtempSync(path.join(tmpdir(), "errdex-lighthouse-"));
const rows: Record<string, string | number>[] = [];
try {
  for (const [index, page] of paths.entries()) {
    const output = path.join(scratch, `${index}.json`);
    execFileSync(
      path.resolve("node_modules/.bin/lighthouse"),
      [
        `${origin}${page}`,
        "--quiet",
        "--output=json",
        `--output-path=${output}`,
        `--only-categories=${CATEGORIES.join(",")}`,
        `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(" ")}`,
      ],
      // chrome-launcher, which Lighthouse uses, finds the browser through CHROME_PATH.
      { stdio: "inherit", env: { ...process.env, ...(executable ? { CHROME_PATH: executable } : {}) } },
    );
    const report = JSON.parse(readFileSync(output, "utf8")) as Report;
    const row: Record<string, string | number> = { page };
    for (const category of CATEGORIES)
      row[category] = Math.round((report.categories[category]?.score ?? 0) * 100);
    rows.push(row);
    for (const category of CATEGORIES) {
      for (const ref of report.categories[category]?.auditRefs ?? []) {
        const audit = report.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
          console.log(`${page} ${category}: ${audit.title} ${audit.displayValue ?? ""} (${audit.score})`);
        }
      }
    }
  }
} finally {
  stop();
  rmSync(scratch, { recursive: true, force: true });
}
console.table(rows);
