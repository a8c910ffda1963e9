import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { PAGE_KINDS } from "../support/page-kinds.ts";
import { entryUrl, searchUrl } from "../../src/catalogue/urls.ts";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

for (const colorScheme of ["light", "dark"] as const) {
  for (const kind of PAGE_KINDS) {
    test(`axe finds nothing on the ${kind.name} page in ${colorScheme}`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(kind.url);
      await kind.ready(page);
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      expect(
        results.violations.map(
          (v) =>
            `${v.id}: ${v.nodes.map((n) => `${n.target.join(" ")} ${n.failureSummary ?? ""}`).join(" | ")}`,
        ),
      ).toEqual([]);
      // axe really looked: it ran its rules against this page's elements.
      expect(results.passes.length).toBeGreaterThan(10);
      await context.close();
    });
  }
}

test("Tab from the top focuses the skip link, and Enter moves focus to the main content", async ({
  page,
}) => {
  await page.goto(entryUrl("python", "key-error"));
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  // The next Tab continues inside the content, not back in the header.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest("main")))).toBe(true);
});

/** The focus indicator an element draws: its outline or box shadow. */
function focusRing(element: Element): { outline: string; boxShadow: string } {
  const style = getComputedStyle(element);
  return {
    outline: style.outlineStyle === "none" || style.outlineWidth === "0px" ? "none" : style.outlineStyle,
    boxShadow: style.boxShadow,
  };
}

for (const colorScheme of ["light", "dark"] as const) {
  test(`focus is visible on links and on the search box (${colorScheme})`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto(entryUrl("python", "key-error"));
    // Tab past the skip link to the site name, a plain link.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const link = page.getByRole("link", { name: "errdex" }).first();
    await expect(link).toBeFocused();
    const linkRing = await link.evaluate(focusRing);
    expect(linkRing.outline !== "none" || linkRing.boxShadow !== "none", JSON.stringify(linkRing)).toBe(true);

    const box = page.getByRole("banner").getByRole("searchbox");
    while (!(await box.evaluate((element) => element === document.activeElement))) {
      await page.keyboard.press("Tab");
    }
    const boxRing = await box.evaluate(focusRing);
    expect(boxRing.outline !== "none" || boxRing.boxShadow !== "none", JSON.stringify(boxRing)).toBe(true);
    await context.close();
  });
}

test("search works from the keyboard alone: Tab to the box, type, Enter, arrow to a result, Enter", async ({
  page,
}) => {
  await page.goto("/");
  const box = page.getByRole("banner").getByRole("searchbox", { name: "Search errors" });
  for (let presses = 0; presses < 20; presses++) {
    if (await box.evaluate((element) => element === document.activeElement)) break;
    await page.keyboard.press("Tab");
  }
  await expect(box).toBeFocused();
  await page.keyboard.type("KeyError");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(searchUrl("KeyError"));
  await expect(page.locator("[data-search-results]")).toHaveAttribute("data-ready", "");
  // Focus is in the search page's box; the arrow key moves into the results.
  await page.keyboard.press("/");
  await page.keyboard.press("ArrowDown");
  const first = page.locator("[data-search-results] a").first();
  await expect(first).toBeFocused();
  await expect(first).toHaveText("KeyError");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(entryUrl("python", "key-error"));
});
