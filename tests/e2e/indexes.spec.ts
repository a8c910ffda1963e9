import { expect, test } from "@playwright/test";
import { LANGUAGES, LANGUAGE_LABELS, entryUrl, errnoUrl, languageIndexUrl } from "../../src/lib/urls.ts";

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
    await page.getByRole("link", { name: title, exact: true }).click();
    await expect(page).toHaveURL(url);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  });
}

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
    "10061 WSAECONNREFUSED",
    /ConnectionRefusedError.*ECONNREFUSED|ECONNREFUSED.*ConnectionRefusedError/,
  ]);
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
