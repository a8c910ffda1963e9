import { expect, type Page } from "@playwright/test";
import {
  entryUrl,
  ERRNO_INDEX_URL,
  errnoUrl,
  languageIndexUrl,
  searchUrl,
} from "../../src/catalogue/urls.ts";

/** One page of each kind the site has, and how to tell it has finished drawing. */
export interface PageKind {
  name: string;
  url: string;
  /** Waits until the page shows what it is for (search results arrive after load). */
  ready(page: Page): Promise<void>;
}

const loaded = async (page: Page) => {
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
};

const searched = async (page: Page) => {
  await expect(page.locator("[data-search-results]")).toHaveAttribute("data-ready", "");
};

export const PAGE_KINDS: PageKind[] = [
  { name: "home", url: "/", ready: loaded },
  { name: "language index", url: languageIndexUrl("python"), ready: loaded },
  { name: "entry", url: entryUrl("python", "connection-refused-error"), ready: loaded },
  { name: "catalogue", url: entryUrl("typescript", "ts1002"), ready: loaded },
  { name: "errno", url: errnoUrl("ECONNREFUSED"), ready: loaded },
  { name: "errno index", url: ERRNO_INDEX_URL, ready: loaded },
  { name: "search with results", url: searchUrl("ECONNREFUSED"), ready: searched },
  { name: "search with none", url: searchUrl("zzqqxxnotanerror"), ready: searched },
  { name: "404", url: "/no-such-page/", ready: loaded },
];
