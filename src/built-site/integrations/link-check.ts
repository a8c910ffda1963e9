import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { AstroError } from "astro/errors";
import { readBuiltSite } from "../built-pages.ts";
import { checkLinks, type DeadLink } from "../links.ts";
import { contentPath, displayPath } from "../../content-layer/content-dir.ts";
import { SITE_URL } from "../../lib/site.ts";
import { entryFromUrl } from "../../catalogue/urls.ts";

/** Names the entry file behind a page when there is one (`content/errors/python/key-error.mdx`). */
function sourceOf(page: string): string {
  const entry = entryFromUrl(page);
  const file = entry && contentPath("errors", entry.language, `${entry.slug}.mdx`);
  return file && existsSync(file) ? `${displayPath(file)} (page ${page})` : `page ${page}`;
}

function describe(dead: DeadLink): string {
  return `${sourceOf(dead.page)}: ${dead.where} "${dead.href}": ${dead.reason}`;
}

/**
 * Checks every internal link and `#anchor` of the freshly built site at the
 * end of `astro build`, and fails the build naming the entry file a dead
 * link is on. (`npm run check:links` runs the same check on `dist/`.)
 */
export function linkCheck(): AstroIntegration {
  return {
    name: "errdex:link-check",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        const report = checkLinks(readBuiltSite(fileURLToPath(dir)), SITE_URL);
        if (report.dead.length > 0) {
          throw new AstroError(
            `${report.dead.length} dead link(s):\n  ${report.dead.map(describe).join("\n  ")}`,
            'Link entries by their URL (/python/key-error/) and sections by their fixed ids (#fix, #why-this-works); <Xref id="python/key-error" /> checks the id for you.',
          );
        }
        logger.info(
          `${report.internal} internal links (${report.anchors} with #anchors) on ${report.pages} pages all resolve`,
        );
      },
    },
  };
}
