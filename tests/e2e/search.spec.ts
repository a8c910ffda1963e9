import { expect, test } from "@playwright/test";
import { entryUrl, errnoUrl, searchUrl } from "../../src/lib/urls.ts";

/** What a user types, and pages that must be among the first results. */
const QUERIES: { query: string; expected: string[] }[] = [
  { query: "ECONNREFUSED", expected: [errnoUrl("ECONNREFUSED"), entryUrl("node", "econnrefused")] },
  { query: "111", expected: [errnoUrl("ECONNREFUSED")] },
  { query: "Connection refused", expected: [entryUrl("python", "connection-refused-error")] },
];

async function resultLinks(page: import("@playwright/test").Page): Promise<string[]> {
  const results = page.locator("[data-search-results]");
  await expect(results).toHaveAttribute("data-ready", "");
  return results.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
}

for (const { query, expected } of QUERIES) {
  test(`typing "${query}" in the header box lands on a linkable search with the right pages first`, async ({
    page,
  }) => {
    await page.goto(entryUrl("typescript", "ts2322"));
    const box = page.getByRole("banner").getByRole("searchbox", { name: "Search errors" });
    await box.fill(query);
    await box.press("Enter");
    await expect(page).toHaveURL(searchUrl(query).replace(/%20/g, "+"));
    const links = await resultLinks(page);
    for (const url of expected) {
      expect(links.slice(0, 3), `${url} in the top 3 for "${query}"`).toContain(url);
    }
    await expect(page.getByRole("main").getByRole("searchbox")).toHaveValue(query);
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

test("a search with no match says so and points at the indexes", async ({ page }) => {
  await page.goto(searchUrl("zzqqxxnotanerror"));
  expect(await resultLinks(page)).toEqual([]);
  await expect(page.getByRole("status")).toHaveText("No results for “zzqqxxnotanerror”.");
  await expect(page.locator("[data-search-empty]")).toBeVisible();
});

test("a hostile query is shown as text and never run", async ({ page }) => {
  const hostile = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>`;
  await page.goto(searchUrl(hostile));
  await resultLinks(page);
  await expect(page.getByRole("status")).toContainText(hostile);
  expect(await page.evaluate(() => "__pwned" in window)).toBe(false);
  expect(await page.locator("main img").count()).toBe(0);
});
