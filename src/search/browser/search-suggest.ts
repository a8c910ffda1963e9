/**
 * Results under the header's search box as the reader types (debounced):
 * the first few answers, each with its language and summary, and a link to
 * the search page for all of them. Arrow keys move from the box through the
 * results, Escape closes them. Loaded by search-box.ts on the first
 * keystroke, so a page that is only read never downloads search code.
 */
import { isLinkableQuery, searchUrl } from "../../catalogue/urls.ts";
import { openSearch } from "./paste-handoff.ts";
import { findResults, resultItem, SEARCH_DEBOUNCE_MS } from "./search-client.ts";

const SHOWN = 6;

/** Shows results under `box` as it changes, starting with what it holds now. */
export function attachSuggestions(box: HTMLInputElement): void {
  const form = box.form;
  const panel = form?.querySelector<HTMLElement>("[data-search-suggest]");
  const list = form?.querySelector<HTMLOListElement>("[data-search-suggestions]");
  const all = form?.querySelector<HTMLAnchorElement>("[data-search-all]");
  const status = form?.querySelector<HTMLElement>("[data-search-suggest-status]");
  if (!form || !panel || !list || !all || !status) return;

  let latest = 0;
  const close = () => {
    panel.hidden = true;
  };

  async function update(): Promise<void> {
    const run = ++latest;
    const query = box.value.trim();
    delete list!.dataset["ready"];
    if (!query) {
      close();
      status!.textContent = "";
      return;
    }
    const results = await findResults(query, SHOWN);
    if (run !== latest || box.value.trim() !== query) return; // the box has moved on
    // A reader already arrowing through the list keeps their place in it.
    const focused = [...list!.querySelectorAll("a")].indexOf(document.activeElement as HTMLAnchorElement);
    list!.replaceChildren(...results.map((result) => resultItem(result, query, "search-suggestion")));
    if (focused !== -1) (list!.querySelectorAll("a")[focused] ?? all!).focus();
    all!.href = searchUrl(query);
    all!.textContent = results.length ? "All results" : "No quick answer: search everything";
    status!.textContent = `${results.length} result${results.length === 1 ? "" : "s"}`;
    list!.dataset["ready"] = "";
    panel!.hidden = false;
  }

  // A long query is not put in the link's URL: it is handed over on click.
  all.addEventListener("click", (event) => {
    const query = box.value.trim();
    if (!query || isLinkableQuery(query)) return;
    event.preventDefault();
    openSearch(query);
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  box.addEventListener("input", () => {
    delete list.dataset["ready"];
    clearTimeout(timer);
    timer = setTimeout(() => void update(), SEARCH_DEBOUNCE_MS);
  });

  const links = () => [...panel.querySelectorAll<HTMLAnchorElement>("a")];
  form.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !panel.hidden) {
      event.preventDefault();
      close();
      box.focus();
      return;
    }
    if ((event.key !== "ArrowDown" && event.key !== "ArrowUp") || panel.hidden) return;
    const active = document.activeElement;
    const items = links();
    const at = active instanceof HTMLAnchorElement ? items.indexOf(active) : -1;
    if (active !== box && at === -1) return;
    event.preventDefault();
    const next = at + (event.key === "ArrowDown" ? 1 : -1);
    if (next < 0) box.focus();
    else items[Math.min(next, items.length - 1)]?.focus();
  });
  // Leaving the box and its results (Tab away, a click elsewhere) closes them.
  form.addEventListener("focusout", (event) => {
    if (!(event.relatedTarget instanceof Node) || !form.contains(event.relatedTarget)) close();
  });
  box.addEventListener("focus", () => {
    if (box.value.trim() && list.childElementCount > 0) panel.hidden = false;
  });

  void update();
}
