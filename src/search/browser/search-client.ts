/**
 * Finding results in the browser, for the search page and the header box:
 * reads the paste for evidence (paste.ts), weighs it against the lookup
 * buckets it needs (`/search/lookup/`, see lookup-shards.ts and
 * exact-hits.ts), and puts the confident exact answers first, Pagefind's
 * full-text results after them, and the weak exact answers last. Both are
 * fetched on the first search, never on page load.
 */
import { CONFIDENT, exactHits, type ExactHit, type SearchLookup } from "../exact-hits.ts";
import { fullTextTerms } from "../full-text.ts";
import { bucketsFor, mergeShards, type LookupIndex, type ShardedEntry } from "../lookup-shards.ts";
import { readPaste, type Paste } from "../paste.ts";
import { cardBucket, type ResultCard } from "../result-cards.ts";
import {
  LOOKUP_INDEX_URL,
  lookupBucketUrl,
  PAGEFIND_SCRIPT_URL,
  resultCardsUrl,
} from "../../catalogue/urls.ts";
import { leaveErrorFor } from "./your-error-handoff.ts";

/** One result as the reader sees it; `why` is set on exact answers. */
export type SearchResult = Omit<ExactHit, "why" | "score"> & { why?: string };

interface PagefindResultData {
  url: string;
  /** The page's indexed text. */
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

type PagefindResult = {
  /** Pagefind's id for the page (`en_1b8615c`), which files its result card. */
  id: string;
  data(): Promise<PagefindResultData>;
};

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] }>;
}

/**
 * How long both search boxes wait after a keystroke: long enough to skip
 * the keystrokes of a word typed at speed, short enough that results follow
 * the last one within 100 ms on a warm index (npm run bench:search).
 */
export const SEARCH_DEBOUNCE_MS = 30;

/** A query this long is read in a task of its own. */
const LONG_QUERY = 16 * 1024;

