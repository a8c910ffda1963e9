import { expect, test, type Locator, type Page } from "@playwright/test";
import { readdirSync } from "node:fs";
import { entryUrl, errnoUrl, LOOKUP_INDEX_URL, resultCardsUrl, searchUrl } from "../../src/catalogue/urls.ts";

/** What a user types, and pages that must be among the first results. */
const QUERIES: { query: string; expected: string[] }[] = [
  { query: "ECONNREFUSED", expected: [errnoUrl("ECONNREFUSED"), entryUrl("node", "econnrefused")] },
  { query: "111", expected: [errnoUrl("ECONNREFUSED")] },
  { query: "-111", expected: [errnoUrl("ECONNREFUSED")] },
  { query: "[Errno 111]", expected: [errnoUrl("ECONNREFUSED")] },
  { query: "errno 111", expected: [errnoUrl("ECONNREFUSED")] },
  { query: "Connection refused", expected: [entryUrl("python", "connection-refused-error")] },
  { query: "address already in use", expected: [entryUrl("node", "eaddrinuse"), errnoUrl("EADDRINUSE")] },
  { query: "connection reset", expected: [entryUrl("python", "connection-reset-error")] },
  { query: "too many open files", expected: [entryUrl("node", "emfile"), errnoUrl("EMFILE")] },
  { query: "No module named 'pandas'", expected: [entryUrl("python", "module-not-found-error")] },
  { query: "headers already sent", expected: [entryUrl("node", "err-http-headers-sent")] },
  { query: "maximum recursion depth", expected: [entryUrl("python", "recursion-error")] },
];

async function resultLinks(page: Page): Promise<string[]> {
  const results = page.locator("[data-search-results]");
  await expect(results).toHaveAttribute("data-ready", "");
  return results.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
}

/** Down twice moves through the first two results; up twice comes back to the box. */
async function walkResultsWithArrows(page: Page, box: Locator, links: Locator): Promise<void> {
  await page.keyboard.press("ArrowDown");
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(box).toBeFocused();
}

for (const { query, expected } of QUERIES) {
  test(`typing "${query}" in the header box lands on a linkable search with the right pages first`, async ({
    page,
  }) => {
    await page.goto(entryUrl("typescript", "ts2322"));
    const box = page.getByRole("banner").getByRole("searchbox", { name: "Search errors" });
    await box.fill(query);
    await box.press("Enter");
    await expect(page).toHaveURL(searchUrl(query));
    const links = await resultLinks(page);
    for (const url of expected) {
      expect(links.slice(0, 3), `${url} in the top 3 for "${query}"`).toContain(url);
    }
    await expect(
      page.getByRole("main").getByRole("textbox", { name: "Message, traceback, errno or code" }),
    ).toHaveValue(query);
  });
}

test("results show title, language and summary, in rank order", async ({ page }) => {
  await page.goto(searchUrl("KeyError"));
  await resultLinks(page);
  const first = page.locator("[data-search-results] li").first();
  await expect(first.getByRole("link")).toHaveText("KeyError");
  await expect(first.locator(".badge")).toHaveText("Python");
  await expect(first.locator(".search-result-summary")).not.toBeEmpty();
});

test("results come ten at a time; More results adds the next ten and moves focus to them", async ({
  page,
}) => {
  await page.goto(searchUrl("connection"));
  const first = await resultLinks(page);
  expect(first).toHaveLength(10);
  await expect(page.getByRole("main").getByRole("status")).toHaveText(
    "The first 10 results for “connection”.",
  );
  const more = page.getByRole("button", { name: "More results" });
  await more.click();
  await expect(page.locator("[data-search-results]")).toHaveAttribute("data-ready", "");
  const all = await resultLinks(page);
  expect(all.length).toBeGreaterThan(10);
  // The first ten stay as they were, and nothing is listed twice.
  expect(all.slice(0, 10)).toEqual(first);
  expect(new Set(all).size).toBe(all.length);
  await expect(page.locator("[data-search-results] a").nth(10)).toBeFocused();
});

test("a search with no match says so and points at the indexes", async ({ page }) => {
  await page.goto(searchUrl("zzqqxxnotanerror"));
  expect(await resultLinks(page)).toEqual([]);
  await expect(page.getByRole("main").getByRole("status")).toHaveText("No results for “zzqqxxnotanerror”.");
  await expect(page.locator("[data-search-empty]")).toBeVisible();
});

