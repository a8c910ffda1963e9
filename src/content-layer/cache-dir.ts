import path from "node:path";

/**
 * Astro's cache folder: `node_modules/.astro`, or `ERRDEX_CACHE_DIR` (the
 * bad-entry tests and the benchmark build with caches of their own).
 * astro.config.mjs passes it to Astro as `cacheDir`.
 */
export const CACHE_DIR = path.resolve(process.env["ERRDEX_CACHE_DIR"] ?? "node_modules/.astro");
