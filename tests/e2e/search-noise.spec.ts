import { expect, test } from "@playwright/test";
import { searchUrl } from "../../src/catalogue/urls.ts";
import { builtCataloguePages, builtLookup } from "../support/built-lookup.ts";
import { pasteAndTime } from "../support/search-timing.ts";

/**
 * A paste that names an error errdex knows never gets "No results", however
 * much noise surrounds the name: words no page has, a stack frame of no
 * known file.
 */

test("a paste that names a known code, class or errno in unrelated noise never gets no results", async ({
  page,
}) => {
  test.setTimeout(5 * 60_000);
  await page.goto(searchUrl());
  await expect(page.locator("[data-search-results]")).toHaveAttribute("data-ready", "");
  const lookup = builtLookup();
  // Every deep entry's name, and every 20th catalogue page's (thousands of
  // them, all filed the same way), one paste each.
  const catalogue = builtCataloguePages();
  const names = [
    ...lookup.entries
      .filter((entry) => !catalogue.has(entry.url))
      .map((entry) => entry.code ?? entry.className ?? entry.title),
    ...lookup.entries
      .filter((entry) => catalogue.has(entry.url))
      .filter((_, index) => index % 20 === 0)
      .map((entry) => entry.code ?? entry.title),
    ...lookup.errno.map((row) => row.name),
  ];
  expect(catalogue.size).toBeGreaterThan(2000);
  const empty: string[] = [];
  for (const name of new Set(names)) {
    const text = `2024-05-01 08:12:33 WARN [qzx.vrk] zzqqx blorpt ${name} flimzy wuggle\n  at qqq (/srv/zz/app.js:1:1)`;
    const run = await pasteAndTime(page, text);
    if (run.first.length === 0) empty.push(name);
  }
  expect(empty).toEqual([]);
});
