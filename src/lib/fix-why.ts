import { mdxToMdast } from "satteri";
import { fixWhyText, type Block } from "./sections.ts";
import { snippetRoleFromMeta } from "./snippet-roles.ts";

/** The few mdast fields the outline reads. */
interface MdastNode {
  type: string;
  depth?: number;
  value?: string;
  meta?: string | null;
  children?: MdastNode[];
}

/** Inline text, code spans in backticks (as the section rules expect). */
function inlineText(nodes: readonly MdastNode[] = []): string {
  return nodes
    .map((node) => {
      if (node.type === "inlineCode") return `\`${node.value ?? ""}\``;
      if (node.type === "break") return " ";
      if (node.type === "text") return node.value ?? "";
      return inlineText(node.children);
    })
    .join("");
}

/** An entry body's top-level blocks, as sections.ts describes them. */
export function markdownOutline(body: string): Block[] {
  const tree = mdxToMdast(body, {}) as MdastNode;
  return (tree.children ?? []).flatMap((node): Block[] => {
    if (node.type === "heading")
      return [{ kind: "heading", depth: node.depth ?? 1, text: inlineText(node.children) }];
    if (node.type === "code") return [{ kind: "snippet", role: snippetRoleFromMeta(node.meta ?? undefined) }];
    if (node.type === "paragraph") return [{ kind: "prose", text: inlineText(node.children) }];
    return [{ kind: "other", what: node.type }];
  });
}

/**
 * The entry's "Why this works" as plain text on one line, for the JSON
 * API's `fixWhy`. The build has already held the body to the rule (see
 * src/markdown/section-ids.ts), so every built entry has one.
 */
export function fixWhyFromBody(body: string): string | undefined {
  return fixWhyText(markdownOutline(body));
}
