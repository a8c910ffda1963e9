import type { APIRoute } from "astro";
import { errorsIndex, jsonResponse } from "../../catalogue/api.ts";
import { loadCatalogue } from "../../catalogue/catalogue.ts";
import { SITE_URL } from "../../lib/site.ts";

/** `/api/errors.json`: every entry's identity, messages, aliases and URLs. */
export const GET: APIRoute = async ({ site }) =>
  jsonResponse(errorsIndex(await loadCatalogue(), site ?? SITE_URL));
