import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Element } from "hast";
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
 * What follows a section heading: a visible link to the section itself and a
 * button that copies the section's absolute URL (hidden until the page's
 * script wires it, like the snippet copy buttons). Neither is indexed.
 */
function headingTools(id: string, heading: string): Element {
  return {
    type: "element",
    tagName: "div",
    properties: { className: ["section-heading"] },
    children: [
      {
        type: "element",
        tagName: "a",
        properties: { className: ["section-link"], href: `#${id}`, dataPagefindIgnore: "" },
        children: [
          { type: "element", tagName: "span", properties: { ariaHidden: "true" }, children: [text("#")] },
          {
            type: "element",
            tagName: "span",
            properties: { className: ["visually-hidden"] },
            children: [text(`Link to section: ${heading}`)],
          },
        ],
      },
      {
        type: "element",
        tagName: "button",
        properties: {
          type: "button",
          className: ["copy-link"],
          hidden: true,
          dataCopyLink: id,
          dataPagefindIgnore: "",
          ariaLabel: `Copy link to section: ${heading}`,
        },
        children: [text("Copy link")],
      },
    ],
  };
}

function text(value: string) {
  return { type: "text" as const, value };
}

/**
 * A Sätteri hast plugin that gives each entry's `## h2` its fixed section id
 * (`## What not to do` → `id="anti-patterns"`), adds a link to itself and a
 * copy-link button beside it, and stops the build, naming the file, when a
 * section is missing, repeated, unknown or out of order.
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
          if (!section) return;
          ctx.setProperty(node, "id", section.id);
          // div.section-heading > [h2, a, button]
          ctx.wrapNode(node, headingTools(section.id, section.heading));
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
