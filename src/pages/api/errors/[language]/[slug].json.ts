import type { APIRoute, GetStaticPaths } from "astro";
import { catalogueRecord, errorRecord, jsonResponse } from "../../../../catalogue/api.ts";
import { errorPagePaths, loadCatalogue, type ErrorPageProps } from "../../../../catalogue/catalogue.ts";
import { SITE_URL } from "../../../../lib/site.ts";

/** `/api/errors/<language>/<slug>.json`: one page's record, the same as in `/api/errors.json`. */
export const getStaticPaths = (async () => errorPagePaths(await loadCatalogue())) satisfies GetStaticPaths;

export const GET: APIRoute<ErrorPageProps> = async ({ props, site }) => {
  const catalogue = await loadCatalogue();
  return jsonResponse(
    "entry" in props
      ? errorRecord(catalogue, props.entry, site ?? SITE_URL)
      : catalogueRecord(catalogue, props.code, site ?? SITE_URL),
  );
};
