import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { exactHits, isSpecificTemplate } from "../../src/search/exact-hits.ts";
import { readPaste } from "../../src/search/paste.ts";
import { PLACEHOLDER, templateParts } from "../../src/entry/message-templates.ts";
import { API_ERRORS_URL, pythonClassSlug, searchUrl, slugFromCode } from "../../src/catalogue/urls.ts";
import type { ErrorRecord } from "../../src/catalogue/api.ts";
import { builtLookup, builtShards } from "../support/built-lookup.ts";
import { bucketsFor, mergeShards } from "../../src/search/lookup-shards.ts";

/**
 * The runtime catalogues (content/catalogue/, read from TypeScript, Node.js
 * and Python themselves): every code and class has a page at the URL its
 * deep entry will have, search knows every message, the language indexes
 * list them all, and the API says which pages are deep.
 */

const SITE = "https://errdex.dev";
const read = <T>(language: string) =>
  JSON.parse(readFileSync(`content/catalogue/${language}.json`, "utf8")) as T;
const typescript = read<{ rows: { code: string; message: string }[] }>("typescript");
const node = read<{ rows: { code: string; classes: string[]; messageFrom: string; messages: string[] }[] }>(
  "node",
);
const python = read<{ rows: { name: string }[] }>("python");

/** A catalogue code without a deep entry, one per language. */
const TS_CATALOGUE = "/typescript/ts1002/";
const NODE_CATALOGUE = "/node/err-dir-concurrent-operation/";
const PYTHON_CATALOGUE = "/python/http-remote-disconnected/";

test("a code errdex has not written up has a page at its own URL, with what the runtime says, kept out of the index", async ({
  page,
}) => {
  await page.goto(TS_CATALOGUE);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("TS1002");
  await expect(page.getByRole("note")).toContainText("No deep entry yet");
  await expect(page.locator(".catalogue-message")).toHaveText("Unterminated string literal.");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex");
  await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
  await expect(page.getByRole("link", { name: "search", exact: true })).toHaveAttribute(
    "href",
    searchUrl("TS1002"),
  );

  await page.goto(NODE_CATALOGUE);
  await expect(page.locator(".catalogue-message")).toHaveText(
    "Cannot do synchronous work on directory handle with concurrent asynchronous operations",
  );
  await expect(page.getByRole("link", { name: /in the Node\.js documentation/ })).toHaveAttribute(
    "href",
    "https://nodejs.org/api/errors.html#err_dir_concurrent_operation",
  );

  // A Python class: its base, linked up the tree, and the pages nearest it.
  await page.goto(PYTHON_CATALOGUE);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("http.client.RemoteDisconnected");
  await expect(page.getByText("Its ancestors:")).toBeVisible();
  await expect(page.getByRole("link", { name: "ConnectionResetError" }).first()).toHaveAttribute(
    "href",
    "/python/connection-reset-error/",
  );
  await expect(page.getByRole("link", { name: /in the Python documentation/ })).toHaveAttribute(
    "href",
    "https://docs.python.org/3/library/http.client.html#http.client.RemoteDisconnected",
  );
});

test("a catalogue page's other spellings lead to it, and a deep entry's catalogue URL leads to the entry", async ({
  page,
}) => {
  for (const alias of ["/typescript/TS1002/", "/typescript/1002/"]) {
    await page.goto(alias);
    await expect(page).toHaveURL(TS_CATALOGUE);
  }
  // zipfile.BadZipFile's deep entry was written before the catalogue, at the bare class's URL.
  await page.goto(`/python/${pythonClassSlug("zipfile.BadZipFile")}/`);
  await expect(page).toHaveURL("/python/bad-zip-file/");
});

test("/api/errors.json lists every code and class of the three catalogues, each with its depth", async ({
  request,
}) => {
  const index = (await (await request.get(API_ERRORS_URL)).json()) as {
    count: number;
    entries: number;
    errors: ErrorRecord[];
  };
  const byUrl = new Map<string, ErrorRecord>();
  for (const record of index.errors) {
    byUrl.set(record.url, record);
    for (const alias of record.aliasUrls) byUrl.set(alias, record);
  }
  const pageOf = (language: string, slug: string) => byUrl.get(`${SITE}/${language}/${slug}/`);
  const missing = [
    ...typescript.rows.map((row) => ["typescript", slugFromCode(row.code)] as const),
    ...node.rows.map((row) => ["node", slugFromCode(row.code)] as const),
    ...python.rows.map((row) => ["python", pythonClassSlug(row.name)] as const),
  ].filter(([language, slug]) => !pageOf(language, slug));
  expect(missing).toEqual([]);
  expect(index.errors.filter((record) => record.depth === "entry")).toHaveLength(index.entries);
  const ts2589 = pageOf("typescript", "ts2589");
  expect(ts2589?.depth).toBe("entry");
  const ts1002 = pageOf("typescript", "ts1002");
  expect(ts1002).toMatchObject({
    depth: "catalogue",
    code: "TS1002",
    messages: ["Unterminated string literal."],
    fix: null,
    source: expect.stringMatching(/^TypeScript \d/),
  });
  expect(await (await request.get(new URL(ts1002!.json).pathname)).json()).toEqual(ts1002);
});

