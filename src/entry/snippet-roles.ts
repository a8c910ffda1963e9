/**
 * Roles a code fence can carry in its meta (```` ```python repro ````), as
 * in Rust's error index. The verifier reads them to decide what a snippet
 * must do; the page reads them to label the snippet for the reader.
 */
export const SNIPPET_ROLES = {
  repro: { label: "Reproduce", note: "This fails with the error" },
  fix: { label: "Fix", note: "Runs cleanly" },
  bad: { label: "Don't", note: "An anti-pattern" },
} as const;

export type SnippetRole = keyof typeof SNIPPET_ROLES;

/** The role named in a fence's meta string, or undefined when it has none. */
export function snippetRoleFromMeta(meta: string | undefined): SnippetRole | undefined {
  const words = (meta ?? "").split(/\s+/);
  return (Object.keys(SNIPPET_ROLES) as SnippetRole[]).find((role) => words.includes(role));
}

/**
 * The `key=value` words of a fence's meta: `throws=TypeError` on a bad
 * snippet, `file=tsconfig.json` naming the file a fence holds.
 */
export function fenceAttributes(meta: string | undefined): Record<string, string> {
  return Object.fromEntries(
    (meta ?? "")
      .split(/\s+/)
      .filter((word) => word.includes("="))
      .map((word) => [word.slice(0, word.indexOf("=")), word.slice(word.indexOf("=") + 1)]),
  );
}
