import type { APIRoute, GetStaticPaths } from "astro";
import { catalogueRecord, errorRecord, jsonResponse } from "../../../../catalogue/api.ts";
import { loadCatalogue, type CataloguedCode, type Entry } from "../../../../catalogue/catalogue.ts";
import { SITE_URL } from "../../../../lib/site.ts";

/** `/api/errors/<language>/<slug>.json`: one page's record, the same as in `/api/errors.json`. */
export const getStaticPaths = (async () => {
  const catalogue = await loadCatalogue();
  return [
    ...catalogue.entries.map((entry) => ({
      params: { language: entry.language, slug: entry.slug },
      props: { entry },
    })),
    ...catalogue.codes
      .filter((code) => !code.entry)
      .map((code) => ({ params: { language: code.row.language, slug: code.row.slug }, props: { code } })),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: Entry } | { code: CataloguedCode }> = async ({ props, site }) => {
  const catalogue = await loadCatalogue();
  return jsonResponse(
    "entry" in props
      ? errorRecord(catalogue, props.entry, site ?? SITE_URL)
      : catalogueRecord(catalogue, props.code, site ?? SITE_URL),
  );
};
