/**
 * Message templates are messages exactly as a runtime prints them, with
 * `{placeholders}` where the user's own values go:
 * `No module named '{module}'`. The verifier matches real output against
 * them, and search will match pasted messages the same way.
 */

const PLACEHOLDER = /\{[A-Za-z_][\w-]*\}/g;

/** Compiles a template to an anchored RegExp; a placeholder matches any run of characters. */
export function templateToRegExp(template: string): RegExp {
  const parts = template.split(PLACEHOLDER).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join("(.+?)")}$`, "s");
}

/** The first template that `message` matches, or undefined. */
export function matchingTemplate(message: string, templates: readonly string[]): string | undefined {
  return templates.find((template) => templateToRegExp(template).test(message));
}
