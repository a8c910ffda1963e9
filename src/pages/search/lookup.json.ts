import type { APIRoute } from "astro";
import { buildSearchLookup } from "../../lib/search/lookup-data.ts";

/** `/search/lookup.json`: the exact-answer lookup, loaded by the search page only. */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await buildSearchLookup()), {
    headers: { "Content-Type": "application/json" },
  });
