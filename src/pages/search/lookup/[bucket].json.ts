import type { APIRoute, GetStaticPaths } from "astro";
import { searchLookupShards } from "../../../search/lookup-data.ts";
import type { ShardedEntry } from "../../../search/lookup-shards.ts";

/** `/search/lookup/<n>.json`: one bucket of the exact-answer lookup, fetched when a query needs it. */
export const getStaticPaths = (async () => {
  const { shards } = await searchLookupShards();
  return shards.map((shard, bucket) => ({ params: { bucket: String(bucket) }, props: { shard } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ shard: ShardedEntry[] }> = ({ props }) =>
  new Response(JSON.stringify(props.shard), { headers: { "Content-Type": "application/json" } });
