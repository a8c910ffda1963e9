/**
 * The search box on every page: `/` focuses it (unless the reader is
 * already typing somewhere), the first keystroke loads the results-as-you-
 * type code (search-suggest.ts), and a multi-line paste (a traceback, a
 * stack trace) goes straight to the search page whole, because a one-line
 * input would drop its line breaks (so does a very long one, which the
 * search page shows shortened). A paste never goes into a URL
 * (paste-handoff.ts).
 */

/** Opens the search page for `query` (paste-handoff.ts, loaded only when needed: every page runs this file). */
function openSearch(query: string): void {
  void import("./paste-handoff.ts").then((handoff) => handoff.openSearch(query));
}

document.addEventListener("keydown", (event) => {
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target as HTMLElement | null;
  if (target?.closest("input, textarea, select, [contenteditable='true']")) return;
  const box =
    document.querySelector<HTMLInputElement | HTMLTextAreaElement>("main [name=q]") ??
    document.querySelector<HTMLInputElement>("#site-search");
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});

for (const box of document.querySelectorAll<HTMLInputElement>("input[type=search][name=q]")) {
  box.addEventListener(
    "input",
    () => void import("./search-suggest.ts").then(({ attachSuggestions }) => attachSuggestions(box)),
    { once: true },
  );
  box.addEventListener("paste", (event) => {
    const text = event.clipboardData?.getData("text") ?? "";
    if (!text.includes("\n") && text.length <= 2_000) return;
    event.preventDefault();
    openSearch(text);
  });
  box.form?.addEventListener("submit", (event) => {
    event.preventDefault();
    openSearch(box.value);
  });
}
