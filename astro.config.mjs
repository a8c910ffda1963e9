// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { satteri } from "@astrojs/markdown-satteri";
import { sectionIdsPlugin } from "./src/markdown/section-ids.ts";
import { snippetFigureTransformer } from "./src/markdown/snippet-figure.ts";
import { SITE_URL } from "./src/lib/site.ts";
import { pagefindIndex } from "./src/integrations/pagefind-index.ts";
import { noindexPages } from "./src/integrations/noindex-pages.ts";
import { caseSensitiveOutput } from "./src/integrations/case-sensitive-output.ts";

// Alias redirect pages and the 404 page carry `noindex`; the sitemap lists
// every other page.
const noindex = noindexPages();
import { linkCheck } from "./src/integrations/link-check.ts";
import { cspHeader } from "./src/integrations/csp-header.ts";

export default defineConfig({
  site: SITE_URL,
  output: "static",
  trailingSlash: "always",
  build: { format: "directory" },
  // The bad-entry tests build fixture content sets; each gets its own cache,
  // so no fixture's content lands in the site's cached build or the reverse.
  cacheDir: process.env["ERRDEX_CACHE_DIR"] ?? "./node_modules/.astro",
  // Links are checked before the site is indexed: a dead one stops the build.
  integrations: [
    mdx(),
    caseSensitiveOutput(),
    noindex.integration,
    sitemap({ filter: (url) => url.endsWith("/") && noindex.isIndexable(url) }),
    linkCheck(),
    cspHeader(),
    pagefindIndex(),
  ],
  markdown: {
    processor: satteri({ hastPlugins: [sectionIdsPlugin()] }),
    shikiConfig: {
      themes: { light: "github-light-default", dark: "github-dark-default" },
      // Colours follow the reader's system setting through CSS light-dark(),
      // so there is no flash and no script.
      defaultColor: "light-dark()",
      transformers: [snippetFigureTransformer()],
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
      // Shiki colours tokens with style attributes; styles may be inline,
      // scripts may not.
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
    },
  },
  devToolbar: { enabled: false },
  vite: {
    build: {
      rollupOptions: {
        onwarn(warning, warn) {
          // Astro's own MDX modules carry a "use astro:head-inject"
          // directive that the bundler warns about once per entry; it is
          // harmless and would bury real warnings.
          if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
          warn(warning);
        },
      },
    },
  },
});
