/**
 * Measures what a first visit to a page downloads: loads it in Chromium
 * from the built site (served by `astro preview`), records every response,
 * and prints raw and gzip bytes by type. It measures; it asserts nothing.
 *
 *   npm run build && npm run bench:first-visit -- /python/connection-refused-error/
 */
import { spawn } from "node:child_process";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "../support/browser.ts";

// Another checkout on the same machine may be using the default port.
const PORT = Number(process.env["BENCH_PORT"] ?? 4339);
const paths = process.argv.slice(2).filter((arg) => arg.startsWith("/"));
if (paths.length === 0) paths.push("/python/connection-refused-error/");

const server = spawn("astro", ["preview", "--host", "127.0.0.1", "--port", String(PORT)], {
  stdio: "ignore",
});
const origin = `http://127.0.0.1:${PORT}`;
for (let attempt = 0; ; attempt++) {
  try {
    await fetch(origin);
    break;
  } catch {
    if (attempt === 100) throw new Error(`astro preview did not answer on ${origin}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const executablePath = chromiumExecutable();
const browser = await chromium.launch({ args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) });
try {
  for (const path of paths) {
    const page = await browser.newPage();
    const rows: { url: string; type: string; raw: number; gzip: number }[] = [];
    const pending: Promise<void>[] = [];
    page.on("response", (response) => {
      pending.push(
        response.body().then(
          (body) => {
            const type = response.request().resourceType();
            rows.push({
              url: new URL(response.url()).pathname,
              type,
              raw: body.length,
              gzip: gzipSync(body, { level: 9 }).length,
            });
          },
          () => undefined,
        ),
      );
    });
    await page.goto(`${origin}${path}`, { waitUntil: "networkidle" });
    await Promise.all(pending);
    // JSON-LD is data in a script element, not JavaScript: counted apart.
    const [inlineScriptBytes, jsonLdBytes] = await page.evaluate(() =>
      ["script:not([src]):not([type='application/ld+json'])", "script[type='application/ld+json']"].map(
        (selector) =>
          [...document.querySelectorAll(selector)].reduce((sum, s) => sum + (s.textContent ?? "").length, 0),
      ),
    );
    const total = rows.reduce((sum, row) => sum + row.gzip, 0);
    console.log(`\n${path}`);
    console.table(
      rows.map((row) => ({
        ...row,
        raw: `${(row.raw / 1024).toFixed(1)} KB`,
        gzip: `${(row.gzip / 1024).toFixed(1)} KB`,
      })),
    );
    console.log(`first visit: ${(total / 1024).toFixed(1)} KB gzip in ${rows.length} requests`);
    console.log(
      `JavaScript: ${rows.filter((r) => r.type === "script").length} files, plus ${inlineScriptBytes} bytes inline (raw)`,
    );
    console.log(`JSON-LD: ${jsonLdBytes} bytes (raw, inside the document)`);
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
}