let pagefind: Promise<Pagefind> | undefined;
let lookupIndex: Promise<LookupIndex> | undefined;
const lookupBuckets = new Map<number, Promise<ShardedEntry[]>>();
const cardBuckets = new Map<number, Promise<Record<string, ResultCard>>>();

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
async function loadLookup(paste: Paste): Promise<SearchLookup> {
  // A failed fetch is forgotten, so the next keystroke tries again.
  lookupIndex ??= fetchJson<LookupIndex>(LOOKUP_INDEX_URL).catch((error: unknown) => {
    lookupIndex = undefined;
    throw error;
  });
  const index = await lookupIndex;
  const shards = bucketsFor(paste, index).map((bucket) => {
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

/**
 * What a full-text result shows, from its bucket of result cards
 * (result-cards.ts); from Pagefind's fragment for the page, five times the
 * download, only when its card is missing.
 */
async function resultCard(result: PagefindResult): Promise<ResultCard> {
  const bucket = cardBucket(result.id);
  let cards = cardBuckets.get(bucket);
  if (!cards) {
    cards = fetchJson<Record<string, ResultCard>>(resultCardsUrl(bucket)).catch(() => {
      cardBuckets.delete(bucket);
      return {};
    });
    cardBuckets.set(bucket, cards);
  }
  const card = (await cards)[result.id];
  if (card) return card;
  const data = await result.data();
  return {
    url: data.url,
    title: data.meta["title"] ?? data.url,
    language: data.filters["language"]?.[0] ?? "",
    summary: data.meta["summary"] ?? "",
  };
}

/**
 * Pagefind's results for `terms`. Pagefind wants every word, so when all of
 * them together find nothing, it is asked again with fewer: each word alone
 * tells how many pages know it, and the rarest known words are kept
 * together for as long as they still find something (all of them at once
 * first, which most often does). So a paste with one word the index knows
 * never comes back empty. At most 2 × MAX_TERMS + 2 searches.
 */
async function fullTextSearch(terms: readonly string[]): Promise<PagefindResult[]> {
  if (terms.length === 0) return [];
  const pagefind = await loadPagefind();
  const all = await knownResults(pagefind, terms);
  if (all.length > 0 || terms.length === 1) return all;
  const alone = await Promise.all(
    terms.map(async (term) => ({ term, results: await knownResults(pagefind, [term]) })),
  );
  const known = alone
    .filter(({ results }) => results.length > 0)
    .sort((a, b) => a.results.length - b.results.length);
  if (known.length === 0) return [];
  // Most often the known words still find pages together: one search.
  if (known.length > 1 && known.length < terms.length) {
    const together = (await pagefind.search(known.map(({ term }) => term).join(" "))).results;
    if (together.length > 0) return together;
  }
  const kept = [known[0]!.term];
  let results = known[0]!.results;
  for (const { term } of known.slice(1)) {
    const narrower = (await pagefind.search([...kept, term].join(" "))).results;
    if (narrower.length === 0) continue;
    kept.push(term);
    results = narrower;
  }
  return results;
}

/**
 * Pagefind's results for `terms` together, or none when Pagefind did not
 * know one of the words. For a word it has not indexed, Pagefind falls back
 * to the indexed words that begin it: "zzqqx" finds the pages that mention
 * "Z", "xylophone" those that mention "x". So the best result's text must
 * hold the start of every term (all but its last three letters, which
 * leaves room for Pagefind's stemming: "connections" is kept by
 * "connection"). That result is the first one shown, so the check downloads
 * nothing the results would not.
 */
async function knownResults(pagefind: Pagefind, terms: readonly string[]): Promise<PagefindResult[]> {
  const results = (await pagefind.search(terms.join(" "))).results;
  const best = await results[0]?.data();
  if (!best) return [];
  const text = best.content.toLowerCase();
  const known = terms.every((term) => {
    const word = term.toLowerCase();
    return text.includes(word.slice(0, Math.max(3, word.length - 3)));
  });
  return known ? results : [];
}

/**
 * Exact answers, then full-text results not already among them, at most
 * `limit`. The exact answers need only a few small lookup files, so they
 * are handed to `onExact` as soon as they are known, before Pagefind has
 * loaded. A full-text result's card is a download of its own, so only as
 * many are fetched as there are places left
 * after the exact answers, and their cards come in buckets much smaller
 * than Pagefind's fragments (result-cards.ts).
 */
export async function findResults(
  query: string,
  limit: number,
  onExact?: (exact: SearchResult[]) => void,
): Promise<SearchResult[]> {
  // A long paste is read in a task of its own, not in the one that put it
  // in the box: each stays short, so the page keeps answering.
  if (query.length > LONG_QUERY) await new Promise((resolve) => setTimeout(resolve, 0));
  const paste = readPaste(query);
  const [{ confident, weak }, fullText] = await Promise.all([
    loadLookup(paste).then((data) => {
      const hits = exactHits(data, paste).map(({ score, ...hit }) => ({ ...hit, score }));
      const split = {
        confident: hits.filter((hit) => hit.score >= CONFIDENT).slice(0, limit),
        weak: hits.filter((hit) => hit.score < CONFIDENT),
      };
      onExact?.(split.confident.map(withoutScore));
      return split;
    }),
    fullTextSearch(fullTextTerms(paste)),
  ]);
  const results: SearchResult[] = confident.map(withoutScore);
  const seen = new Set(results.map((hit) => hit.url));
  let next = 0;
  while (results.length < limit && next < fullText.length) {
    const batch = fullText.slice(next, next + limit - results.length);
    next += batch.length;
    for (const card of await Promise.all(batch.map(resultCard))) {
      if (seen.has(card.url)) continue;
      seen.add(card.url);
      results.push(card);
    }
  }
  // Weak exact answers (a class name several runtimes share) follow full text.
  for (const hit of weak) {
    if (results.length >= limit) break;
    if (seen.has(hit.url)) continue;
    seen.add(hit.url);
    results.push(withoutScore(hit));
  }
  return results;
}

function withoutScore({ score: _score, ...hit }: ExactHit): SearchResult {
  return hit;
}

/**
 * A result as a list item: linked title, language badge, why (exact
 * answers), summary. Following the link takes `query` (what the reader
 * pasted) to the page in the tab's sessionStorage, for its "Your error"
 * box; it is never put in the link.
 */
export function resultItem(result: SearchResult, query: string, className = "search-result"): HTMLLIElement {
  const item = document.createElement("li");
  item.className = className;
  const link = document.createElement("a");
  link.className = "search-result-title";
  link.href = result.url;
  link.textContent = result.title;
  link.addEventListener("click", () => leaveErrorFor(result.url, query));
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
