import { isSpecificTemplate, type LookupEntry, type LookupErrno, type SearchLookup } from "./exact-hits.ts";
import type { ReducedQuery } from "./reduce-query.ts";

/**
 * The exact-answer lookup grows with every entry, so the browser never loads
 * it whole. It is cut into buckets by key, and a search fetches only the
 * buckets its query can hit: a first search downloads a few kilobytes
 * whether the site has 100 entries or 10,000.
 *
 * An entry is filed under each of its keys: its lowercased names (title,
 * code, aliases), its errno names, and for each message template one
 * anchor, the template's rarest whole word. A template matches a message
 * only if the message contains that word as a whole word (it lies in the
 * template's fixed text away from any placeholder, and templates are
 * anchored at both ends), so looking up every word of the message finds
 * every template that could match. A template with no such word is filed
 * under {@link EVERY_QUERY}, which every search fetches.
 *
 * `exactHits` then runs unchanged over the entries fetched: the buckets
 * hold every entry the full lookup could answer with, and `order` puts them
 * back in the full lookup's order.
 */

/** The key every search looks up, for templates without an anchor word. */
export const EVERY_QUERY = "*";

/** What `/search/lookup/index.json` holds: how many buckets there are, and the errno table. */
export interface LookupIndex {
  buckets: number;
  errno: LookupErrno[];
}

/** An entry in a bucket, with its place in the full lookup. */
export type ShardedEntry = LookupEntry & { order: number };

/** Words as both sides see them: maximal runs of lowercase letters and digits. */
const WORD = /[a-z0-9]+/g;
/** Must be the placeholder syntax `templateToRegExp` splits on. */
const PLACEHOLDER = /\{[A-Za-z_][\w-]*\}/;

/** The words of a template that any message it matches must contain whole. */
export function anchorCandidates(template: string): string[] {
  const segments = template.toLowerCase().split(PLACEHOLDER);
  const words: string[] = [];
  segments.forEach((segment, index) => {
    for (const match of segment.matchAll(WORD)) {
      const start = match.index;
      const end = start + match[0].length;
      // A word touching a placeholder could run on into the user's value.
      const clearBefore = start > 0 || index === 0;
      const clearAfter = end < segment.length || index === segments.length - 1;
      if (clearBefore && clearAfter) words.push(match[0]);
    }
  });
  return words;
}

/** FNV-1a: a small, stable hash that the build and the browser compute alike. */
export function bucketOf(key: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % buckets;
}

/**
 * Cuts a lookup into buckets of about `perBucket` filed entries each (a
 * power of two of them, at least 8). Returns the index and each bucket's
 * entries.
 */
export function shardLookup(
  lookup: SearchLookup,
  perBucket = 12,
): { index: LookupIndex; shards: ShardedEntry[][] } {
  // How many templates each word appears in, to pick each template's rarest.
  const frequency = new Map<string, number>();
  for (const entry of lookup.entries) {
    for (const template of entry.templates.filter(isSpecificTemplate)) {
      for (const word of new Set(anchorCandidates(template)))
        frequency.set(word, (frequency.get(word) ?? 0) + 1);
    }
  }
  const rarest = (words: string[]) =>
    [...words].sort(
      (a, b) => (frequency.get(a) ?? 0) - (frequency.get(b) ?? 0) || b.length - a.length || (a < b ? -1 : 1),
    )[0];
  const keyed = lookup.entries.map((entry, order) => {
    const keys = new Set([...entry.names, ...entry.errno.map((name) => name.toLowerCase())]);
    // A template search never matches (nearly all placeholder) needs no key.
    for (const template of entry.templates.filter(isSpecificTemplate)) {
      keys.add(rarest(anchorCandidates(template)) ?? EVERY_QUERY);
    }
    return { entry: { ...entry, order }, keys };
  });
  const filed = keyed.reduce((sum, { keys }) => sum + keys.size, 0);
  const buckets = Math.max(8, 2 ** Math.ceil(Math.log2(Math.max(1, filed / perBucket))));
  const shards: ShardedEntry[][] = Array.from({ length: buckets }, () => []);
  for (const { entry, keys } of keyed) {
    for (const bucket of new Set([...keys].map((key) => bucketOf(key, buckets)))) shards[bucket]!.push(entry);
  }
  return { index: { buckets, errno: lookup.errno }, shards };
}

/** Every key under which an entry that could answer `query` is filed. */
export function queryKeys(query: ReducedQuery, errno: readonly LookupErrno[]): string[] {
  const keys = new Set<string>([EVERY_QUERY, query.text.trim().toLowerCase()]);
  if (query.code) keys.add(query.code.toLowerCase());
  if (query.className) keys.add(query.className.toLowerCase());
  if (query.number !== undefined) {
    const n = query.number;
    for (const row of errno) {
      if ([row.linux, row.macos, row.winsock, row.crt].includes(n)) keys.add(row.name.toLowerCase());
    }
    keys.add(`ts${n}`);
  }
  // exactHits matches templates against the message, and against the whole
  // text only when there is no message or the query is plain text.
  const matched = [query.message, !query.message || query.form === "text" ? query.text : undefined];
  for (const text of matched) {
    for (const [word] of (text ?? "").toLowerCase().matchAll(WORD)) keys.add(word);
  }
  return [...keys];
}

/** The buckets to fetch for a query. */
export function bucketsFor(query: ReducedQuery, index: LookupIndex): number[] {
  return [...new Set(queryKeys(query, index.errno).map((key) => bucketOf(key, index.buckets)))].sort(
    (a, b) => a - b,
  );
}

/** Fetched buckets back as a lookup `exactHits` can read, in the full lookup's order. */
export function mergeShards(index: LookupIndex, shards: readonly (readonly ShardedEntry[])[]): SearchLookup {
  const byOrder = new Map<number, ShardedEntry>();
  for (const shard of shards) for (const entry of shard) byOrder.set(entry.order, entry);
  return {
    entries: [...byOrder.values()].sort((a, b) => a.order - b.order),
    errno: index.errno,
  };
}
