import { expect, test } from "@playwright/test";
import type { ErrorRecord } from "../../src/catalogue/api.ts";
import { FIX_WHY, SECTIONS } from "../../src/entry/sections.ts";
import { REPO_URL } from "../../src/lib/site.ts";
import { API_ERRORS_URL, entryUrl, errnoUrl } from "../../src/catalogue/urls.ts";

const PAGE = entryUrl("python", "connection-refused-error");

test("an entry page reads header, six sections in order, breadcrumbs, related and errno", async ({
  page,
}) => {
  await page.goto(PAGE);
  await expect(page).toHaveTitle(/ConnectionRefusedError \(Python\)/);

  const header = page.locator(".entry-header");
  await expect(header.getByRole("heading", { level: 1 })).toHaveText("ConnectionRefusedError");
  await expect(header.locator(".summary")).toContainText("nothing accepts it on that port");
  const facts: [string, string][] = [
    ["Language", "Python"],
    ["Kind", "Exception class"],
    ["Category", "Network and sockets"],
    ["Parent", "ConnectionError"],
    ["errno", "ECONNREFUSED"],
  ];
  for (const [term, value] of facts) {
    await expect(header.locator(`dt:text-is("${term}") + dd`)).toHaveText(value);
  }
  await expect(header.locator(".risk-note")).toContainText("Production risk: high");

  const sectionIds = await page.locator(".prose h2").evaluateAll((hs) => hs.map((h) => h.id));
  expect(sectionIds).toEqual(SECTIONS.map((section) => section.id));
  for (const section of SECTIONS) {
    await expect(page.locator(`h2#${section.id}`)).toHaveText(section.heading);
  }

  const crumbs = page.getByRole("navigation", { name: "Breadcrumbs" });
  await expect(crumbs.getByRole("link")).toHaveText(["errdex", "Python"]);
  await expect(crumbs.locator('[aria-current="page"]')).toHaveText("ConnectionRefusedError");

  const aside = page.getByRole("complementary", { name: "About this error" });
  await expect(
    aside.getByRole("region", { name: "Related" }).getByRole("link", { name: "ConnectionError" }),
  ).toHaveAttribute("href", "/python/connection-error/");
  await expect(aside.getByRole("link", { name: "ECONNREFUSED" }).first()).toHaveAttribute(
    "href",
    errnoUrl("ECONNREFUSED"),
  );

  const sources = page.locator(".section-heading:has(#sources) ~ .sources a");
  expect(await sources.count()).toBeGreaterThan(0);
  for (const href of await sources.evaluateAll((as) => as.map((a) => a.getAttribute("href")))) {
    expect(href).toMatch(/^https:\/\/(docs\.python\.org|man7\.org)\//);
  }
});

test("a Python page shows its class's ancestry up to BaseException, and its subclasses", async ({ page }) => {
  await page.goto(PAGE);
  const tree = page.getByRole("region", { name: "Class hierarchy" });
  await expect(tree.locator(".ancestry li")).toHaveText([
    "BaseException",
    "Exception",
    "OSError",
    "ConnectionError",
    "ConnectionRefusedError",
  ]);
  await expect(tree.getByRole("link", { name: "ConnectionError" })).toHaveAttribute(
    "href",
    "/python/connection-error/",
  );
  await page.goto(entryUrl("python", "connection-error"));
  await expect(page.getByRole("region", { name: "Class hierarchy" }).locator(".subclasses li")).toHaveText([
    "BrokenPipeError",
    "ConnectionAbortedError",
    "ConnectionRefusedError",
    "ConnectionResetError",
  ]);
});

test("a Node.js system-error page gives the negative errno that error.errno carries, Windows (libuv) included", async ({
  page,
}) => {
  await page.goto(entryUrl("node", "econnrefused"));
  const facts = page.locator(".entry-header .facts");
  await expect(facts.locator("dt", { hasText: "error.errno" }).locator("+ dd")).toHaveText(
    "-111 on Linux, -61 on macOS, -4078 on Windows",
  );
  await expect(facts.locator('dt:text-is("Code") + dd')).toHaveText("ECONNREFUSED");
});

test("a section link lands on its section", async ({ page }) => {
  await page.goto(`${PAGE}#fix`);
  await expect(page.locator("h2#fix")).toBeInViewport();
  await page.goto(PAGE);
  await page
    .getByRole("navigation", { name: "On this page" })
    .getByRole("link", { name: "What not to do" })
    .click();
  await expect(page).toHaveURL(/#anti-patterns$/);
  await expect(page.locator("h2#anti-patterns")).toBeInViewport();
});

test("the fix ends with why it works: after the last fix snippet, before the next section, in the ToC and the API", async ({
  page,
  request,
}) => {
  const { errors } = (await (await request.get(API_ERRORS_URL)).json()) as { errors: ErrorRecord[] };
  for (const [language, slug] of [
    ["node", "econnrefused"],
    ["typescript", "ts2322"],
    ["python", "connection-refused-error"],
  ] as const) {
    const url = entryUrl(language, slug);
    await page.goto(url);
    const why = page.locator(`h3#${FIX_WHY.id}`);
    await expect(why).toHaveText(FIX_WHY.heading);
    await expect(why).toBeVisible();
    // Document order among the prose's direct children: last fix snippet < the heading < What not to do.
    const order = await page.locator(".prose").evaluate((prose) => {
      const children = [...prose.children];
      const at = (selector: string) => children.findIndex((child) => child.matches(selector));
      const fixes = children.flatMap((child, i) => (child.matches('figure[data-role="fix"]') ? [i] : []));
      return {
        lastFix: fixes.at(-1) ?? -1,
        why: at("h3#why-this-works"),
        next: at(".section-heading:has(#anti-patterns)"),
      };
    });
    expect(order.lastFix, url).toBeGreaterThanOrEqual(0);
    expect(order.why, url).toBeGreaterThan(order.lastFix);
    expect(order.next, url).toBeGreaterThan(order.why);
    // What the page says under it is what the API gives as fixWhy.
    const shown = (await why.locator("xpath=following-sibling::p").first().textContent()) ?? "";
    const record = errors.find((error) => error.url.endsWith(url));
    expect(record?.fixWhy?.length ?? 0, url).toBeGreaterThan(0);
    const words = (text: string) =>
      text
        .replace(/[“”"‘’']/g, "'")
        .replace(/\s+/g, " ")
        .trim();
    expect(words(record?.fixWhy ?? "")).toContain(words(shown));
  }
  await page
    .getByRole("navigation", { name: "On this page" })
    .getByRole("link", { name: FIX_WHY.heading })
    .click();
  await expect(page).toHaveURL(/#why-this-works$/);
  await expect(page.locator(`h3#${FIX_WHY.id}`)).toBeInViewport();
  // Every entry has one, so every record carries it.
  for (const error of errors.filter((e) => e.depth === "entry"))
    expect(error.fixWhy, error.id).toMatch(/\S.*[.!?]$/);
});

test("report and edit links follow the repository setting: none without one", async ({ page }) => {
  await page.goto(entryUrl("node", "enoent"));
  const report = page.getByRole("link", { name: "Report a problem with this page" });
  const edit = page.getByRole("link", { name: "Edit this page" });
  if (REPO_URL === undefined) {
    await expect(report).toHaveCount(0);
    await expect(edit).toHaveCount(0);
    return;
  }
  await expect(report).toHaveAttribute("href", new RegExp(`^${REPO_URL}/issues/new\\?.*node%2Fenoent`));
  await expect(edit).toHaveAttribute("href", `${REPO_URL}/edit/main/content/errors/node/enoent.mdx`);
});

test("snippets are labelled by role, highlighted, and copy with one click", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(PAGE);
  const roles = await page
    .locator("figure.snippet")
    .evaluateAll((fs) => fs.map((f) => f.getAttribute("data-role")));
  expect(roles).toEqual(expect.arrayContaining(["repro", "fix", "bad"]));

  const repro = page.locator('figure.snippet[data-role="repro"]').first();
  await expect(repro.locator("figcaption")).toContainText("Reproduce");
  // Shiki gives tokens their own colours: more than one colour in the block.
  const colours = await repro
    .locator("pre code span span")
    .evaluateAll((spans) => new Set(spans.map((s) => getComputedStyle(s).color)).size);
  expect(colours).toBeGreaterThan(1);

  const copy = repro.getByRole("button", { name: "Copy code to clipboard" });
  await expect(copy).toBeVisible();
  await copy.click();
  await expect(copy).toHaveText("Copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await repro.locator("pre code").textContent());
  expect(copied).toContain("socket.create_connection(");
});

test("under each run snippet is the output the verifier recorded, and the page says what verified it", async ({
  page,
}) => {
  await page.goto(PAGE);
  const repro = page.locator('figure.snippet[data-role="repro"]').first();
  const output = repro.locator(".snippet-output");
  await expect(output.locator(".snippet-output-status")).toHaveText(
    "exit status 1, recorded by npm run verify",
  );
  await expect(output.locator("samp")).toContainText(
    "ConnectionRefusedError: [Errno 111] Connection refused",
  );
  // Normalised: no machine-specific paths reach the page.
  await expect(output.locator("samp")).toContainText('File "<scratch>/snippet.py"');
  const fix = page.locator('figure.snippet[data-role="fix"]').first();
  await expect(fix.locator(".snippet-output samp")).toContainText("connected after the server came up");
  await expect(page.locator(".verified-with")).toHaveText(
    /run by npm run verify on Python 3\.9\.\d+, 3\.10\.\d+, 3\.11\.\d+, 3\.12\.\d+ and 3\.13\.\d+, on .+; the outputs shown are from Python 3\.11\.\d+, recorded \d{4}-\d{2}-\d{2}\./,
  );
  await page.goto(entryUrl("typescript", "ts2322"));
  await expect(page.locator(".verified-with")).toContainText(
    /on Node\.js 20\.\d+\.\d+, 22\.\d+\.\d+ and 24\.\d+\.\d+ and TypeScript 5\.9\.\d+, 6\.0\.\d+ and 7\.0\.\d+/,
  );
  await expect(page.locator('figure.snippet[data-role="repro"] .snippet-output samp').first()).toContainText(
    "error TS2322: Type",
  );
});

test("a snippet's files are shown with their names, and what ran a snippet with libraries or commands is named", async ({
  page,
}) => {
  await page.goto(entryUrl("typescript", "ts6133"));
  await expect(page.locator("figure.snippet .snippet-file").first()).toHaveText("tsconfig.json");
  await page.goto(entryUrl("python", "httpconnectionpool-max-retries-exceeded-with-url"));
  await expect(page.locator('figure.snippet[data-role="repro"] .snippet-output-status').first()).toHaveText(
    /^exit status 1, recorded by npm run verify on Debian's Python 3\.\d+\.\d+ with requests \d/,
  );
  await page.goto(entryUrl("python", "error-externally-managed-environment"));
  const repro = page.locator('figure.snippet[data-role="repro"]').first();
  await expect(repro.locator(".snippet-lang")).toHaveText("Terminal");
  await expect(repro.locator(".snippet-output samp")).toContainText("error: externally-managed-environment");
});

test("an output of thousands of lines is shown by its head and tail, saying how much is left out", async ({
  page,
}) => {
  await page.goto(entryUrl("node", "request-failed-with-status-code"));
  const samp = page.locator('figure.snippet[data-role="repro"] .snippet-output samp').first();
  await expect(samp).toContainText("AxiosError: Request failed with status code 404");
  await expect(samp).toContainText(/⋯ [\d,]+ more lines of the same output, left out here ⋯/);
  await expect(samp).toContainText("status: 404");
  expect(((await samp.textContent()) ?? "").split("\n").length).toBeLessThanOrEqual(66);
});

test("without JavaScript the page is whole and shows no dead copy buttons", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PAGE);
  await expect(page.locator("h2#fix")).toBeVisible();
  await expect(page.locator("button[data-copy]").first()).toBeHidden();
  await context.close();
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`the entry follows the system ${colorScheme} setting, code included`, async ({
    browser,
  }, testInfo) => {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto(PAGE);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const codeBackground = await page
      .locator("pre.astro-code")
      .first()
      .evaluate((pre) => getComputedStyle(pre).backgroundColor);
    const luminance = (rgb: string) => {
      const [r = 0, g = 0, b = 0] = (rgb.match(/\d+/g) ?? []).map(Number);
      return (r + g + b) / 3;
    };
    if (colorScheme === "light") {
      expect(luminance(background)).toBeGreaterThan(200);
      expect(luminance(codeBackground)).toBeGreaterThan(200);
    } else {
      expect(luminance(background)).toBeLessThan(50);
      expect(luminance(codeBackground)).toBeLessThan(50);
    }
    await testInfo.attach(`entry-${colorScheme}.png`, {
      body: await page.screenshot({ fullPage: true }),
      contentType: "image/png",
    });
    // axe runs on this page in both schemes in accessibility.spec.ts.
    await context.close();
  });
}

test("an entry page loads no search code and asks no other host for anything", async ({ page }) => {
  const requested: string[] = [];
  page.on("request", (request) => requested.push(request.url()));
  await page.goto(PAGE);
  await page.waitForLoadState("networkidle");
  expect(requested.filter((url) => url.includes("/pagefind/"))).toEqual([]);
  expect(requested.filter((url) => !url.startsWith("http://127.0.0.1:"))).toEqual([]);
});

test("Message by version: each wording a version printed, with its versions, and where the error is raised", async ({
  page,
}) => {
  await page.goto(entryUrl("python", "name-error"));
  const table = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Python" }) });
  await expect(page.getByRole("heading", { name: "Message by version" })).toBeVisible();
  const rows = table.locator("tbody tr");
  // Python 2.7 by a probe, then the repro's wording before and after 3.12.
  await expect(rows.nth(0)).toContainText("2.7");
  await expect(rows.nth(0)).toContainText("probe");
  await expect(rows.nth(0)).toContainText("NameError: global name 'json' is not defined");
  await expect(rows.nth(1)).toContainText("3.9–3.11");
  await expect(rows.nth(1).locator("code")).toHaveText("NameError: name 'json' is not defined");
  await expect(rows.nth(2)).toContainText("3.12–3.13");
  await expect(rows.nth(2).locator("code")).toHaveText(
    "NameError: name 'json' is not defined. Did you forget to import 'json'?",
  );
  await expect(page.locator(".facts")).toContainText("Raised on");
  await expect(page.locator(".facts")).toContainText("Python 2.7, 3.9–3.13");

  // A span in front matter: outside it the repro raises another error, and the table says so.
  await page.goto(entryUrl("typescript", "ts1259"));
  const outside = page.locator(".version-table tbody tr").filter({ hasText: "7.0" });
  await expect(outside).toContainText("Not this error");
  await expect(outside).toContainText("TS5108");
  await expect(page.locator(".facts")).toContainText("TypeScript 6.0");
  await expect(page.locator(".facts")).not.toContainText("7.0");

  // A snippet that claims some versions says so in its caption.
  await page.goto(entryUrl("python", "coroutine-was-never-awaited"));
  await expect(page.locator('figure.snippet[data-role="fix"] .snippet-versions').first()).toHaveText(
    "Python 3.11 and later",
  );
});
