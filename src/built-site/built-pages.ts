import { readdirSync } from "node:fs";
import path from "node:path";

/** One HTML file of a built site and the URL path it is served at. */
interface BuiltPage {
  /** Absolute path of the file. */
  file: string;
  /** `/python/key-error/` for `python/key-error/index.html`, `/404.html` for `404.html`. */
  url: string;
}

/** The files of a built site, by the URL path each is served at. */
export interface BuiltSite {
  dir: string;
  pages: BuiltPage[];
  /** Every file's URL path (`/_astro/Page.css`, `/python/`, `/404.html`). */
  urls: ReadonlySet<string>;
}

function urlOf(relative: string): string {
  return relative === "index.html" || relative.endsWith("/index.html")
    ? `/${relative.slice(0, -"index.html".length)}`
    : `/${relative}`;
}

/** Lists a built site (`dist/`): every file, and the HTML pages among them. */
export function readBuiltSite(dir: string): BuiltSite {
  const root = path.resolve(dir);
  const pages: BuiltPage[] = [];
  const urls = new Set<string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const url = urlOf(path.relative(root, file).split(path.sep).join("/"));
    urls.add(url);
    if (entry.name.endsWith(".html")) pages.push({ file, url });
  }
  pages.sort((a, b) => a.url.localeCompare(b.url));
  return { dir: root, pages, urls };
}
