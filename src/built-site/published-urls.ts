import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pageMeta, readBuiltSite } from "./built-pages.ts";

/**
 * Published URLs must keep working forever. This module compares the
 * committed list of every URL errdex has published (pages, alias
 * redirects, JSON API files) with a built `dist/`: a listed URL that no
 * longer resolves is an error, a built URL not yet listed is news.
 * `npm run check:urls` is its command line (src/built-site/check-urls-cli.ts).
 */

/** The committed list, one path per line, sorted. */
export const PUBLISHED_URLS_FILE = "tests/published-urls.txt";

/** The file that serves a path: `/a/b/` → `a/b/index.html`, `/api/x.json` → `api/x.json`. */
function fileFor(dist: string, urlPath: string): string {
  const relative = decodeURIComponent(urlPath).replace(/^\//, "");
  return path.join(dist, urlPath.endsWith("/") ? path.join(relative, "index.html") : relative);
}

/**
 * Why a path does not resolve in `dist`, or undefined when it does: a page
 * exists there, or an alias redirect whose own target exists.
 */
function whyUnresolved(dist: string, urlPath: string): string | undefined {
  const file = fileFor(dist, urlPath);
  if (!existsSync(file)) return `no ${path.relative(dist, file)} in the build`;
  if (!file.endsWith(".html")) return undefined;
  const target = pageMeta(readFileSync(file, "utf8")).refresh;
  if (!target) return undefined;
  const targetFile = fileFor(dist, new URL(target, "https://x.invalid").pathname);
  return existsSync(targetFile) ? undefined : `redirects to ${target}, which is not in the build`;
}

/**
 * Every URL the build publishes: each folder with an `index.html` (pages
 * and alias redirects) and each JSON file of the API. 404.html, assets,
 * the search index and the search page's lookup are not addresses anyone
 * links to.
 */
export function builtUrls(dist: string): string[] {
  const { urls } = readBuiltSite(dist);
  return sortUrls(
    [...urls].filter((url) => url.endsWith("/") || (url.startsWith("/api/") && url.endsWith(".json"))),
  );
}

/** Code-point order, so the list sorts the same on every machine and locale. */
export function sortUrls(urls: Iterable<string>): string[] {
  return [...new Set(urls)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Reads a list file: one path per line; blank lines and `#` comments are skipped. */
export function readUrlList(file: string): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
}

/** What a check found. */
export interface UrlCheck {
  /** Listed URLs that no longer resolve, each with the reason. */
  broken: { url: string; reason: string }[];
  /** Built URLs that are not listed yet. */
  unlisted: string[];
}

/** Checks every listed URL against `dist` and finds the built ones not listed. */
export function checkPublishedUrls(dist: string, listed: readonly string[]): UrlCheck {
  const broken = listed.flatMap((url) => {
    const reason = whyUnresolved(dist, url);
    return reason ? [{ url, reason }] : [];
  });
  const known = new Set(listed);
  const unlisted = builtUrls(dist).filter((url) => !known.has(url));
  return { broken, unlisted };
}
