import { existsSync, readFileSync } from "node:fs";
import type { AstroIntegration } from "astro";

const NOINDEX = /<meta name="robots" content="noindex"/;

/**
 * Finds the built pages that ask search engines not to index them (alias
 * redirect pages, the 404 page), so the sitemap can leave them out: a page's
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
            if (existsSync(file) && NOINDEX.test(readFileSync(file, "utf8"))) noindex.add(`/${pathname}`);
          }
        },
      },
    },
    isIndexable: (url) => !noindex.has(new URL(url).pathname),
  };
}
