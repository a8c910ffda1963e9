import { expect, test, type Page } from "@playwright/test";
import { searchUrl } from "../../src/catalogue/urls.ts";
import { builtCataloguePages, builtLookup } from "../support/built-lookup.ts";
import { megabyteLog, repeatedFragments } from "../support/hostile-pastes.ts";
import { pasteAndTime, type TimedSearch } from "../support/search-timing.ts";

/**
 * Search answers any paste in bounded time, never freezes the tab, and
 * never comes back empty when the paste names an error errdex knows.
 *
 * These tests hold the bound, not the budget. The product's budget (results
 * within 150 ms of a 1 MB paste, no main-thread task over 50 ms) is a
 * figure `npm run bench:search` measures and prints against the budget, as
 * docs/performance.md records: on a 2-core machine sharing its cores with
 * the rest of the suite, a test of 150 ms decides on noise. The bound here
 * is ten times the budget: what a reader would see as a hung page, and
 * what a matcher that grows with the paste's length (not linearly) or
 * backtracks takes on these pastes (seconds, not milliseconds).
 */
const ANSWER_BOUND_MS = 1_500;
const LONGEST_TASK_BOUND_MS = 500;

const bounded = (run: TimedSearch) =>
  run.answered && run.ms <= ANSWER_BOUND_MS && run.longestTask <= LONGEST_TASK_BOUND_MS;

async function openSearch(page: Page): Promise<void> {
  await page.goto(searchUrl());
  await expect(page.locator("[data-search-results]")).toHaveAttribute("data-ready", "");
  // A first search loads Pagefind and the lookup: the budget is for the searches after it.
  await pasteAndTime(page, "ECONNREFUSED connect refused");
}

test("a 1 MB log ending in a traceback is answered without freezing the page, with its error first", async ({
  page,
}) => {
  await openSearch(page);
  const log = megabyteLog();
  expect(log.length).toBeGreaterThanOrEqual(1_000_000);
  const run = await pasteAndTime(page, log);
  expect(run.answered).toBe(true);
  expect(run.ms).toBeLessThanOrEqual(ANSWER_BOUND_MS);
  expect(run.longestTask).toBeLessThanOrEqual(LONGEST_TASK_BOUND_MS);
  expect(run.first[0]).toBe("/python/connection-refused-error/");
  // The box shows the paste shortened, and says so.
  await expect(page.getByRole("main").getByRole("textbox")).toHaveValue(
    /KB pasted: .* search reads all of it/,
  );
});

test("20 KB of any entry's template's own fixed text repeated is answered without freezing the page", async ({
  page,
}) => {
  test.setTimeout(5 * 60_000);
  await openSearch(page);
  // Every deep entry's templates, and every tenth catalogue page's: the
  // catalogue's 2,600 pages are filed and matched alike (npm run
  // bench:search times all of them against the budget).
  const lookup = builtLookup();
  const catalogue = builtCataloguePages();
  const pastes = repeatedFragments({
    ...lookup,
    entries: [
      ...lookup.entries.filter((entry) => !catalogue.has(entry.url)),
      ...lookup.entries.filter((entry) => catalogue.has(entry.url)).filter((_, index) => index % 10 === 0),
    ],
  });
  expect(pastes.length).toBeGreaterThan(20);
  const over: string[] = [];
  for (const { template, paste: text } of pastes) {
    await pasteAndTime(page, "warm up");
    const run = await pasteAndTime(page, text);
    if (!bounded(run))
      over.push(
        `${template}: ${run.answered ? "answered" : "no answer"} in ${run.ms.toFixed(0)} ms, longest task ${run.longestTask.toFixed(0)} ms`,
      );
  }
  expect(over).toEqual([]);
});
