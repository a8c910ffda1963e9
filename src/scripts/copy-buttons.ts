/**
 * Reveals and wires the copy buttons that the build puts on every code
 * block (hidden by default, so readers without JavaScript never see a
 * button that does nothing).
 */
for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-copy]")) {
  const code = button.closest("figure")?.querySelector("pre code");
  if (!code) continue;
  button.hidden = false;
  button.setAttribute("aria-label", "Copy code to clipboard");
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(code.textContent ?? "");
      button.textContent = "Copied";
    } catch {
      button.textContent = "Copy failed";
    }
    setTimeout(() => (button.textContent = "Copy"), 2000);
  });
}
