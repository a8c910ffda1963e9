import { expect, test } from "@playwright/test";
import { entryUrl, errnoUrl, languageIndexUrl } from "../../src/catalogue/urls.ts";
import { LANGUAGES, LANGUAGE_LABELS } from "../../src/entry/languages.ts";

/** One entry each index must list, with words from its summary. */
const EXPECTED: Record<(typeof LANGUAGES)[number], { url: string; title: string }> = {
  python: { url: entryUrl("python", "key-error"), title: "KeyError" },
  node: { url: entryUrl("node", "enoent"), title: "ENOENT" },
  typescript: { url: entryUrl("typescript", "ts2322"), title: "TS2322" },
};

for (const language of LANGUAGES) {
  test(`${languageIndexUrl(language)} groups ${LANGUAGE_LABELS[language]} entries by category, each with its summary`, async ({
    page,
  }) => {
    await page.goto(languageIndexUrl(language));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${LANGUAGE_LABELS[language]} errors`);
    const categories = page.locator("section.category");
    expect(await categories.count()).toBeGreaterThan(0);
    for (const category of await categories.all()) {
      await expect(category.getByRole("heading", { level: 2 })).not.toBeEmpty();
      for (const item of await category.locator(".entry-list li").all()) {
        await expect(item.getByRole("link")).toHaveAttribute(
          "href",
          new RegExp(`^/${language}/[a-z0-9-]+/$`),
        );
        await expect(item.locator("p")).not.toBeEmpty();
      }
    }
    const { url, title } = EXPECTED[language];
    await page.locator("section.category").getByRole("link", { name: title, exact: true }).click();
    await expect(page).toHaveURL(url);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  });
}

test("/python/ shows Python's whole exception tree, linking the classes that have pages", async ({
  page,
}) => {
  await page.goto(languageIndexUrl("python"));
  const tree = page.getByRole("region", { name: "The exception hierarchy" });
  await expect(tree.locator("li").first()).toContainText("BaseException");
  // KeyError sits under LookupError under Exception.
  const keyError = tree
    .locator("li", { has: page.getByRole("link", { name: "KeyError", exact: true }) })
    .last();
  await expect(keyError).toHaveCount(1);
  const ancestors = await keyError.evaluate((li) => {
    const names: string[] = [];
    for (let at = li.parentElement?.closest("li"); at; at = at.parentElement?.closest("li")) {
      names.push(at.querySelector(":scope > code, :scope > a > code")?.textContent ?? "");
    }
    return names;
  });
  expect(ancestors).toEqual(["LookupError", "Exception", "BaseException"]);
});

test("the home page lists every language and the errno table", async ({ page }) => {
  await page.goto("/");
  for (const language of LANGUAGES) {
    await expect(
      page.getByRole("link", { name: LANGUAGE_LABELS[language], exact: true }).last(),
    ).toHaveAttribute("href", languageIndexUrl(language));
  }
  await expect(page.getByRole("link", { name: "ConnectionRefusedError" })).toHaveAttribute(
    "href",
    entryUrl("python", "connection-refused-error"),
  );
  await expect(page.locator("main").getByRole("link", { name: "errno", exact: true })).toHaveAttribute(
    "href",
    "/errno/",
  );
});

test("/errno/ lists names with numbers on each system and the errors that carry them", async ({ page }) => {
  await page.goto("/errno/");
  const row = page.locator("tbody tr", { has: page.getByRole("link", { name: "ECONNREFUSED" }) });
  await expect(row.locator("td")).toHaveText([
    "Connection refused",
    "111",
    "61",
    "10061 (WSAECONNREFUSED) · CRT 107",
    "ConnectionRefusedError",
    /ConnectionRefusedError.*ECONNREFUSED|ECONNREFUSED.*ConnectionRefusedError/,
  ]);
});

test("/errno/ sorts by any column from the keyboard", async ({ page }) => {
  await page.goto("/errno/");
  const linuxNumbers = () =>
    page
      .locator("tbody tr td:nth-of-type(2)")
      .evaluateAll((cells) => cells.map((c) => Number(c.textContent)));
  const linux = page.getByRole("button", { name: "Linux" });
  await linux.focus();
  await page.keyboard.press("Enter");
  const ascending = await linuxNumbers();
  expect(ascending.slice(0, 3)).toEqual([1, 2, 3]);
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  await expect(page.locator("th", { has: linux })).toHaveAttribute("aria-sort", "ascending");
  await page.keyboard.press("Enter");
  expect((await linuxNumbers())[0]).toBe(133);
  await expect(page.locator("th", { has: linux })).toHaveAttribute("aria-sort", "descending");
});

test("/errno/econnrefused/ gives the meaning, the numbers and the pages that raise it", async ({ page }) => {
  await page.goto(errnoUrl("ECONNREFUSED"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ECONNREFUSED");
  await expect(page.locator(".summary")).toContainText("Connection refused");
  const numbers = page.locator(".errno-numbers");
  await expect(numbers.locator('dt:text-is("Linux") + dd')).toHaveText("111");
  await expect(numbers.locator('dt:text-is("macOS") + dd')).toHaveText("61");
  await expect(numbers.locator('dt:text-is("Windows") + dd')).toContainText("10061");
  await expect(numbers.locator("dt", { hasText: "error.errno" }).locator("+ dd")).toContainText(
    "-111 on Linux",
  );
  await expect(page.getByRole("link", { name: "ConnectionRefusedError" })).toHaveAttribute(
    "href",
    entryUrl("python", "connection-refused-error"),
  );
  await expect(page.getByRole("link", { name: "ECONNREFUSED", exact: true })).toHaveAttribute(
    "href",
    entryUrl("node", "econnrefused"),
  );
});

test("an unknown address gets the 404 page with a search box", async ({ page }) => {
  const response = await page.goto("/python/no-such-error/");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  const box = page.getByRole("main").getByRole("searchbox");
  await box.fill("KeyError");
  await box.press("Enter");
  await expect(page).toHaveURL("/search/?q=KeyError");
  await expect(page.locator("[data-search-results] a").first()).toHaveAttribute(
    "href",
    entryUrl("python", "key-error"),
  );
});
