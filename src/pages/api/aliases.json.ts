import type { APIRoute } from "astro";
import { aliasesIndex, jsonResponse } from "../../catalogue/api.ts";
import { loadCatalogue } from "../../catalogue/catalogue.ts";
import { SITE_URL } from "../../lib/site.ts";

/**
 * `/api/aliases.json`: every other address of a page and the page it leads
 * to. `npm run build` writes a redirect page at each (src/build/alias-pages.ts);
 * a host that redirects on the server can take its redirects from here.
 */
export const GET: APIRoute = async ({ site }) =>
  jsonResponse(aliasesIndex(await loadCatalogue(), site ?? SITE_URL));
