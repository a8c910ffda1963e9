import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { headersFor, readHeadersFile } from "../support/headers-file.ts";
import {
  API_ALIASES_URL,
  API_ERRORS_URL,
  apiEntryUrl,
  entryUrl,
  errnoUrl,
  searchUrl,
} from "../../src/catalogue/urls.ts";

const PAGE = entryUrl("python", "connection-refused-error");
const SITE = "https://errdex.dev";

interface ErrorRecord {
  id: string;
  url: string;
  json: string;
  title: string;
  summary: string;
  language: string;
  aliasUrls: string[];
  [field: string]: unknown;
}

const pathOf = (url: string) => new URL(url).pathname;

/** The aliases the brief names, and where each must land. */
const ALIASES: [string, string][] = [
  ["/python/ConnectionRefusedError/", PAGE],
  ["/python/connectionrefusederror/", PAGE],
  ["/errno/111/", errnoUrl("ECONNREFUSED")],
  ["/errno/ECONNREFUSED/", errnoUrl("ECONNREFUSED")],
  ["/errno/11/", errnoUrl("EAGAIN")],
  ["/typescript/2322/", entryUrl("typescript", "ts2322")],
  ["/typescript/TS2322/", entryUrl("typescript", "ts2322")],
  ["/node/err_module_not_found/", entryUrl("node", "err-module-not-found")],
  ["/node/ERR_MODULE_NOT_FOUND/", entryUrl("node", "err-module-not-found")],
  ["/node/ECONNREFUSED/", entryUrl("node", "econnrefused")],
];

test("alias addresses land on the canonical page without JavaScript, and say where it is", async ({
  browser,
  request,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const [alias, target] of ALIASES) {
    await page.goto(alias);
    await page.waitForURL(target);
    await expect(page.locator("link[rel=canonical]")).toHaveAttribute("href", `${SITE}${target}`);
    const html = await (await request.get(alias)).text();
    expect(html, alias).toContain(`<link rel="canonical" href="${SITE}${target}">`);
    expect(html, alias).toContain('<meta name="robots" content="noindex">');
    expect(html, alias).toContain(`<a href="${target}">`);
    // Link previews do not follow the refresh: the alias previews as its page.
    expect(html, alias).toContain(`<meta property="og:url" content="${SITE}${target}">`);
  }
  await context.close();
});

test("every alias the API lists redirects to its entry and carries its canonical link", async ({
  request,
}) => {
  const { errors } = (await (await request.get(API_ERRORS_URL)).json()) as { errors: ErrorRecord[] };
  let checked = 0;
  // Every deep entry's aliases, and every 25th catalogue page's: thousands
  // of these come from one template, and each is a request.
  const catalogue = errors.filter((error) => error.depth === "catalogue");
  const sampled = [
    ...errors.filter((error) => error.depth === "entry"),
    ...catalogue.filter((_, index) => index % 25 === 0),
  ];
  expect(catalogue.length).toBeGreaterThan(2000);
  for (const error of sampled) {
    for (const alias of error.aliasUrls) {
      const html = await (await request.get(pathOf(alias))).text();
      expect(html, alias).toContain(`<meta http-equiv="refresh" content="0; url=${pathOf(error.url)}">`);
      expect(html, alias).toContain(`<link rel="canonical" href="${error.url}">`);
      checked++;
    }
  }
  // Entry aliases only: errno pages are not in the entry API (their aliases are checked above).
  expect(checked).toBeGreaterThan(100);
});

test("the alias table a host can redirect by lists every alias the pages have, each to its page", async ({
  request,
}) => {
  const { errors } = (await (await request.get(API_ERRORS_URL)).json()) as { errors: ErrorRecord[] };
  const table = (await (await request.get(API_ALIASES_URL)).json()) as {
    count: number;
    aliases: Record<string, string>;
  };
  const fromRecords = errors.flatMap((error) =>
    error.aliasUrls.map((alias): [string, string] => [pathOf(alias), pathOf(error.url)]),
  );
  expect(fromRecords.length).toBeGreaterThan(4000);
  for (const [alias, target] of fromRecords) expect(table.aliases[alias], alias).toBe(target);
  // Errno aliases are in the table too, and the count is the table's.
  for (const [alias, target] of ALIASES) expect(table.aliases[alias], alias).toBe(target);
  expect(Object.keys(table.aliases)).toHaveLength(table.count);
});

async function clipboardAfterClicking(page: Page, name: string | RegExp): Promise<string> {
  await page.getByRole("button", { name }).click();
  return page.evaluate(() => navigator.clipboard.readText());
}

