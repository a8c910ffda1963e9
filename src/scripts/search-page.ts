/**
 * The search page: reads `?q=` from the URL, loads Pagefind (only here, only
 * when there is a query) and lists the results as links, best first, inside
 * `[data-search-results]`. Everything the user typed is written with
 * textContent, never as HTML.
 */

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
const MAX_RESULTS = 20;

let pagefind: Promise<Pagefind> | undefined;

function loadPagefind(): Promise<Pagefind> {
  pagefind ??= import(/* @vite-ignore */ PAGEFIND_URL).then(async (module: Pagefind) => {
    await module.options({ excerptLength: 0 });
    return module;
  });
  return pagefind;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderResult(data: PagefindResultData): HTMLLIElement {
  const item = element("li", "search-result");
  const link = element("a", "search-result-title", data.meta["title"] ?? data.url);
  link.href = data.url;
  item.append(link);
  const language = data.filters["language"]?.[0];
  if (language) item.append(" ", element("span", "badge", language));
  if (data.meta["summary"]) item.append(element("p", "search-result-summary", data.meta["summary"]));
  return item;
}

async function run(): Promise<void> {
  const results = document.querySelector<HTMLOListElement>("[data-search-results]");
  const status = document.querySelector<HTMLElement>("[data-search-status]");
  const empty = document.querySelector<HTMLElement>("[data-search-empty]");
  if (!results || !status || !empty) return;

  const query = (new URLSearchParams(location.search).get("q") ?? "").trim();
  // The page is static, so the box learns the query from the URL here.
  const box = document.querySelector<HTMLInputElement>("#search-page-query");
  if (box) box.value = query;
  if (!query) {
    status.textContent = "Type a message, an errno name or number, or an error code.";
    return;
  }
  status.textContent = "Searching…";
  const search = await (await loadPagefind()).search(query);
  const found = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
  results.replaceChildren(...found.map(renderResult));
  empty.hidden = found.length > 0;
  status.textContent =
    found.length === 0
      ? `No results for “${query}”.`
      : `${found.length} result${found.length === 1 ? "" : "s"} for “${query}”.`;
  results.dataset["ready"] = "";
}

run().catch((error: unknown) => {
  const status = document.querySelector<HTMLElement>("[data-search-status]");
  if (status) status.textContent = "Search is unavailable right now.";
  console.error(error);
});
