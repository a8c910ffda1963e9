import type { APIRoute } from "astro";
import { searchLookupShards } from "../../../search/lookup-data.ts";

/**
 * `/search/lookup/index.json`: how many lookup buckets there are, and the
 * errno table; the first thing a search fetches (see lookup-shards.ts).
 */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify((await searchLookupShards()).index), {
    headers: { "Content-Type": "application/json" },
  });
