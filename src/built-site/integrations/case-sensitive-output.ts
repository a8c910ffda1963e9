import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import type { AstroIntegration } from "astro";

/**
 * Stops the build when the output folder is on a case-insensitive file
 * system (macOS's default APFS, Windows). Alias pages such as
 * `/errno/ECONNREFUSED/` differ from their own page `/errno/econnrefused/`
 * only in case: there they would land in the same folder and overwrite the
 * page with a redirect to itself. Static hosts and Linux keep them apart.
 */
export function caseSensitiveOutput(): AstroIntegration {
  let outDir: URL | undefined;
  return {
    name: "errdex:case-sensitive-output",
    hooks: {
      "astro:config:done": ({ config }) => {
        outDir = config.outDir;
      },
      "astro:build:start": () => {
        if (!outDir) return;
        mkdirSync(outDir, { recursive: true });
        const upper = new URL(".errdex-case-probe-A", outDir);
        const lower = new URL(".errdex-case-probe-a", outDir);
        writeFileSync(upper, "");
        const insensitive = existsSync(lower);
        rmSync(upper, { force: true });
        if (insensitive) {
          throw new Error(
            `errdex: ${outDir.pathname} is on a case-insensitive file system, where alias pages such as ` +
              "/errno/ECONNREFUSED/ would overwrite the pages they lead to. Build on a case-sensitive " +
              "file system (Linux, CI, a case-sensitive APFS volume or a container).",
          );
        }
      },
    },
  };
}
