import { expect, test, type Page } from "@playwright/test";
import { searchUrl } from "../../src/catalogue/urls.ts";
import { builtCataloguePages, builtLookup } from "../support/built-lookup.ts";
import { megabyteLog, repeatedFragments } from "../support/hostile-pastes.ts";
import { bestOfThree, pasteAndTime, type TimedSearch } from "../support/search-timing.ts";

/**
 * Search answers any paste in bounded time, and never comes back empty
 * when the paste names an error errdex knows. The timing budget is the
 * product's: for a paste up to 1 MB, results (or "no results") within
 * 150 ms of the last keystroke, and no main-thread task longer than 50 ms.
 * Each paste is pasted as a reader pastes it, on a warm index, up to three
 * times: its best run counts, so another test busy on the other core does
 * not decide it.
 */

const BUDGET_MS = 150;
const LONGEST_TASK_MS = 50;

const withinBudget = (run: TimedSearch) =>
  run.answered && run.ms <= BUDGET_MS && run.longestTask <= LONGEST_TASK_MS;

async function openSearch(page: Page): Promise<void> {
  await page.goto(searchUrl());
  await expect(page.locator("[data-search-results]")).toHaveAttribute("data-ready", "");
  // A first search loads Pagefind and the lookup: the budget is for the searches after it.
  await pasteAndTime(page, "ECONNREFUSED connect refused");
}

test("a 1 MB log ending in a traceback is answered within the budget, with its error first", async ({
  page,
}) => {
  await openSearch(page);
  const log = megabyteLog();
  expect(log.length).toBeGreaterThanOrEqual(1_000_000);
  const run = await bestOfThree(page, log, withinBudget);
  console.log(
    `1 MB paste: ${run.ms.toFixed(0)} ms to results, longest task ${run.longestTask.toFixed(0)} ms`,
  );
  expect(run.answered).toBe(true);
  expect(run.ms).toBeLessThanOrEqual(BUDGET_MS);
  expect(run.longestTask).toBeLessThanOrEqual(LONGEST_TASK_MS);
  expect(run.first[0]).toBe("/python/connection-refused-error/");
  // The box shows the paste shortened, and says so.
  await expect(page.getByRole("main").getByRole("textbox")).toHaveValue(
    /KB pasted: .* search reads all of it/,
  );
});

test("20 KB of any entry's template's own fixed text repeated is answered within the budget", async ({
  page,
}) => {
  test.setTimeout(5 * 60_000);
  await openSearch(page);
  // Every deep entry's templates, and every tenth catalogue page's: the
  // catalogue's 2,600 pages are filed and matched alike, and each paste is
  // timed three times (npm run bench:search times all of them once).
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
  let slowest = { ms: 0, template: "" };
  for (const { template, paste: text } of pastes) {
    const run = await bestOfThree(page, text, withinBudget);
    if (run.ms > slowest.ms) slowest = { ms: run.ms, template };
    if (!withinBudget(run))
      over.push(`${template}: ${run.ms.toFixed(0)} ms, longest task ${run.longestTask.toFixed(0)} ms`);
  }
  console.log(`${pastes.length} fragment pastes; slowest ${slowest.ms.toFixed(0)} ms (${slowest.template})`);
  expect(over).toEqual([]);
});
