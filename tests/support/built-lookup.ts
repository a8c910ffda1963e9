import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { SearchLookup } from "../../src/search/exact-hits.ts";
import { mergeShards, type LookupIndex, type ShardedEntry } from "../../src/search/lookup-shards.ts";

/** The whole exact-answer lookup of a built site, put back together from all its buckets. */
export function builtLookup(dist = "dist"): SearchLookup {
  const folder = path.join(dist, "search/lookup");
  const index = JSON.parse(readFileSync(path.join(folder, "index.json"), "utf8")) as LookupIndex;
  const shards = readdirSync(folder)
    .filter((name) => /^\d+\.json$/.test(name))
    .map((name) => JSON.parse(readFileSync(path.join(folder, name), "utf8")) as ShardedEntry[]);
  return mergeShards(index, shards);
}