test("a hostile query is shown as text and never run", async ({ page }) => {
  const hostile = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>`;
  await page.goto(searchUrl(hostile));
  await resultLinks(page);
  await expect(page.getByRole("main").getByRole("status")).toContainText(hostile);
  expect(await page.evaluate(() => "__pwned" in window)).toBe(false);
  expect(await page.locator("main img").count()).toBe(0);
});

/** Queries that would run script or make a script link if they were ever treated as markup. */
const HOSTILE: [string, string][] = [
  [
    "markup with an event handler",
    `"><svg onload="window.__pwned=1"><a href="javascript:window.__pwned=1">x</a>`,
  ],
  ["a script element", "</textarea><script>window.__pwned=1</script>"],
  ["a javascript: URL", "javascript:window.__pwned=1//"],
  ["control characters", "KeyError\u0000\u0007\u001b[31m\u202e\r\u2028<b>bold</b>"],
];

for (const [what, hostile] of HOSTILE) {
  test(`a query with ${what} is shown as text: nothing runs and nothing links to javascript:`, async ({
    page,
  }) => {
    const dialogs: string[] = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    // Written by hand: searchUrl() keeps multi-line queries out of URLs, but anyone can write one.
    await page.goto(`/search/?q=${encodeURIComponent(hostile)}`);
    await resultLinks(page);
    // Shown as typed (the status quotes up to 120 characters), never parsed.
    await expect(page.getByRole("main").getByRole("status")).toContainText(hostile.slice(0, 40).trim());
    await expect(
      page.getByRole("main").getByRole("textbox", { name: "Message, traceback, errno or code" }),
    ).toHaveValue(hostile.replace(/\r\n?/g, "\n")); // a textarea's value has \n line breaks
    expect(await page.evaluate(() => "__pwned" in window)).toBe(false);
    expect(dialogs).toEqual([]);
    expect(
      await page.locator("main svg, main script:not([src]), main b, [data-search-results] img").count(),
    ).toBe(0);
    const hrefs = await page
      .locator("a[href]")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    expect(hrefs.filter((href) => /^\s*javascript:/i.test(href))).toEqual([]);
  });
}

test("a pasted traceback, stack trace or tsc line finds its page first, as you type", async ({ page }) => {
  await page.goto(searchUrl());
  const box = page.getByRole("main").getByRole("textbox", { name: "Message, traceback, errno or code" });
  const cases: [string, string][] = [
    [
      'Traceback (most recent call last):\n  File "/srv/app/db.py", line 9, in <module>\n    sock = socket.create_connection(("db", 5432))\nConnectionRefusedError: [Errno 111] Connection refused',
      entryUrl("python", "connection-refused-error"),
    ],
    [
      "node:events:497\n      throw er; // Unhandled 'error' event\n      ^\n\nError: connect ECONNREFUSED 127.0.0.1:5432\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1637:16) {\n  errno: -111,\n  code: 'ECONNREFUSED',\n  syscall: 'connect'\n}",
      entryUrl("node", "econnrefused"),
    ],
    [
      "src/server.ts(12,7): error TS2322: Type 'string' is not assignable to type 'number'.",
      entryUrl("typescript", "ts2322"),
    ],
    ["WinError 10061", errnoUrl("ECONNREFUSED")],
  ];
  for (const [pasted, expected] of cases) {
    await box.fill(pasted);
    await expect(page.locator("[data-search-results] a").first()).toHaveAttribute("href", expected);
    // A short one-line query stays linkable; a multi-line paste is kept out of the URL.
    const q = new URL(page.url()).searchParams.get("q");
    expect(q).toBe(pasted.includes("\n") ? null : pasted);
  }
});

test("`/` focuses the search box and arrow keys move through the results", async ({ page }) => {
  await page.goto(entryUrl("python", "key-error"));
  await page.keyboard.press("/");
  await expect(page.getByRole("banner").getByRole("searchbox")).toBeFocused();
  await page.goto(searchUrl("ECONNREFUSED"));
  await resultLinks(page);
  await page.keyboard.press("/");
  const box = page.getByRole("main").getByRole("textbox", { name: "Message, traceback, errno or code" });
  await expect(box).toBeFocused();
  const links = page.locator("[data-search-results] a");
  await walkResultsWithArrows(page, box, links);
  await page.keyboard.press("ArrowDown");
  const href = await links.nth(0).getAttribute("href");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(href ?? "");
});

