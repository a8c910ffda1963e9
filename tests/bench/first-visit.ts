/**
 * Measures what a first visit to a page downloads: loads it in Chromium
 * from the built site (served by `astro preview`), records every response,
 * and prints raw and gzip bytes by type. It measures; it asserts nothing.
 *
 *   npm run build && npm run bench:first-visit -- /python/connection-refused-error/
 */
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "../support/browser.ts";
import { firstVisit } from "../support/page-weight.ts";
import { startPreview } from "../support/preview-server.ts";

// Another checkout on the same machine may be using the default port.
const PORT = Number(process.env["BENCH_PORT"] ?? 4339);
const paths = process.argv.slice(2).filter((arg) => arg.startsWith("/"));
if (paths.length === 0) paths.push("/python/connection-refused-error/");

const { origin, stop } = await startPreview(PORT);
const executablePath = chromiumExecutable();
const browser = await chromium.launch({ args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) });
try {
  for (const path of paths) {
    const weight = await firstVisit(browser, `${origin}${path}`);
    console.log(`\n${path}`);
    console.table(
      weight.requests.map((row) => ({
        ...row,
        raw: `${(row.raw / 1024).toFixed(1)} KB`,
        gzip: `${(row.gzip / 1024).toFixed(1)} KB`,
      })),
    );
    console.log(
      `first visit: ${(weight.gzipBytes / 1024).toFixed(1)} KB gzip in ${weight.requests.length} requests`,
    );
    console.log(`JavaScript: ${(weight.jsGzipBytes / 1024).toFixed(1)} KB gzip, files and inline scripts`);
  }
} finally {
  await browser.close();
  stop();
}
