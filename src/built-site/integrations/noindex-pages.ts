import { existsSync, readFileSync } from "node:fs";
import type { AstroIntegration } from "astro";
import { pageMeta } from "../built-pages.ts";

/**
 * Finds the built pages that ask search engines not to index them
 * (catalogue pages, the 404 page), so the sitemap can leave them out: a page's
 * own robots tag decides, and nothing needs a second list. Its
 * `astro:build:done` must run before the sitemap's, so list it first.
 */
export function noindexPages(): { integration: AstroIntegration; isIndexable(url: string): boolean } {
  const noindex = new Set<string>();
  return {
    integration: {
      name: "errdex:noindex-pages",
      hooks: {
        "astro:build:done": ({ dir, pages }) => {
          for (const { pathname } of pages) {
            const file = new URL(`${pathname}index.html`, dir);
            if (existsSync(file) && pageMeta(readFileSync(file, "utf8")).robots?.includes("noindex"))
              noindex.add(`/${pathname}`);
          }
        },
      },
    },
    isIndexable: (url) => !noindex.has(new URL(url).pathname),
  };
}
