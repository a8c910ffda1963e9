/**
 * Finding results in the browser, for the search page and the header box:
 * reduces what was pasted to what identifies the error, takes the exact
 * answers from `/search/lookup.json` first and Pagefind's full-text results
 * after them. Both are fetched on the first search, never on page load.
 */
import { exactHits, type ExactHit, type SearchLookup } from "../lib/search/exact-hits.ts";
import { reduceQuery } from "../lib/search/reduce-query.ts";

/** One result as the reader sees it; `why` is set on exact answers. */
export type SearchResult = Omit<ExactHit, "why"> & { why?: string };

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

let pagefind: Promise<Pagefind> | undefined;
let lookup: Promise<SearchLookup> | undefined;

function loadPagefind(): Promise<Pagefind> {
  pagefind ??= import(/* @vite-ignore */ PAGEFIND_URL).then(async (module: Pagefind) => {
    await module.options({
      // The index is small enough to search on the main thread well inside
      // a frame; the worker would be another 12 KB to download first.
      noWorker: true,
      excerptLength: 0,
      ranking: {
        // Short technical queries: favour pages where the term is prominent
        // over long pages that mention it in passing.
        pageLength: 0.4,
        termFrequency: 0.6,
        termSaturation: 1.2,
        // A word of the error's name or code outweighs the same word in a
        // summary, and both outweigh prose.
        metaWeights: { title: 8, code: 8, errno: 4, summary: 2 },
      },
    });
    return module;
  });
  return pagefind;
}

function loadLookup(): Promise<SearchLookup> {
  lookup ??= fetch(LOOKUP_URL).then((response) => {
    if (!response.ok) throw new Error(`${LOOKUP_URL}: HTTP ${response.status}`);
    return response.json() as Promise<SearchLookup>;
  });
  return lookup;
}

async function fullText(text: string, limit: number): Promise<SearchResult[]> {
  if (!text) return [];
  const search = await (await loadPagefind()).search(text);
  const found = await Promise.all(search.results.slice(0, limit).map((result) => result.data()));
  return found.map((data) => ({
    url: data.url,
    title: data.meta["title"] ?? data.url,
    language: data.filters["language"]?.[0] ?? "",
    summary: data.meta["summary"] ?? "",
  }));
}

/** Exact answers, then full-text results not already among them, at most `limit`. */
export async function findResults(query: string, limit: number): Promise<SearchResult[]> {
  const reduced = reduceQuery(query);
  const [exact, text] = await Promise.all([
    loadLookup().then((data) => exactHits(data, reduced)),
    fullText(reduced.text, limit),
  ]);
  const seen = new Set(exact.map((hit) => hit.url));
  return [...exact, ...text.filter((hit) => !seen.has(hit.url))].slice(0, limit);
}

/** A result as a list item: linked title, language badge, why (exact answers), summary. */
export function resultItem(result: SearchResult, className = "search-result"): HTMLLIElement {
  const item = document.createElement("li");
  item.className = className;
  const link = document.createElement("a");
  link.className = "search-result-title";
  link.href = result.url;
  link.textContent = result.title;
  const badge = document.createElement("span");
  badge.className = "badge";
  badge.textContent = result.language;
  item.append(link, " ", badge);
  if (result.why) {
    const why = document.createElement("span");
    why.className = "search-result-why";
    why.textContent = result.why;
    item.append(" ", why);
  }
  if (result.summary) {
    const summary = document.createElement("p");
    summary.className = "search-result-summary";
    summary.textContent = result.summary;
    item.append(summary);
  }
  return item;
}
