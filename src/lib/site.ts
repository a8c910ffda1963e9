/**
 * The site's absolute origin, used for canonical URLs and the sitemap.
 * Set `ERRDEX_SITE_URL` when deploying somewhere else.
 */
export const SITE_URL = process.env["ERRDEX_SITE_URL"] ?? "https://errdex.dev";

/** The site's name as shown in titles. */
export const SITE_NAME = "errdex";

/**
 * The link-preview image of every page: one static card in `public/`
 * (a card per entry, rasterised at build time, cost a third of the build).
 */
export const SITE_CARD = {
  path: "/og-card.png",
  width: 1200,
  height: 630,
  alt: "errdex: understand the error, then fix it. Python, Node.js, TypeScript and errno.",
} as const;
