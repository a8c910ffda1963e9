/**
 * Finding results in the browser, for the search page and the header box:
 * reduces what was pasted to what identifies the error, takes the exact
 * answers from the lookup buckets the query needs (`/search/lookup/`, see
 * lookup-shards.ts) first and Pagefind's full-text results after them.
 * Both are fetched on the first search, never on page load.
 */
import { exactHits, type ExactHit, type SearchLookup } from "../lib/search/exact-hits.ts";
import { bucketsFor, mergeShards, type LookupIndex, type ShardedEntry } from "../lib/search/lookup-shards.ts";
import { reduceQuery, type ReducedQuery } from "../lib/search/reduce-query.ts";
import { LOOKUP_INDEX_URL, lookupBucketUrl, PAGEFIND_SCRIPT_URL } from "../lib/urls.ts";

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

/**
 * How long both search boxes wait after a keystroke: long enough to skip
 * the keystrokes of a word typed at speed, short enough that results follow
 * the last one within 100 ms on a warm index (npm run bench:search).
 */
export const SEARCH_DEBOUNCE_MS = 30;

let pagefind: Promise<Pagefind> | undefined;
let lookupIndex: Promise<LookupIndex> | undefined;
const lookupBuckets = new Map<number, Promise<ShardedEntry[]>>();

function loadPagefind(): Promise<Pagefind> {
  pagefind ??= import(/* @vite-ignore */ PAGEFIND_SCRIPT_URL).then(async (module: Pagefind) => {
    await module.options({
      // Pagefind compiles its WebAssembly and searches in its worker (12 KB
      // more to download): on the main thread that work blocked the search
      // page for 210 ms in Lighthouse's mobile run.
      noWorker: false,
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

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** The part of the lookup that can answer `query`: its buckets, each fetched once. */
async function loadLookup(query: ReducedQuery): Promise<SearchLookup> {
  // A failed fetch is forgotten, so the next keystroke tries again.
  lookupIndex ??= fetchJson<LookupIndex>(LOOKUP_INDEX_URL).catch((error: unknown) => {
    lookupIndex = undefined;
    throw error;
  });
  const index = await lookupIndex;
  const shards = bucketsFor(query, index).map((bucket) => {
    let shard = lookupBuckets.get(bucket);
    if (!shard) {
      shard = fetchJson<ShardedEntry[]>(lookupBucketUrl(bucket)).catch((error: unknown) => {
        lookupBuckets.delete(bucket);
        throw error;
      });
      lookupBuckets.set(bucket, shard);
    }
    return shard;
  });
  return mergeShards(index, await Promise.all(shards));
}

async function fullTextSearch(text: string) {
  if (!text) return [];
  return (await (await loadPagefind()).search(text)).results;
}

/**
 * Exact answers, then full-text results not already among them, at most
 * `limit`. The exact answers need only a few small lookup files, so they
 * are handed to `onExact` as soon as they are known, before Pagefind has
 * loaded. A full-text result's page data is a download of its own (a
 * Pagefind fragment), so only as many are fetched as there are places left
 * after the exact answers.
 */
export async function findResults(
  query: string,
  limit: number,
  onExact?: (exact: SearchResult[]) => void,
): Promise<SearchResult[]> {
  const reduced = reduceQuery(query);
  const [exact, fullText] = await Promise.all([
    loadLookup(reduced).then((data) => {
      const hits = exactHits(data, reduced).slice(0, limit);
      onExact?.(hits);
      return hits;
    }),
    fullTextSearch(reduced.text),
  ]);
  const results: SearchResult[] = [...exact];
  const seen = new Set(results.map((hit) => hit.url));
  let next = 0;
  while (results.length < limit && next < fullText.length) {
    const batch = fullText.slice(next, next + limit - results.length);
    next += batch.length;
    for (const data of await Promise.all(batch.map((result) => result.data()))) {
      if (seen.has(data.url)) continue;
      seen.add(data.url);
      results.push({
        url: data.url,
        title: data.meta["title"] ?? data.url,
        language: data.filters["language"]?.[0] ?? "",
        summary: data.meta["summary"] ?? "",
      });
    }
  }
  return results;
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