test("the language index lists every diagnostic in a table a reader can filter", async ({ page }) => {
  await page.goto("/typescript/");
  const table = page.locator("[data-table-filter]");
  await expect(table.getByRole("heading", { level: 2 })).toHaveText(
    `All ${typescript.rows.length.toLocaleString("en")} TypeScript diagnostics`,
  );
  await expect(table.locator("tbody tr")).toHaveCount(typescript.rows.length);
  await table.getByLabel("Filter by code, class or message words").fill("excessively deep");
  await expect(table.getByRole("status")).toHaveText(/^\d+ of 2,?\d{3} shown$/);
  await expect(table.getByRole("link", { name: "TS2589" })).toBeVisible();
  await expect(table.getByRole("link", { name: "TS1002" })).toBeHidden();
});

/**
 * The realistic values a user's message puts where a template has
 * placeholders: an identifier, a type, a path, a number, a name.
 */
const VALUES = ["userId", "Promise<string>", "./src/config.json", "42", "handler"];
const fill = (template: string) => {
  let i = 0;
  return template.replace(PLACEHOLDER, () => VALUES[i++ % VALUES.length]!);
};

test("every catalogue message, filled with a user's values, finds its page first", () => {
  const lookup = builtLookup();
  // What the search page fetches for a paste: its buckets, not the whole lookup.
  const { index, shards } = builtShards();
  const hitsFor = (paste: string) => {
    const read = readPaste(paste);
    return exactHits(
      mergeShards(
        index,
        bucketsFor(read, index).map((bucket) => shards[bucket] ?? []),
      ),
      read,
    );
  };
  const pathOf = (url: string) => new URL(url, SITE).pathname;
  // Pages whose templates are this one word for word (HTTP/1's and HTTP/2's
  // `Invalid value "{arg0}" for header "{arg1}"`): each is a right answer.
  const sameText = (template: string) => {
    const parts = templateParts(template.toLowerCase()).join("\u0000");
    return lookup.entries
      .filter((entry) =>
        entry.templates.some((other) => templateParts(other.toLowerCase()).join("\u0000") === parts),
      )
      .map((entry) => entry.url);
  };
  const pageUrl = (language: string, code: string) =>
    lookup.entries.find((entry) => entry.code === code && entry.language === language)?.url;
  const cases = [
    ...typescript.rows.map((row) => ({
      paste: fill(row.message),
      template: row.message,
      want: pageUrl("TypeScript", row.code),
    })),
    ...node.rows.flatMap((row) =>
      row.messageFrom === "string"
        ? row.messages.map((template) => ({
            paste: `${row.classes[0]}: ${fill(template)}`,
            template,
            want: pageUrl("Node.js", row.code),
          }))
        : [],
    ),
  ].filter((c) => isSpecificTemplate(c.template));
  const wrong = cases.filter((c) => {
    const first = hitsFor(c.paste)[0]?.url;
    return first !== c.want && !(first && sameText(c.template).includes(first));
  });
  expect(
    wrong.map((c) => c.paste),
    `${cases.length - wrong.length} of ${cases.length} first`,
  ).toEqual([]);
  // And a Python class by its traceback: its own page (or its deep
  // entry's), never a namesake's (`multiprocessing.context.TimeoutError` is
  // not the built-in TimeoutError).
  const { errors } = JSON.parse(readFileSync("dist/api/errors.json", "utf8")) as { errors: ErrorRecord[] };
  const wrongClass = python.rows.filter((row) => {
    const own = `${SITE}/python/${pythonClassSlug(row.name)}/`;
    const record = errors.find((error) => error.url === own || error.aliasUrls.includes(own));
    const paste = `Traceback (most recent call last):\n  File "/srv/app/main.py", line 12, in <module>\n    main()\n${row.name}: the operation could not be completed`;
    return !record || hitsFor(paste)[0]?.url !== pathOf(record.url);
  });
  expect(wrongClass.map((row) => row.name)).toEqual([]);
});

for (const [paste, expected] of [
  ["Type instantiation is excessively deep and possibly infinite.", "/typescript/ts2589/"],
  [
    'TypeError [ERR_INVALID_ARG_TYPE]: The "path" argument must be of type string. Received undefined',
    "/node/err-invalid-arg-type/",
  ],
  ["error: Unterminated string literal.", TS_CATALOGUE],
  [
    "Error: Cannot do synchronous work on directory handle with concurrent asynchronous operations",
    NODE_CATALOGUE,
  ],
] as const) {
  test(`the search page puts ${expected} first for "${paste.slice(0, 50)}…"`, async ({ page }) => {
    await page.goto(searchUrl(paste));
    await expect(page.locator("[data-search-results]")).toHaveAttribute("data-ready", "");
    await expect(page.locator("[data-search-results] a").first()).toHaveAttribute("href", expected);
  });
}
