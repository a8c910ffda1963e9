import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { pageMeta, readBuiltSite } from "../built-pages.ts";

const HEADER_LINE = /^([ \t]+Content-Security-Policy:).*$/m;

/**
 * Puts the site's whole Content-Security-Policy into the built `_headers`
 * file. Astro writes the policy into every page's `<meta>`, with the hashes
 * of every inline script the site has, so it is the same on every page and
 * a header can carry it; the header adds `frame-ancestors`, which a `<meta>`
 * cannot set. The policy in `public/_headers` is the fallback the build
 * replaces. A page whose policy differs stops the build: a header with
 * another page's hashes would block that page's scripts.
 */
export function cspHeader(): AstroIntegration {
  return {
    name: "errdex:csp-header",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const policies = new Map<string, string>();
        for (const { file } of readBuiltSite(root).pages) {
          const policy = pageMeta(readFileSync(file, "utf8")).csp;
          if (policy && !policies.has(policy)) policies.set(policy, path.relative(root, file));
        }
        if (policies.size !== 1) {
          throw new Error(
            `_headers: pages carry ${policies.size} different Content-Security-Policies (${[...policies.values()].join(", ")}); a site-wide header needs one`,
          );
        }
        const [policy] = policies.keys();
        const headersFile = path.join(root, "_headers");
        const headers = readFileSync(headersFile, "utf8");
        if (!HEADER_LINE.test(headers))
          throw new Error(`${headersFile}: no Content-Security-Policy line to fill in`);
        const directives = policy!
          .split(";")
          .map((part) => part.trim())
          .filter(Boolean);
        writeFileSync(
          headersFile,
          headers.replace(HEADER_LINE, `$1 ${[...directives, "frame-ancestors 'none'"].join("; ")}`),
        );
        logger.info(
          `Content-Security-Policy header: ${directives.length + 1} directives, as every page's <meta>`,
        );
      },
    },
  };
}
