import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

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

/**
 * The repository the site is built from, as an `https://host/owner/name`
 * URL, for the "Report a problem" and "Edit this page" links: the
 * `ERRDEX_REPO_URL` setting at build time, else `package.json`'s
 * `repository`, else none (and the pages carry no such links). The links
 * follow GitHub's URL scheme (`/issues/new`, `/edit/main/…`).
 */
export const REPO_URL = repositoryUrl(process.env["ERRDEX_REPO_URL"], packageRepository());

/** `repository` from the project's package.json, or undefined. */
function packageRepository(): unknown {
  const file = path.resolve("package.json");
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, "utf8")) as { repository?: unknown }).repository;
}

/**
 * The repository URL from the environment's value (which wins when set and
 * not empty) or package.json's `repository` (a string or `{ url }`), in
 * one form: `https://github.com/owner/name`. Accepts what npm accepts there
 * (`git+https://….git`, `git+ssh://git@…`, `git@github.com:owner/name.git`,
 * `github:owner/name`, `owner/name`). Throws, naming the setting, on anything else, so a typo
 * fails the build instead of publishing links that lead nowhere.
 */
export function repositoryUrl(fromEnv: string | undefined, fromPackage: unknown): string | undefined {
  if (fromEnv !== undefined && fromEnv.trim() !== "") return normaliseRepository(fromEnv, "ERRDEX_REPO_URL");
  if (fromPackage === undefined || fromPackage === null) return undefined;
  const value =
    typeof fromPackage === "string"
      ? fromPackage
      : typeof fromPackage === "object" && typeof (fromPackage as { url?: unknown }).url === "string"
        ? (fromPackage as { url: string }).url
        : undefined;
  if (value === undefined) {
    throw new Error('package.json: "repository" must be a URL string or { "url": "…" }');
  }
  return normaliseRepository(value, 'package.json "repository"');
}

function normaliseRepository(value: string, setting: string): string {
  let raw = value.trim();
  const shorthand = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(raw);
  if (shorthand) raw = `https://github.com/${shorthand[1]}`;
  const scp = /^git@([\w.-]+):([\w.-]+\/[\w.-]+)$/.exec(raw);
  if (scp) raw = `https://${scp[1]}/${scp[2]}`;
  raw = raw.replace(/^git\+/, "");
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${setting}: "${value}" is not a repository URL (https://github.com/owner/name)`);
  }
  // A clone URL names the same repository its web pages are under.
  if (url.protocol === "ssh:" || url.protocol === "git:")
    url = new URL(`https://${url.hostname}${url.pathname}`);
  const name = url.pathname.replace(/\/+$/, "").replace(/\.git$/, "");
  if (url.protocol !== "https:" || url.search !== "" || url.hash !== "" || !/^\/[^/]+\/[^/]+$/.test(name)) {
    throw new Error(`${setting}: "${value}" is not a repository URL (https://github.com/owner/name)`);
  }
  return `https://${url.host}${name}`;
}

/** Longest `<title>` (html-validate's long-title, and what search results show). */
const MAX_TITLE = 70;

/**
 * A title's length as written in the HTML, where Astro writes `"` as
 * `&quot;` and so on: html-validate's long-title counts those characters.
 */
const htmlLength = (text: string) =>
  text.length +
  [...text.matchAll(/["'&<>]/g)].reduce((n, [c]) => n + (c === '"' ? 5 : c === "&" || c === "'" ? 4 : 3), 0);

/**
 * A page's `<title>`: `KeyError (Python) — errdex`. A long message title
 * drops the site name, then is cut at a word with "…", so the tab and a
 * search result still start with the error.
 */
export function documentTitle(title: string): string {
  if (title === SITE_NAME) return title;
  const full = `${title} — ${SITE_NAME}`;
  if (htmlLength(full) <= MAX_TITLE) return full;
  if (htmlLength(title) <= MAX_TITLE) return title;
  let cut = title;
  while (htmlLength(`${cut}…`) > MAX_TITLE) cut = cut.slice(0, cut.lastIndexOf(" ", cut.length - 2));
  return `${cut}…`;
}
