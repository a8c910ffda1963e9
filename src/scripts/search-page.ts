/**
 * The search page. Reads `?q=`, reduces what was pasted to what identifies
 * the error, shows exact answers (from `/search/lookup.json`) first and
 * Pagefind's full-text results after them, and searches again as the reader
 * types (debounced), keeping the query in the URL so a search is linkable.
 * Everything the user typed is written with textContent, never as HTML.
 */
import { exactHits, type ExactHit, type SearchLookup } from "../lib/search/exact-hits.ts";
import { reduceQuery } from "../lib/search/reduce-query.ts";

interface PagefindResultData {
  url: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

const PAGEFIND_URL = "/pagefind/pagefind.js";
const LOOKUP_URL = "/search/lookup.json";
const MAX_RESULTS = 20;
const DEBOUNCE_MS = 120;

let pagefind: Promise<Pagefind> | undefined;
let lookup: Promise<SearchLookup> | undefined;

function loadPagefind(): Promise<Pagefind> {
  pagefind ??= import(/* @vite-ignore */ PAGEFIND_URL).then(async (module: Pagefind) => {
    // Short technical queries: favour pages where the term is prominent
    // over long pages that mention it in passing.
    await module.options({
      excerptLength: 0,
      ranking: { pageLength: 0.4, termFrequency: 0.6, termSaturation: 1.2 },
    });
    return module;
  });
  return pagefind;
}

function loadLookup(): Promise<SearchLookup> {
  lookup ??= fetch(LOOKUP_URL).then((response) => response.json() as Promise<SearchLookup>);
  return lookup;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderResult(hit: Omit<ExactHit, "why"> & { why?: string }): HTMLLIElement {
  const item = element("li", "search-result");
  const link = element("a", "search-result-title", hit.title);
  link.href = hit.url;
  item.append(link, " ", element("span", "badge", hit.language));
  if (hit.why) item.append(" ", element("span", "search-result-why", hit.why));
  if (hit.summary) item.append(element("p", "search-result-summary", hit.summary));
  return item;
}

async function fullText(text: string): Promise<ExactHit[]> {
  if (!text) return [];
  const search = await (await loadPagefind()).search(text);
  const found = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
  return found.map((data) => ({
    url: data.url,
    title: data.meta["title"] ?? data.url,
    language: data.filters["language"]?.[0] ?? "",
    summary: data.meta["summary"] ?? "",
    why: "",
  }));
}

let latest = 0;

async function search(query: string): Promise<void> {
  const results = document.querySelector<HTMLOListElement>("[data-search-results]");
  const status = document.querySelector<HTMLElement>("[data-search-status]");
  const empty = document.querySelector<HTMLElement>("[data-search-empty]");
  if (!results || !status || !empty) return;
  const run = ++latest;
  delete results.dataset["ready"];

  const trimmed = query.trim();
  if (!trimmed) {
    results.replaceChildren();
    empty.hidden = true;
    status.textContent = "Type a message, an errno name or number, or an error code.";
    results.dataset["ready"] = "";
    return;
  }
  status.textContent = "Searching…";
  const reduced = reduceQuery(trimmed);
  const [exact, text] = await Promise.all([
    loadLookup().then((data) => exactHits(data, reduced)),
    fullText(reduced.text),
  ]);
  if (run !== latest) return; // a newer search has started
  const seen = new Set(exact.map((hit) => hit.url));
  const all = [...exact, ...text.filter((hit) => !seen.has(hit.url))].slice(0, MAX_RESULTS);
  results.replaceChildren(...all.map(renderResult));
  empty.hidden = all.length > 0;
  const shown = trimmed.length > 120 ? `${trimmed.slice(0, 120)}…` : trimmed;
  status.textContent =
    all.length === 0
      ? `No results for “${shown}”.`
      : `${all.length} result${all.length === 1 ? "" : "s"} for “${shown}”.`;
  results.dataset["ready"] = "";
}

function moveFocus(from: Element | null, step: 1 | -1, box: HTMLTextAreaElement): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>("[data-search-results] a")];
  const index = from instanceof HTMLAnchorElement ? links.indexOf(from) : -1;
  const next = index + step;
  if (next < 0) box.focus();
  else links[Math.min(next, links.length - 1)]?.focus();
}

/** The textarea grows with a pasted traceback (up to a point) and submits on Enter. */
function fitToContent(box: HTMLTextAreaElement): void {
  box.rows = Math.min(8, Math.max(1, box.value.split("\n").length));
}

function start(): void {
  const box = document.querySelector<HTMLTextAreaElement>("#search-page-query");
  const query = new URLSearchParams(location.search).get("q") ?? "";
  // The page is static, so the box learns the query from the URL here.
  if (box) box.value = query;
  void search(query);
  if (!box) return;
  fitToContent(box);
  box.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      box.form?.requestSubmit();
    }
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  box.addEventListener("input", () => {
    fitToContent(box);
    // Results on screen no longer answer what is in the box.
    const results = document.querySelector<HTMLElement>("[data-search-results]");
    if (results) delete results.dataset["ready"];
    clearTimeout(timer);
    timer = setTimeout(() => {
      const url = new URL(location.href);
      url.searchParams.set("q", box.value);
      history.replaceState(null, "", url);
      void search(box.value);
    }, DEBOUNCE_MS);
  });
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
