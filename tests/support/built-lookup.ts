import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { SearchLookup } from "../../src/search/exact-hits.ts";
import { mergeShards, type LookupIndex, type ShardedEntry } from "../../src/search/lookup-shards.ts";

/** A built site's lookup index and its buckets, by number, as the search page fetches them. */
export function builtShards(dist = "dist"): { index: LookupIndex; shards: ShardedEntry[][] } {
  const folder = path.join(dist, "search/lookup");
  const index = JSON.parse(readFileSync(path.join(folder, "index.json"), "utf8")) as LookupIndex;
  const shards: ShardedEntry[][] = [];
  for (const name of readdirSync(folder)) {
    const bucket = /^(\d+)\.json$/.exec(name)?.[1];
    if (bucket)
      shards[Number(bucket)] = JSON.parse(readFileSync(path.join(folder, name), "utf8")) as ShardedEntry[];
  }
  return { index, shards };
}

/** The whole exact-answer lookup of a built site, put back together from all its buckets. */
export function builtLookup(dist = "dist"): SearchLookup {
  const { index, shards } = builtShards(dist);
  return mergeShards(index, shards.filter(Boolean));
}

/**
 * The paths of a built site's catalogue pages (`depth: "catalogue"` in its
 * `/api/errors.json`): thousands of pages filed alike, which the slower
 * per-page tests sample rather than visit one by one.
 */
export function builtCataloguePages(dist = "dist"): Set<string> {
  const { errors } = JSON.parse(readFileSync(path.join(dist, "api/errors.json"), "utf8")) as {
    errors: { url: string; depth: string }[];
  };
  return new Set(
    errors.filter((error) => error.depth === "catalogue").map((error) => new URL(error.url).pathname),
  );
}
