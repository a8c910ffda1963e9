/**
 * The search page. Reads `?q=`, shows its results (exact answers first, then
 * full text: see search-client.ts), and searches again as the reader
 * types (debounced), keeping a short query in the URL so a search is
 * linkable; a long paste stays out of the URL (see `isLinkableQuery`).
 * Everything the user typed is written with textContent, never as HTML.
 */
import { isLinkableQuery } from "../../catalogue/urls.ts";
import { shownText, SHOWN_LIMIT } from "./long-paste.ts";
import { takeHandedOffPaste } from "./paste-handoff.ts";
import { findResults, resultItem, SEARCH_DEBOUNCE_MS } from "./search-client.ts";

// Like Pagefind's own UI, results come a page at a time: each full-text
// result is a download of its own, and a first search stays small.
const PAGE_SIZE = 10;

let latest = 0;
let current = "";
let limit = PAGE_SIZE;

/** Searches `query` afresh, or with `more`, adds the next page of results to the current search. */
async function search(query: string, more = false): Promise<void> {
  const results = document.querySelector<HTMLOListElement>("[data-search-results]");
  const status = document.querySelector<HTMLElement>("[data-search-status]");
  const empty = document.querySelector<HTMLElement>("[data-search-empty]");
  const moreButton = document.querySelector<HTMLButtonElement>("[data-search-more]");
  if (!results || !status || !empty || !moreButton) return;
  const run = ++latest;
  delete results.dataset["ready"];
  moreButton.hidden = true;

  const trimmed = more ? current : query.trim();
  current = trimmed;
  limit = more ? limit + PAGE_SIZE : PAGE_SIZE;
  if (!trimmed) {
    results.replaceChildren();
    empty.hidden = true;
    status.textContent = "Type a message, an errno name or number, or an error code.";
    results.dataset["ready"] = "";
    return;
  }
  if (!more) status.textContent = "Searching…";
  // Exact answers are shown the moment they are known; full-text results
  // are added under them, and what is already on screen does not move.
  let shown = more ? results.children.length : 0;
  const all = await findResults(
    trimmed,
    limit,
    more
      ? undefined
      : (exact) => {
          if (run !== latest) return;
          results.replaceChildren(...exact.map((result) => resultItem(result, trimmed)));
          shown = exact.length;
        },
  );
  if (run !== latest) return; // a newer search has started
  if (shown === 0) results.replaceChildren(...all.map((result) => resultItem(result, trimmed)));
  else results.append(...all.slice(shown).map((result) => resultItem(result, trimmed)));
  // After "More results", focus goes to the first new result, not back to the top.
  if (more) results.children[shown]?.querySelector("a")?.focus();
  empty.hidden = all.length > 0;
  moreButton.hidden = all.length < limit;
  const quoted = trimmed.length > 120 ? `${trimmed.slice(0, 120)}…` : trimmed;
  status.textContent =
    all.length === 0
      ? `No results for “${quoted}”.`
      : moreButton.hidden
        ? `${all.length} result${all.length === 1 ? "" : "s"} for “${quoted}”.`
        : `The first ${all.length} results for “${quoted}”.`;
  results.dataset["ready"] = "";
}

function moveFocus(from: Element | null, step: 1 | -1, box: HTMLTextAreaElement): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>("[data-search-results] a")];
  const index = from instanceof HTMLAnchorElement ? links.indexOf(from) : -1;
  const next = index + step;
  if (next < 0) box.focus();
  else links[Math.min(next, links.length - 1)]?.focus();
}

/** The textarea grows with a pasted traceback, up to 8 rows (counted without splitting a huge paste). */
function fitToContent(box: HTMLTextAreaElement): void {
  let rows = 1;
  for (let at = box.value.indexOf("\n"); at !== -1 && rows < 8; at = box.value.indexOf("\n", at + 1)) rows++;
  box.rows = rows;
}

/** A long paste the box shows shortened (long-paste.ts): what it shows, and the whole paste. */
let longPaste: { shown: string; whole: string } | undefined;

/** Puts `text` in the box, shortened when it is too long to lay out quickly. */
function fill(box: HTMLTextAreaElement, text: string): void {
  const shown = shownText(text);
  longPaste = shown === text ? undefined : { shown, whole: text };
  box.value = shown;
}

/** What to search for: the whole paste while the box still shows it shortened, else what the box holds. */
function queryOf(box: HTMLTextAreaElement): string {
  return longPaste && box.value === longPaste.shown ? longPaste.whole : box.value;
}

/** Keeps a short query in the address bar, so the search can be linked; never a long paste. */
function keepInUrl(query: string): void {
  const url = new URL(location.href);
  if (query && isLinkableQuery(query)) url.searchParams.set("q", query);
  else url.searchParams.delete("q");
  history.replaceState(null, "", url);
}

function start(): void {
  const box = document.querySelector<HTMLTextAreaElement>("#search-page-query");
  const query = new URLSearchParams(location.search).get("q") ?? takeHandedOffPaste() ?? "";
  // The page is static, so the box learns the query from the URL here.
  if (box) fill(box, query);
  void search(query);
  if (!box) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  fitToContent(box);
  const searchNow = () => {
    clearTimeout(timer);
    keepInUrl(queryOf(box));
    void search(queryOf(box));
  };
  // A paste is a whole query, not a word typed at speed: it is searched
  // without the keystroke debounce (30 ms sooner).
  let pasted = false;
  // A paste too long to lay out quickly is put in the box shortened, and searched whole.
  box.addEventListener("paste", (event) => {
    const text = event.clipboardData?.getData("text") ?? "";
    if (text.length <= SHOWN_LIMIT) {
      // The browser puts it in the box next, and says so with an input event.
      pasted = true;
      return;
    }
    event.preventDefault();
    const current = queryOf(box);
    const before = longPaste ? "" : current.slice(0, box.selectionStart);
    const after = longPaste ? "" : current.slice(box.selectionEnd);
    fill(box, before + text + after);
    fitToContent(box);
    searchNow();
  });
  // Enter searches here and now: submitting the form would put the paste in a URL.
  box.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      searchNow();
    }
  });
  box.form?.addEventListener("submit", (event) => {
    event.preventDefault();
    searchNow();
  });

  box.addEventListener("input", () => {
    fitToContent(box);
    // Results on screen no longer answer what is in the box.
    const results = document.querySelector<HTMLElement>("[data-search-results]");
    if (results) delete results.dataset["ready"];
    if (pasted) {
      pasted = false;
      searchNow();
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(searchNow, SEARCH_DEBOUNCE_MS);
  });
  document.querySelector("[data-search-more]")?.addEventListener("click", () => void search(current, true));
  document.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const active = document.activeElement;
    if (active !== box && !active?.closest("[data-search-results]")) return;
    event.preventDefault();
    moveFocus(active === box ? null : active, event.key === "ArrowDown" ? 1 : -1, box);
  });
}

try {
  start();
} catch (error) {
  const status = document.querySelector<HTMLElement>("[data-search-status]");
  if (status) status.textContent = "Search is unavailable right now.";
  console.error(error);
}
