// @ts-check
import { defineConfig } from "astro/config";
import path from "node:path";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { satteri } from "@astrojs/markdown-satteri";
import { sectionIdsPlugin } from "./src/content-layer/markdown/section-ids.ts";
import { snippetFigureTransformer } from "./src/content-layer/markdown/snippet-figure.ts";
import { tokenClassesTransformer } from "./src/content-layer/markdown/token-classes.ts";
import { SITE_URL } from "./src/lib/site.ts";
import { CACHE_DIR } from "./src/content-layer/cache-dir.ts";
import { noindexPages } from "./src/built-site/integrations/noindex-pages.ts";
import { caseSensitiveOutput } from "./src/built-site/integrations/case-sensitive-output.ts";

// Catalogue pages and the 404 page carry `noindex` (alias redirect pages are
// written after Astro, src/build/alias-pages.ts); the sitemap lists
// every other page.
const noindex = noindexPages();
import { linkCheck } from "./src/built-site/integrations/link-check.ts";
import { cspHeader } from "./src/built-site/integrations/csp-header.ts";

export default defineConfig({
  site: SITE_URL,
  output: "static",
  trailingSlash: "always",
  build: { format: "directory" },
  // The bad-entry tests build fixture content sets; each gets its own cache,
  // so no fixture's content lands in the site's cached build or the reverse.
  cacheDir: CACHE_DIR,
  // Links are checked before the site is indexed: a dead one stops the build.
  integrations: [
    // Entries are MDX: @astrojs/mdx compiles those that use components
    // (src/content-layer/loader.ts), with the Markdown settings below.
    mdx(),
    caseSensitiveOutput(),
    noindex.integration,
    sitemap({ filter: (url) => url.endsWith("/") && noindex.isIndexable(url) }),
    linkCheck(),
    cspHeader(),
  ],
  markdown: {
    processor: satteri({ hastPlugins: [sectionIdsPlugin()] }),
    shikiConfig: {
      // One theme whose colours are CSS variables, turned into classes that
      // site.css colours for light and dark through light-dark(): one
      // tokenising pass per snippet, no flash, no script, no inline styles.
      theme: "css-variables",
      transformers: [tokenClassesTransformer(), snippetFigureTransformer()],
    },
  },
  // Hashes for Astro's own scripts and styles go into a CSP <meta> on every
  // page; nothing inline runs without one.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // Pagefind compiles its WebAssembly search on the search page.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      // Code is coloured by classes (src/content-layer/markdown/token-classes.ts), so no
      // style attribute or unhashed <style> is allowed either. Astro hashes
      // an empty inline style into the policy of every page that links a
      // stylesheet, and not of the alias pages, which link none; listing
      // that hash (of "", so it allows nothing) keeps one policy site-wide,
      // which the `_headers` file needs.
      styleDirective: {
        resources: ["'self'"],
        hashes: ["sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="],
      },
    },
  },
  // Entries may import their components by this name (src/entry/components.ts).
  vite: {
    build: {
      rolldownOptions: {
        // Astro marks every compiled MDX module with "use astro:head-inject";
        // the bundler warns once per entry that it keeps the directive as is,
        // which is what Astro wants. Any other warning still shows.
        onwarn(warning, warn) {
          if (warning.code === "MODULE_LEVEL_DIRECTIVE" && warning.message.includes("astro:head-inject"))
            return;
          warn(warning);
        },
      },
    },
    resolve: {
      alias: {
        "errdex/components": path.resolve("src/components/entry/index.ts"),
      },
    },
  },
  devToolbar: { enabled: false },
});
