/**
 * Reveals and wires the copy buttons the build puts on a page. They are
 * hidden in the HTML, so readers without JavaScript never see a button that
 * does nothing:
 * - `data-copy` on a snippet's caption copies its code;
 * - `data-copy-link="fix"` beside a section heading copies the section's
 *   absolute URL, built on the page's canonical link (the public address,
 *   wherever the page is being read);
 * - `data-copy-ticket` copies the Markdown the build wrote into it.
 */
import { hasErrorFor } from "../search/browser/your-error-handoff.ts";

function wire(button: HTMLButtonElement, text: () => string): void {
  const label = button.textContent;
  button.hidden = false;
  button.addEventListener("click", () => {
    navigator.clipboard.writeText(text()).then(
      () => (button.textContent = "Copied"),
      () => (button.textContent = "Copy failed"),
    );
    setTimeout(() => (button.textContent = label), 2000);
  });
}

const buttons = (attribute: string) => document.querySelectorAll<HTMLButtonElement>(`button[${attribute}]`);
const page = document.querySelector<HTMLLinkElement>("link[rel=canonical]")?.href ?? location.href;

for (const button of buttons("data-copy")) {
  const code = button.closest("figure")?.querySelector("pre code");
  if (!code) continue;
  button.setAttribute("aria-label", "Copy code to clipboard");
  wire(button, () => code.textContent ?? "");
}
for (const button of buttons("data-copy-link")) {
  wire(button, () => new URL(`#${button.dataset["copyLink"]}`, page).href);
}
for (const button of buttons("data-copy-ticket")) {
  wire(button, () => button.dataset["copyTicket"] ?? "");
}

// "Your error": loaded only when this page was opened from a search of a
// pasted error, or by a link that carries one (your-error-box.ts).
if (document.querySelector("script[data-your-error]") && hasErrorFor(location.pathname)) {
  void import("../search/browser/your-error-box.ts");
}
