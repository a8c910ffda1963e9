import { readdirSync } from "node:fs";
import { Parser } from "htmlparser2";
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

/** The `<meta>` tags of a built page that the checks and integrations read. */
export interface PageMeta {
  /** A redirect page's target: `<meta http-equiv="refresh" content="0;url=/target/">`. */
  refresh?: string;
  /** The Content-Security-Policy of `<meta http-equiv="content-security-policy">`. */
  csp?: string;
  /** `<meta name="robots">`: `noindex` on alias and 404 pages. */
  robots?: string;
}

/** Reads a built page's `<meta>` tags with htmlparser2, the one HTML parser of the built-site checks. */
export function pageMeta(html: string): PageMeta {
  const meta: PageMeta = {};
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name !== "meta") return;
        const equiv = attributes["http-equiv"]?.toLowerCase();
        const content = attributes["content"];
        if (content === undefined) return;
        if (equiv === "refresh") {
          const target = /^\s*\d+\s*;\s*url=(.+)$/i.exec(content)?.[1];
          if (target) meta.refresh = target.trim();
        } else if (equiv === "content-security-policy") meta.csp ??= content;
        else if (attributes["name"]?.toLowerCase() === "robots") meta.robots = content;
      },
      onclosetag(name) {
        if (name === "head") parser.pause();
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return meta;
}