test("a 20 KB paste with control characters is searched by its identifying line and shown as text", async ({
  page,
}) => {
  const noise = `  File "/srv/app/x.py", line 1, in <module>\u0000\u001b[31m\n`.repeat(400);
  const pasted = `Traceback (most recent call last):\n${noise}KeyError: 'customer'`;
  expect(pasted.length).toBeGreaterThan(20_000);
  await page.goto(searchUrl());
  await page
    .getByRole("main")
    .getByRole("textbox", { name: "Message, traceback, errno or code" })
    .fill(pasted);
  await expect(page.locator("[data-search-results] a").first()).toHaveAttribute(
    "href",
    entryUrl("python", "key-error"),
  );
});

test("a multi-line traceback pasted into the header box is searched whole, and sent to no server", async ({
  page,
}) => {
  const traceback =
    "Traceback (most recent call last):\n  File \"/srv/billing-internal/app.py\", line 2, in <module>\nKeyError: 'customer'";
  const requests: string[] = [];
  page.on("request", (request) => requests.push(`${request.url()} ${request.postData() ?? ""}`));
  await page.goto(entryUrl("node", "enoent"));
  await page
    .getByRole("banner")
    .getByRole("searchbox")
    .evaluate((box, text) => {
      const data = new DataTransfer();
      data.setData("text", text);
      box.dispatchEvent(
        new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, traceback);
  await expect(page).toHaveURL(searchUrl());
  await expect(page.locator("[data-search-results] a").first()).toHaveAttribute(
    "href",
    entryUrl("python", "key-error"),
  );
  await expect(
    page.getByRole("main").getByRole("textbox", { name: "Message, traceback, errno or code" }),
  ).toHaveValue(traceback);
  // Enter on the search page searches in place; nothing is submitted.
  await page.getByRole("main").getByRole("textbox").press("Enter");
  await expect(page).toHaveURL(searchUrl());
  expect(requests.length).toBeGreaterThan(3);
  for (const secret of ["billing-internal", "customer", encodeURIComponent("billing-internal")]) {
    expect(requests.filter((request) => request.includes(secret))).toEqual([]);
  }
});

test("the header box shows results as you type, loading search only then", async ({ page }) => {
  const requested: string[] = [];
  page.on("request", (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(entryUrl("node", "enoent"));
  await page.waitForLoadState("networkidle");
  expect(
    requested.filter((path) => path.startsWith("/pagefind/") || path.startsWith("/search/lookup/")),
  ).toEqual([]);

  const box = page.getByRole("banner").getByRole("searchbox", { name: "Search errors" });
  await box.pressSequentially("Cannot read properties of null (reading 'x')");
  const suggestions = page.getByRole("banner").locator("[data-search-suggestions]");
  await expect(suggestions).toHaveAttribute("data-ready", "");
  const first = suggestions.locator("li").first();
  await expect(first.getByRole("link")).toHaveAttribute(
    "href",
    entryUrl("node", "cannot-read-properties-of-null"),
  );
  await expect(first.locator(".badge")).toHaveText("Node.js");
  await expect(first.locator(".search-result-summary")).not.toBeEmpty();
  expect(await suggestions.locator("li").count()).toBeLessThanOrEqual(6);
  await expect(page.getByRole("banner").getByRole("link", { name: "All results" })).toHaveAttribute(
    "href",
    searchUrl("Cannot read properties of null (reading 'x')"),
  );
  // The lookup's index and only some of its buckets: the ones this message's words fall in.
  expect(requested).toContain(LOOKUP_INDEX_URL);
  const buckets = requested.filter((path) => /^\/search\/lookup\/\d+\.json$/.test(path));
  expect(buckets.length).toBeGreaterThan(0);
  expect(buckets.length).toBeLessThan(readdirSync("dist/search/lookup").length - 1);
  // What was typed stays text: the page has not navigated.
  expect(new URL(page.url()).pathname).toBe(entryUrl("node", "enoent"));
});

test("arrow keys move from the header box through its results; Escape closes them; Enter opens one", async ({
  page,
}) => {
  await page.goto(entryUrl("python", "key-error"));
  const banner = page.getByRole("banner");
  const box = banner.getByRole("searchbox", { name: "Search errors" });
  await box.click();
  await box.pressSequentially("ECONNREFUSED");
  const panel = banner.locator("[data-search-suggest]");
  await expect(banner.locator("[data-search-suggestions]")).toHaveAttribute("data-ready", "");
  await expect(panel).toBeVisible();
  const links = panel.getByRole("link");
  await walkResultsWithArrows(page, box, links);
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await box.press("Backspace");
  await box.press("D");
  await expect(banner.locator("[data-search-suggestions]")).toHaveAttribute("data-ready", "");
  await expect(panel).toBeVisible();
  await page.keyboard.press("ArrowDown");
  const href = await links.nth(0).getAttribute("href");
  expect(href).toBe(entryUrl("node", "econnrefused"));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(href ?? "");
});

test("Enter in the header box opens the full search, and an empty box shows nothing", async ({ page }) => {
  await page.goto(entryUrl("python", "key-error"));
  const box = page.getByRole("banner").getByRole("searchbox", { name: "Search errors" });
  await box.pressSequentially("EPIPE");
  await expect(page.getByRole("banner").locator("[data-search-suggest]")).toBeVisible();
  await box.fill("");
  await expect(page.getByRole("banner").locator("[data-search-suggest]")).toBeHidden();
  await box.pressSequentially("EPIPE");
  await box.press("Enter");
  await expect(page).toHaveURL(searchUrl("EPIPE"));
});

test("full-text results show their title and summary from result cards, not from a Pagefind fragment each", async ({
  page,
}) => {
  const fetched: string[] = [];
  page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(searchUrl("ECONNREFUSED"));
  const results = page.locator("[data-search-results]");
  await expect(results).toHaveAttribute("data-ready", "");
  const items = results.locator("li");
  // Exact answers and full-text results together fill the page.
  await expect(items).toHaveCount(10);
  for (const item of await items.all()) {
    await expect(item.locator("a")).not.toHaveText("");
    await expect(item.locator(".search-result-summary")).not.toBeEmpty();
  }
  // One fragment at most: the best result's text, which tells whether Pagefind knew every word.
  expect(fetched.filter((url) => url.startsWith("/pagefind/fragment/")).length).toBeLessThanOrEqual(1);
  const cards = resultCardsUrl(0).replace(/0\.json$/, "");
  expect(fetched.some((url) => url.startsWith(cards))).toBe(true);
});

/**
 * Wordings that only some versions print, recorded by `npm run verify` on
 * those versions (and by probes on Python 2.7 and Node.js 14): each, pasted
 * as that version prints it, finds its entry first.
 */
const VERSION_WORDINGS: { paste: string; expected: string }[] = [
  {
    paste: "NameError: name 'json' is not defined. Did you forget to import 'json'?",
    expected: entryUrl("python", "name-error"),
  },
  { paste: "NameError: global name 'json' is not defined", expected: entryUrl("python", "name-error") },
  {
    paste: "SyntaxError: parameter without a default follows parameter with a default",
    expected: entryUrl("python", "syntax-error"),
  },
  { paste: "ZeroDivisionError: float modulo by zero", expected: entryUrl("python", "zero-division-error") },
  { paste: "ZeroDivisionError: float divmod()", expected: entryUrl("python", "zero-division-error") },
  {
    paste:
      "json.decoder.JSONDecodeError: Illegal trailing comma before end of object: line 4 column 1 (char 44)",
    expected: entryUrl("python", "json-decode-error"),
  },
  {
    paste:
      "AttributeError: module 'random' has no attribute 'randint' (consider renaming '/home/ana/tools/random.py' since it has the same name as the standard library module named 'random' and the import system gives it precedence)",
    expected: entryUrl("python", "module-has-no-attribute"),
  },
  {
    paste: "TypeError: cannot concatenate 'str' and 'int' objects",
    expected: entryUrl("python", "can-only-concatenate-str"),
  },
  {
    paste: "TypeError: Cannot read property 'host' of undefined",
    expected: entryUrl("node", "cannot-read-properties-of-undefined"),
  },
  {
    paste: "SyntaxError: Unexpected token < in JSON at position 0",
    expected: entryUrl("node", "unexpected-token-json"),
  },
];

test("a wording only some versions print finds its entry first", async ({ page }) => {
  await page.goto(searchUrl());
  const box = page.getByRole("main").getByRole("textbox", { name: "Message, traceback, errno or code" });
  const misses: string[] = [];
  for (const { paste, expected } of VERSION_WORDINGS) {
    await box.fill(paste);
    const links = await resultLinks(page);
    if (links[0] !== expected) misses.push(`${paste}\n  first: ${links[0] ?? "nothing"}, wanted ${expected}`);
  }
  expect(misses, misses.join("\n")).toEqual([]);
});
