import { fileURLToPath } from "node:url";
import path from "node:path";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";

/**
 * Builds the Pagefind index into `dist/pagefind/` at the end of
 * `astro build`, through Pagefind's Node API, so `npm run build` leaves a
 * searchable site. Pages opt in with `data-pagefind-body`.
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: "errdex:pagefind-index",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({
          forceLanguage: "en",
          // Keep the characters that make up codes and errno names whole.
          includeCharacters: "_",
        });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
        try {
          const added = await index.addDirectory({ path: site });
          if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join("; ")}`);
          const written = await index.writeFiles({ outputPath: path.join(site, "pagefind") });
          if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join("; ")}`);
          logger.info(`indexed ${added.page_count} pages`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
