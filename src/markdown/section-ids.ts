import path from "node:path";
import { fileURLToPath } from "node:url";
import type { HastPluginEntry } from "satteri";
import { ERRORS_DIR } from "../lib/content-dir.ts";
import { sectionForHeading, sectionProblems } from "../lib/sections.ts";

/** Only entries are held to the six-section shape; other MDX is left alone. */
function isErrorEntry(fileURL: URL | undefined): fileURL is URL {
  if (fileURL === undefined || fileURL.protocol !== "file:") return false;
  const relative = path.relative(ERRORS_DIR, fileURLToPath(fileURL));
  return /^[^/]+\/[^/]+\.mdx$/.test(relative.split(path.sep).join("/"));
}

/**
 * A Sätteri hast plugin that gives each entry's `## h2` its fixed section id
 * (`## What not to do` → `id="anti-patterns"`) and stops the build, naming
 * the file, when a section is missing, repeated, unknown or out of order.
 */
export function sectionIdsPlugin(): HastPluginEntry {
  return ({ fileURL }) => {
    if (!isErrorEntry(fileURL)) return null;
    const headings: string[] = [];
    return {
      name: "errdex:section-ids",
      element: {
        filter: ["h2"],
        visit(node, ctx) {
          const text = ctx.textContent(node);
          headings.push(text);
          const section = sectionForHeading(text);
          if (section) ctx.setProperty(node, "id", section.id);
        },
      },
      after() {
        const problems = sectionProblems(headings);
        if (problems.length > 0) {
          throw new Error(`${fileURLToPath(fileURL)}: ${problems.join("; ")}`);
        }
      },
    };
  };
}
