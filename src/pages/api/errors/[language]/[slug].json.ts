import type { APIRoute, GetStaticPaths } from "astro";
import { errorRecord, jsonResponse } from "../../../../catalogue/api.ts";
import { loadCatalogue, type Entry } from "../../../../catalogue/catalogue.ts";
import { SITE_URL } from "../../../../lib/site.ts";

/** `/api/errors/<language>/<slug>.json`: one entry, the same record as in `/api/errors.json`. */
export const getStaticPaths = (async () => {
  const catalogue = await loadCatalogue();
  return catalogue.entries.map((entry) => ({
    params: { language: entry.language, slug: entry.slug },
    props: { entry },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: Entry }> = async ({ props, site }) =>
  jsonResponse(errorRecord(await loadCatalogue(), props.entry, site ?? SITE_URL));
