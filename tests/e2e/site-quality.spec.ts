import { expect, test } from "@playwright/test";
import { PAGE_KINDS } from "../support/page-kinds.ts";

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

for (const kind of PAGE_KINDS) {
  test(`the ${kind.name} page asks no other host for anything, uses system fonts, and logs no error or CSP violation`, async ({
    page,
    baseURL,
  }) => {
    const origin = new URL(baseURL ?? "").origin;
    const requests: string[] = [];
    page.context().on("request", (request) => requests.push(request.url()));
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`console: ${message.text()} (${message.location().url})`);
    });
    page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener("securitypolicyviolation", (event) => {
        window.__cspViolations?.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });

    const response = await page.goto(kind.url);
    await kind.ready(page);
    await page.waitForLoadState("networkidle");

    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
    // A missing page is answered with 404 (the browser logs that status); nothing else may be logged.
    const expected =
      kind.name === "404" && response?.status() === 404
        ? (error: string) => error.includes("status of 404") && error.includes(kind.url)
        : () => false;
    expect(errors.filter((error) => !expected(error))).toEqual([]);
    const fontFaces = await page.evaluate(
      () =>
        [...document.styleSheets]
          .flatMap((sheet) => [...sheet.cssRules])
          .filter((rule) => rule instanceof CSSFontFaceRule).length,
    );
    expect(fontFaces).toBe(0);
  });
}
