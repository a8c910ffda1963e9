import { isSpecificTemplate, type LookupEntry, type LookupErrno, type SearchLookup } from "./exact-hits.ts";
import type { Paste } from "./paste.ts";
import { anchorCandidates } from "./template-anchors.ts";

/**
 * The exact-answer lookup grows with every entry, so the browser never loads
 * it whole. It is cut into buckets by key, and a search fetches only the
 * buckets its query can hit: a first search downloads a few kilobytes
 * whether the site has 100 entries or 10,000.
 *
 * An entry is filed under each of its keys: its lowercased names (title,
 * code, aliases), its errno names, and for each message template one
 * anchor, the template's rarest whole word that is not a number. A template matches a message
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
const EVERY_QUERY = "*";

/**
 * A number is never an anchor, and a paste's numbers are not looked up as
 * words: a log's counters, ids and timestamps made every line a new key (a
 * 1 MB log fetched 397 of 1,024 buckets, a real paste 42 at the median),
 * and no template's fixed text has only numbers to anchor it.
 */
const NUMBER = /^\d+$/;
const anchorWords = (template: string) => anchorCandidates(template).filter((word) => !NUMBER.test(word));

/** What `/search/lookup/index.json` holds: how many buckets there are, and the errno table. */
export interface LookupIndex {
  buckets: number;
  errno: LookupErrno[];
}

/** An entry in a bucket, with its place in the full lookup. */
export type ShardedEntry = LookupEntry & { order: number };

/** FNV-1a: a small, stable hash that the build and the browser compute alike. */
function bucketOf(key: string, buckets: number): number {
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
      for (const word of new Set(anchorWords(template))) frequency.set(word, (frequency.get(word) ?? 0) + 1);
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
      keys.add(rarest(anchorWords(template)) ?? EVERY_QUERY);
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

/** Every key under which an entry that could answer `paste` is filed. */
function queryKeys(paste: Paste, errno: readonly LookupErrno[]): string[] {
  const keys = new Set<string>([EVERY_QUERY, paste.whole.toLowerCase()]);
  for (const mention of paste.mentions) {
    if (mention.kind !== "errno") keys.add(mention.value.toLowerCase());
    if (mention.qualified) keys.add(mention.qualified.toLowerCase());
  }
  // Every errno name an error number may be, on any system.
  const numbers = paste.mentions.filter((m) => m.kind === "errno").map((m) => Number(m.value));
  if (paste.number) numbers.push(paste.number.value);
  for (const n of numbers) {
    for (const row of errno) {
      if ([row.linux, row.macos, row.winsock, row.crt, row.libuv && -row.libuv].includes(n))
        keys.add(row.name.toLowerCase());
    }
    keys.add(`ts${n}`);
  }
  // Templates are tried on every line, so every word of every line is a key.
  for (const line of paste.lines) for (const word of line.words) if (!NUMBER.test(word)) keys.add(word);
  // An errno's own message in a line points to it: its name is a key.
  for (const row of errno) {
    if (paste.lines.some((line) => line.lower.includes(row.message.toLowerCase())))
      keys.add(row.name.toLowerCase());
  }
  return [...keys];
}

/** The buckets to fetch for a paste. */
export function bucketsFor(paste: Paste, index: LookupIndex): number[] {
  return [...new Set(queryKeys(paste, index.errno).map((key) => bucketOf(key, index.buckets)))].sort(
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
