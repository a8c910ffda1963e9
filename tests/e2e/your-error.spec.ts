import { expect, test, type Page } from "@playwright/test";
import { entryUrl, errnoUrl, searchUrl } from "../../src/catalogue/urls.ts";

/**
 * "Your error": a page opened from a search of a pasted error shows the
 * reader's own line with their values marked and explained, and nothing
 * the reader pasted is ever sent in a request. A link with the error in
 * its fragment reopens the box; aliases keep a link's section.
 */

const PASTES: {
  what: string;
  paste: string;
  page: string;
  line: string;
  values: string[];
  explanation: RegExp;
}[] = [
  {
    what: "a Python traceback",
    paste: `Traceback (most recent call last):
  File "/srv/billing-internal/app/handlers.py", line 41, in on_event
    customer = payload["customer_ref"]
KeyError: 'customer_ref'`,
    page: entryUrl("python", "key-error"),
    line: "KeyError: 'customer_ref'",
    values: ["customer_ref"],
    explanation: /The mapping you read has no key 'customer_ref'/,
  },
  {
    what: "a Node.js stack",
    paste: `node:internal/process/promises:394
    triggerUncaughtException(err, true /* fromPromise */);
    ^

Error: connect ECONNREFUSED 10.20.30.40:5432
    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1637:16) {
  errno: -111,
  code: 'ECONNREFUSED',
  syscall: 'connect',
  address: '10.20.30.40',
  port: 5432
}`,
    page: entryUrl("node", "econnrefused"),
    line: "Error: connect ECONNREFUSED 10.20.30.40:5432",
    values: ["10.20.30.40", "5432"],
    explanation: /10\.20\.30\.40 answered, but nothing was listening on port 5432/,
  },
  {
    what: "a tsc line",
    paste:
      "src/billing/invoice.ts(88,11): error TS2322: Type 'string' is not assignable to type 'InvoiceId'.",
    page: entryUrl("typescript", "ts2322"),
    line: "src/billing/invoice.ts(88,11): error TS2322: Type 'string' is not assignable to type 'InvoiceId'.",
    values: ["string", "InvoiceId"],
    explanation: /A value of type string is being put where only InvoiceId is allowed/,
  },
];

/** Every request the page makes, URL and body, to look for the paste in. */
function recordRequests(page: Page): string[] {
  const requests: string[] = [];
  page.on("request", (request) => requests.push(`${request.url()}\n${request.postData() ?? ""}`));
  return requests;
}

for (const { what, paste, page: target, line, values, explanation } of PASTES) {
  test(`${what} pasted into search opens its entry with "Your error", and is sent to no server`, async ({
    page,
  }) => {
    const requests = recordRequests(page);
    await page.goto(searchUrl());
    await page
      .getByRole("main")
      .getByRole("textbox", { name: "Message, traceback, errno or code" })
      .fill(paste);
    const first = page.locator("[data-search-results][data-ready] a").first();
    await expect(first).toHaveAttribute("href", target);
    await first.click();
    await expect(page).toHaveURL(target);
    const box = page.getByRole("region", { name: "Your error" });
    await expect(box.locator("pre")).toHaveText(line);
    await expect(box.locator("pre mark")).toHaveText(values);
    await expect(box.locator(".your-error-explanation")).toHaveText(explanation);
    // Nothing pasted went out: not the values, not the paths, not the host.
    expect(requests.length).toBeGreaterThan(5);
    for (const secret of [...values.filter((v) => v.length > 4), "billing", encodeURIComponent(line)]) {
      expect(
        requests.filter((request) => request.includes(secret)),
        secret,
      ).toEqual([]);
    }
    // Dismissed, it is gone, and stays gone on reload.
    await box.getByRole("button", { name: "Dismiss" }).click();
    await expect(box).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("region", { name: "Your error" })).toHaveCount(0);
  });
}

test("a page opened without a pasted error has no box and loads no code for one", async ({ page }) => {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });
  await page.goto(entryUrl("python", "key-error"));
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("region", { name: "Your error" })).toHaveCount(0);
  expect(scripts.length).toBeLessThanOrEqual(2);
});

test("copy link with my error and the ticket text round-trip, with paths, hosts and addresses left out", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(searchUrl());
  await page
    .getByRole("main")
    .getByRole("textbox", { name: "Message, traceback, errno or code" })
    .fill(
      "FileNotFoundError: [Errno 2] No such file or directory: '/home/ana/billing-internal/settings.toml'",
    );
  await page.locator("[data-search-results][data-ready] a").first().click();
  await expect(page).toHaveURL(entryUrl("python", "file-not-found-error"));
  const box = page.getByRole("region", { name: "Your error" });
  await expect(box.locator("pre mark")).toHaveText(["/home/ana/billing-internal/settings.toml"]);

  await box.getByRole("button", { name: "Copy link with my error" }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain("#your-error=");
  expect(link).not.toContain("billing");
  await box.getByRole("button", { name: "Copy for ticket with my error" }).click();
  const ticket = await page.evaluate(() => navigator.clipboard.readText());
  expect(ticket).toContain("No such file or directory: '<path>'");
  expect(ticket).toContain("Nothing exists at <path>");
  expect(ticket).toContain("/python/file-not-found-error/#fix");
  expect(ticket).not.toContain("billing");

  // The link reopens the page with the same box, in a fresh tab with nothing stored.
  const fresh = await context.newPage();
  const requests = recordRequests(fresh);
  await fresh.goto(link.replace(/^https?:\/\/[^/]+/, ""));
  const reopened = fresh.getByRole("region", { name: "Your error" });
  await expect(reopened.locator("pre")).toHaveText(
    "FileNotFoundError: [Errno 2] No such file or directory: '<path>'",
  );
  // The fragment stays in the browser: no request carries the message.
  for (const request of requests) {
    expect(request).not.toContain("No%20such%20file");
    expect(request).not.toContain("No such file");
  }

  // Unticked, the reader's own values are kept.
  await box.getByRole("checkbox", { name: "Leave out paths, host names and IP addresses" }).uncheck();
  await box.getByRole("button", { name: "Copy link with my error" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("billing-internal");
});

const ALIASES: [string, string][] = [
  ["/python/ConnectionRefusedError/#fix", `${entryUrl("python", "connection-refused-error")}#fix`],
  [
    "/python/connectionrefusederror/#anti-patterns",
    `${entryUrl("python", "connection-refused-error")}#anti-patterns`,
  ],
  ["/node/ECONNREFUSED/#reproduce", `${entryUrl("node", "econnrefused")}#reproduce`],
  ["/node/ERR_MODULE_NOT_FOUND/#fix", `${entryUrl("node", "err-module-not-found")}#fix`],
  ["/typescript/TS2322/#why-this-works", `${entryUrl("typescript", "ts2322")}#why-this-works`],
  ["/typescript/2322/#fix", `${entryUrl("typescript", "ts2322")}#fix`],
  ["/errno/ECONNREFUSED/#errors", `${errnoUrl("ECONNREFUSED")}#errors`],
  ["/errno/111/#numbers", `${errnoUrl("ECONNREFUSED")}#numbers`],
];

for (const [alias, landing] of ALIASES) {
  test(`the alias ${alias} lands on its section`, async ({ page }) => {
    await page.goto(alias);
    await expect(page).toHaveURL(landing);
    const id = landing.split("#")[1]!;
    await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
  });
}