test("Copy for ticket copies the name, summary, one-line fix and the #fix link as Markdown", async ({
  browser,
}) => {
  const context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await context.newPage();
  await page.goto(PAGE);
  const button = page.getByRole("button", { name: /ticket/ });
  await expect(button).toBeVisible();
  expect(await clipboardAfterClicking(page, /ticket/)).toBe(
    "`ConnectionRefusedError` (Python): Raised when a TCP connection attempt reaches the host but nothing accepts it on that port, so the host answers with a reset.\n" +
      "Fix: First check that something is listening where you are connecting (`ss -ltnp` on Linux, `lsof -iTCP -sTCP:LISTEN` on macOS) and that the host and port come from configuration rather than a hard-coded default.\n" +
      "https://errdex.dev/python/connection-refused-error/#fix",
  );
  await context.close();
});

test("each section heading links to itself and copies its absolute URL", async ({ browser }) => {
  const context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await context.newPage();
  await page.goto(PAGE);
  const self = page.getByRole("link", { name: "Link to section: Fix" });
  await expect(self).toBeVisible();
  await expect(self).toHaveAttribute("href", "#fix");
  await self.click();
  await expect(page).toHaveURL(`${PAGE}#fix`);
  expect(await clipboardAfterClicking(page, "Copy link to section: Fix")).toBe(`${SITE}${PAGE}#fix`);
  expect(await clipboardAfterClicking(page, "Copy link to section: What not to do")).toBe(
    `${SITE}${PAGE}#anti-patterns`,
  );
  await expect(page.locator(".prose .section-link")).toHaveCount(6);
  await expect(page.locator(".prose button.copy-link")).toHaveCount(6);
  await context.close();
});

test("without JavaScript the section links still work and the copy buttons stay hidden", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PAGE);
  await expect(page.getByRole("link", { name: "Link to section: Fix" })).toBeVisible();
  await expect(page.locator("button.copy-link").first()).toBeHidden();
  await expect(page.locator("button.copy-ticket")).toBeHidden();
  await context.close();
});

test("the head holds description, Open Graph, Twitter card and JSON-LD with the page's own values", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") violations.push(message.text());
  });
  await page.goto(PAGE);
  const summary = (await page.locator(".entry-header .summary").textContent())?.trim() ?? "";
  const canonical = `${SITE}${PAGE}`;
  const meta = (selector: string) => page.locator(`head meta[${selector}]`).getAttribute("content");
  expect(await meta('name="description"')).toBe(summary);
  expect(await meta('property="og:title"')).toBe("ConnectionRefusedError (Python)");
  expect(await meta('property="og:description"')).toBe(summary);
  expect(await meta('property="og:url"')).toBe(canonical);
  expect(await meta('property="og:type"')).toBe("article");
  expect(await meta('property="og:site_name"')).toBe("errdex");
  expect(await meta('property="og:image"')).toBe(`${SITE}/og-card.png`);
  expect(await meta('name="twitter:card"')).toBe("summary_large_image");
  expect(await meta('name="twitter:title"')).toBe("ConnectionRefusedError (Python)");
  const image = await page.request.get("/og-card.png");
  expect(image.headers()["content-type"]).toBe("image/png");

  const jsonLd = await page
    .locator('script[type="application/ld+json"]')
    .evaluateAll((scripts) => scripts.map((s) => JSON.parse(s.textContent ?? "") as Record<string, unknown>));
  const article = jsonLd.find((data) => data["@type"] === "TechArticle");
  expect(article).toMatchObject({ headline: "ConnectionRefusedError", description: summary, url: canonical });
  const breadcrumbs = jsonLd.find((data) => data["@type"] === "BreadcrumbList") as {
    itemListElement: { position: number; name: string; item: string }[];
  };
  const visible = await page.getByRole("navigation", { name: "Breadcrumbs" }).locator("li").allTextContents();
  expect(breadcrumbs.itemListElement.map((item) => item.name)).toEqual(visible);
  expect(breadcrumbs.itemListElement.map((item) => item.item)).toEqual([
    `${SITE}/`,
    `${SITE}/python/`,
    canonical,
  ]);
  // JSON-LD is data, not script: the CSP has nothing to block.
  expect(violations).toEqual([]);
});

test("/api/errors.json has every entry, and each entry's own JSON matches it", async ({ request }) => {
  const index = (await (await request.get(API_ERRORS_URL)).json()) as {
    count: number;
    errors: ErrorRecord[];
  };
  const sitemap = await (await request.get("/sitemap-0.xml")).text();
  const entryPages = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)]
    .map((m) => m[1]!)
    .filter((url) => /^https:\/\/errdex\.dev\/(python|node|typescript)\/[^/]+\/$/.test(url));
  expect(index.count).toBe(index.errors.length);
  // Deep entries are in the sitemap; catalogue pages carry noindex until one replaces them.
  const entries = index.errors.filter((e) => e.depth === "entry");
  expect(entries.map((e) => e.url).sort()).toEqual(entryPages.sort());
  for (const error of entries) {
    const [language, slug] = error.id.split("/") as ["python", string];
    expect(error.json).toBe(`${SITE}${apiEntryUrl(language, slug)}`);
    expect(await (await request.get(pathOf(error.json))).json()).toEqual(error);
  }
  const refused = index.errors.find((e) => e.id === "python/connection-refused-error");
  expect(refused).toMatchObject({
    url: `${SITE}${PAGE}`,
    title: "ConnectionRefusedError",
    language: "python",
    kind: "exception",
    category: "network",
    errno: ["ECONNREFUSED"],
    code: null,
    messages: ["[Errno {errno}] Connection refused", expect.stringContaining("WinError 10061") as unknown],
    aliasUrls: [`${SITE}/python/ConnectionRefusedError/`, `${SITE}/python/connectionrefusederror/`],
    fixUrl: `${SITE}${PAGE}#fix`,
  });
});

