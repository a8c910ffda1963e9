import { gzipSync } from "node:zlib";
import type { Browser, Page, Response } from "@playwright/test";

/** What a page load downloaded, gzip-compressed as a static host would serve it. */
export interface Weight {
  requests: { url: string; type: string; raw: number; gzip: number }[];
  gzipBytes: number;
  /** Gzip bytes of JavaScript: script files plus inline scripts. */
  jsGzipBytes: number;
}

/** Records every response `page` receives while `action` runs. */
export async function weigh(page: Page, action: () => Promise<void>): Promise<Weight> {
  const requests: Weight["requests"] = [];
  const pending: Promise<void>[] = [];
  const listener = (response: Response) => {
    pending.push(
      response.body().then(
        (body) => {
          requests.push({
            url: new URL(response.url()).pathname,
            type: response.request().resourceType(),
            raw: body.length,
            gzip: gzipSync(body, { level: 9 }).length,
          });
        },
        () => undefined,
      ),
    );
  };
  page.on("response", listener);
  await action();
  await page.waitForLoadState("networkidle");
  await Promise.all(pending);
  page.off("response", listener);
  const inline = await page.evaluate(() =>
    [...document.querySelectorAll("script:not([src])")]
      .filter((s) => !s.getAttribute("type") || s.getAttribute("type") === "module")
      .map((s) => s.textContent ?? "")
      .join(""),
  );
  const inlineGzip = inline ? gzipSync(inline, { level: 9 }).length : 0;
  return {
    requests,
    gzipBytes: requests.reduce((sum, r) => sum + r.gzip, 0),
    jsGzipBytes: requests.filter((r) => r.type === "script").reduce((sum, r) => sum + r.gzip, 0) + inlineGzip,
  };
}

/** A first visit to `url` in a fresh context: everything loaded before any interaction. */
export async function firstVisit(browser: Browser, url: string): Promise<Weight> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    return await weigh(page, async () => {
      await page.goto(url);
    });
  } finally {
    await context.close();
  }
}

/** A first search: opening `/search/?q=…` in a fresh context until its results are shown. */
export async function firstSearch(browser: Browser, origin: string, query: string): Promise<Weight> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    return await weigh(page, async () => {
      await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
      await page.locator("[data-search-results][data-ready]").waitFor({ state: "attached" });
    });
  } finally {
    await context.close();
  }
}
