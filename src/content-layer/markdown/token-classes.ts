import type { ShikiTransformer } from "shiki";
import type { Element } from "hast";

/**
 * Shiki's `css-variables` theme colours each token with
 * `style="color:var(--astro-code-token-keyword)"`. This transformer turns
 * those into classes (`tk-keyword`) whose light and dark colours live in
 * site.css, drops the styles Shiki and Astro put on `<pre>`, and leaves
 * plain-foreground tokens unstyled.
 *
 * Why: one theme tokenises a snippet once, where the two-theme setup cost
 * 3.7 times as much per snippet (the largest part of a 1,000-entry build);
 * class names make the HTML a fraction of the size; and with no style
 * attributes left the Content-Security-Policy needs no `'unsafe-inline'`
 * for styles. A style this does not know stops the build rather than
 * reaching a page that the policy would leave uncoloured.
 */
export function tokenClassesTransformer(): ShikiTransformer {
  return {
    name: "errdex:token-classes",
    // Shiki gives up on a line after 500 ms and colours the rest of the
    // snippet from a broken state; on a loaded machine that happened, and a
    // page's colours changed from one build to the next (the render-paths
    // test caught it). The snippets are our own entries, so no time limit.
    preprocess(_code, options) {
      options.tokenizeTimeLimit = 0;
    },
    pre(pre) {
      delete pre.properties["style"];
    },
    span(span) {
      const style = span.properties["style"];
      if (typeof style !== "string") return;
      delete span.properties["style"];
      const classes: string[] = [];
      for (const declaration of style.split(";")) {
        const value = declaration.trim();
        if (value === "" || value === "color:var(--astro-code-foreground)") continue;
        const token = /^color:var\(--astro-code-token-([a-z-]+)\)$/.exec(value)?.[1];
        if (token) classes.push(`tk-${token}`);
        else if (value === "font-style:italic") classes.push("tk-italic");
        else if (value === "font-weight:bold") classes.push("tk-bold");
        else throw new Error(`token-classes: no class for the token style "${value}"`);
      }
      if (classes.length > 0) addClasses(span, classes);
    },
  };
}

function addClasses(element: Element, classes: string[]): void {
  const existing = element.properties["className"];
  element.properties["className"] = [...(Array.isArray(existing) ? existing.map(String) : []), ...classes];
}