test("the sitemap lists every page and no alias or 404; robots.txt points at it", async ({ request }) => {
  const index = await (await request.get("/sitemap-index.xml")).text();
  expect(index).toContain(`<loc>${SITE}/sitemap-0.xml</loc>`);
  const sitemap = await (await request.get("/sitemap-0.xml")).text();
  const urls = new Set([...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!));
  const { errors } = (await (await request.get(API_ERRORS_URL)).json()) as { errors: ErrorRecord[] };
  for (const error of errors) {
    expect(urls.has(error.url), error.url).toBe(error.depth === "entry");
    for (const alias of error.aliasUrls) expect(urls.has(alias), alias).toBe(false);
  }
  for (const url of [`${SITE}/errno/econnrefused/`, `${SITE}/`, `${SITE}/python/`])
    expect(urls.has(url)).toBe(true);
  for (const url of [`${SITE}/errno/111/`, `${SITE}/errno/ECONNREFUSED/`, `${SITE}/404/`]) {
    expect(urls.has(url), url).toBe(false);
  }
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
});

test("check:urls passes on the real build and fails, naming them, when an entry's page is removed", () => {
  const ok = execFileSync(process.execPath, ["src/built-site/check-urls-cli.ts"], { encoding: "utf8" });
  expect(ok).toMatch(/all \d+ published URLs resolve/);

  const copy = path.join(mkdtempSync(path.join(tmpdir(), "errdex-dist-")), "dist");
  try {
    cpSync("dist", copy, { recursive: true });
    rmSync(path.join(copy, "python/connection-refused-error"), { recursive: true });
    const failed = spawnSync(process.execPath, ["src/built-site/check-urls-cli.ts", "--dist", copy], {
      encoding: "utf8",
    });
    console.log(failed.stderr);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain("3 published URL(s) no longer resolve");
    expect(failed.stderr).toContain(
      "/python/connection-refused-error/  (no python/connection-refused-error/index.html",
    );
    expect(failed.stderr).toContain(
      "/python/ConnectionRefusedError/  (redirects to /python/connection-refused-error/, which is not in the build)",
    );
  } finally {
    rmSync(path.dirname(copy), { recursive: true });
  }
});

test("pages keep working under the _headers policy, and each path gets one Cache-Control", async ({
  page,
}) => {
  // The file as deployed: the build fills in the whole Content-Security-Policy.
  const rules = readHeadersFile("dist/_headers");
  const cache = (p: string) => headersFor(rules, p)["cache-control"];
  expect(cache("/_astro/Page.abc123.css")).toBe("public, max-age=31536000, immutable");
  expect(cache("/pagefind/fragment/en_10cfd9a.pf_fragment")).toBe("public, max-age=31536000, immutable");
  expect(cache("/pagefind/pagefind.en_fdfb109a35.pf_meta")).toBe("public, max-age=31536000, immutable");
  for (const p of [
    PAGE,
    "/",
    "/errno/111/",
    "/api/errors.json",
    "/pagefind/pagefind.js",
    "/pagefind/wasm.en.pagefind",
  ]) {
    expect(cache(p), p).toBe("public, max-age=0, must-revalidate");
  }

  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") violations.push(message.text());
  });
  await page.route("**/*", async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers(), ...headersFor(rules, new URL(route.request().url()).pathname) };
    await route.fulfill({ response, headers });
  });
  const response = await page.goto(PAGE);
  expect(response?.headers()["x-content-type-options"]).toBe("nosniff");
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  // Scripts are held to the site's own files and hashed inline scripts, never any inline script.
  const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
  expect(scriptSrc).toMatch(/'sha256-/);
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  // Styles too: code is coloured by classes, not style attributes.
  const styleSrc = /style-src ([^;]*)/.exec(csp)?.[1] ?? "";
  expect(styleSrc).toContain("'self'");
  expect(styleSrc).not.toContain("'unsafe-inline'");
  await expect(page.getByRole("button", { name: /ticket/ })).toBeVisible();
  await page.goto(searchUrl("ECONNREFUSED"));
  await expect(page.locator("[data-search-results]")).toHaveAttribute("data-ready", "");
  await expect(page.locator("[data-search-results] a").first()).toBeVisible();
  expect(violations).toEqual([]);
});
