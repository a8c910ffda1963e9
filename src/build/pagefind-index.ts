import { readFileSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { readBuiltSite } from "../built-site/built-pages.ts";

/**
 * Builds the Pagefind index of a built site into `<site>/pagefind/`, through
 * Pagefind's Node API. Pages opt in with `data-pagefind-body`, and only
 * those are handed to Pagefind: 465 of 8,400 pages, where reading the whole
 * folder (catalogue pages, aliases) took it 3.7 s instead of about one.
 * Returns how many pages it indexed.
 *
 * `npm run build` runs this after `astro build` has exited rather than as an
 * Astro integration: Pagefind's own process then does not add its memory to
 * Astro's. At 10,000 entries the two together peaked at 3.7 GB; one after
 * the other, the build stays near Astro's own peak.
 */
export async function indexSite(site: string): Promise<number> {
  // Listed before the first await: the alias pages written meanwhile
  // (cli.ts) are never indexed.
  const pages = readBuiltSite(site).pages;
  const { index, errors } = await pagefind.createIndex({
    forceLanguage: "en",
    // Keep the characters that make up codes and errno names whole.
    includeCharacters: "_",
  });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    const marked = pages
      .map(({ file, url }) => ({ url, content: readFileSync(file, "utf8") }))
      .filter(({ content }) => content.includes("data-pagefind-body"));
    // All at once: Pagefind takes them in its own process.
    for (const [i, added] of (await Promise.all(marked.map((page) => index.addHTMLFile(page)))).entries()) {
      if (added.errors.length > 0) throw new Error(`Pagefind, ${marked[i]!.url}: ${added.errors.join("; ")}`);
    }
    const written = await index.writeFiles({ outputPath: path.join(site, "pagefind") });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join("; ")}`);
    return marked.length;
  } finally {
    await pagefind.close();
  }
}
