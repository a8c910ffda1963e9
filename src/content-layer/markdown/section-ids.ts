import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Element } from "hast";
import type { HastPluginEntry } from "satteri";
import { ERRORS_DIR } from "../content-dir.ts";
import { FIX_WHY, isFixWhyHeading, sectionForHeading } from "../../entry/sections.ts";

/** Only entries get section ids; other MDX is left alone. */
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
 * copy-link button beside it, and gives the Fix section's `### Why this
 * works` its fixed id. The entry reader (src/entry/reader.ts) has already held the
 * entry to the section rules, before it reached either render path.
 */
export function sectionIdsPlugin(): HastPluginEntry {
  return ({ fileURL }) => {
    if (!isErrorEntry(fileURL)) return null;
    const headings: string[] = [];
    let fixWhyId = false;
    return {
      name: "errdex:section-ids",
      element: {
        filter: ["h2", "h3"],
        visit(node, ctx) {
          const text = ctx.textContent(node);
          if (node.tagName === "h3") {
            // Only the first one, in the Fix section: the rule reports any other.
            const inFix = sectionForHeading(headings.at(-1) ?? "")?.id === "fix";
            if (inFix && !fixWhyId && isFixWhyHeading(text)) {
              ctx.setProperty(node, "id", FIX_WHY.id);
              fixWhyId = true;
            }
            return;
          }
          headings.push(text);
          const section = sectionForHeading(text);
          if (!section) return;
          ctx.setProperty(node, "id", section.id);
          // div.section-heading > [h2, a, button]
          ctx.wrapNode(node, headingTools(section.id, section.heading));
        },
      },
    };
  };
}
