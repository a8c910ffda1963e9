/**
 * The site's absolute origin, used for canonical URLs and the sitemap.
 * Set `ERRDEX_SITE_URL` when deploying somewhere else.
 */
export const SITE_URL = process.env["ERRDEX_SITE_URL"] ?? "https://errdex.dev";

/** The site's name as shown in titles. */
export const SITE_NAME = "errdex";
