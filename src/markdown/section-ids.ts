import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Element, ElementContent, RootContent } from "hast";
import type { HastPluginEntry } from "satteri";
import { ERRORS_DIR } from "../lib/content-dir.ts";
import {
  FIX_WHY,
  fixWhyProblems,
  isFixWhyHeading,
  sectionForHeading,
  sectionProblems,
  type Block,
} from "../lib/sections.ts";

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

/** A paragraph's text, with inline code in backticks so it cannot end a sentence. */
function proseText(nodes: readonly ElementContent[]): string {
  return nodes
    .map((node) => {
      if (node.type === "text") return node.value;
      if (node.type !== "element") return "";
      if (node.tagName === "br") return " ";
      if (node.tagName === "code") return `\`${proseText(node.children)}\``;
      return proseText(node.children);
    })
    .join("");
}

const plainText = (nodes: readonly ElementContent[]) => proseText(nodes).replace(/`/g, "");

const OTHER: Record<string, string> = { ul: "a list", ol: "a list", table: "a table", blockquote: "a quote" };

/**
 * The document's top-level nodes as the section rules see them: headings
 * (an h2 is already wrapped in its div.section-heading), snippets (a
 * highlighted fence is a figure.snippet carrying its role), paragraphs and
 * anything else.
 */
function outline(children: readonly RootContent[]): Block[] {
  return children.flatMap((node): Block[] => {
    if (node.type === "raw") return [{ kind: "other", what: "HTML" }];
    if (node.type !== "element") return [];
    const heading =
      node.tagName === "div" && String(node.properties["className"] ?? "").includes("section-heading")
        ? node.children.find((child): child is Element => child.type === "element")
        : node;
    if (heading && /^h[1-6]$/.test(heading.tagName)) {
      return [{ kind: "heading", depth: Number(heading.tagName[1]), text: plainText(heading.children) }];
    }
    if (node.tagName === "figure" || node.tagName === "pre") {
      const role = node.properties["dataRole"] ?? node.properties["data-role"];
      return [{ kind: "snippet", role: typeof role === "string" ? role : undefined }];
    }
    if (node.tagName === "p") return [{ kind: "prose", text: proseText(node.children) }];
    return [{ kind: "other", what: OTHER[node.tagName] ?? `<${node.tagName}>` }];
  });
}

/**
 * A Sätteri hast plugin that gives each entry's `## h2` its fixed section id
 * (`## What not to do` → `id="anti-patterns"`), adds a link to itself and a
 * copy-link button beside it, gives the Fix section's `### Why this works`
 * its fixed id, and stops the build, naming the file, when a section is
 * missing, repeated, unknown or out of order, or the Fix section breaks the
 * "Why this works" rule (see sections.ts).
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
      after(root) {
        const problems = sectionProblems(headings);
        // The visitors' wrapping is applied by now: root.children is the final outline.
        problems.push(...fixWhyProblems(outline(root.children)));
        if (problems.length > 0) {
          throw new Error(`${fileURLToPath(fileURL)}: ${problems.join("; ")}`);
        }
      },
    };
  };
}
