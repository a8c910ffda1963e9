import { readFileSync } from "node:fs";
import { Parser } from "htmlparser2";
import type { BuiltSite } from "./built-pages.ts";

/** One link found on a page, as written there. */
interface FoundLink {
  /** The element and attribute it came from: `a[href]`. */
  where: string;
  raw: string;
}

/** A link on a built page that leads nowhere. */
export interface DeadLink {
  /** URL path of the page the link is on. */
  page: string;
  where: string;
  href: string;
  reason: string;
}

/** What checking every page of a built site found. */
export interface LinkReport {
  pages: number;
  /** Internal links checked (every occurrence), and how many of them carry a `#fragment`. */
  internal: number;
  anchors: number;
  dead: DeadLink[];
  /** Links to other hosts: host → URL → pages linking to it. Reported, not fetched. */
  external: Map<string, Map<string, string[]>>;
}

/** Which attributes hold a URL, per element. */
const LINK_ATTRIBUTES: Record<string, string> = {
  a: "href",
  area: "href",
  link: "href",
  script: "src",
  img: "src",
  iframe: "src",
  source: "src",
  form: "action",
};

function scan(html: string): { ids: Set<string>; links: FoundLink[] } {
  const ids = new Set<string>();
  const links: FoundLink[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      if (attributes["id"] !== undefined) ids.add(attributes["id"]);
      if (name === "a" && attributes["name"] !== undefined) ids.add(attributes["name"]);
      const attribute = LINK_ATTRIBUTES[name];
      const value = attribute ? attributes[attribute] : undefined;
      if (attribute && value !== undefined) links.push({ where: `${name}[${attribute}]`, raw: value });
      // A redirect page's <meta http-equiv="refresh" content="0;url=/target/">.
      if (name === "meta" && attributes["http-equiv"]?.toLowerCase() === "refresh") {
        const target = /url\s*=\s*(.+)$/i.exec(attributes["content"] ?? "")?.[1]?.trim();
        if (target)
          links.push({ where: "meta[http-equiv=refresh]", raw: target.replace(/^['"]|['"]$/g, "") });
      }
    },
  });
  parser.write(html);
  parser.end();
  return { ids, links };
}

/**
 * Checks every link on every page of a built site: an internal link (a path,
 * or an absolute URL on `siteOrigin`) must lead to a file the site has, and
 * its `#fragment` to an element id on that page. Links to other hosts are
 * collected, never fetched.
 */
export function checkLinks(site: BuiltSite, siteOrigin: string): LinkReport {
  const origin = new URL(siteOrigin).origin;
  const scanned = new Map(site.pages.map((page) => [page.url, scan(readFileSync(page.file, "utf8"))]));
  const report: LinkReport = {
    pages: site.pages.length,
    internal: 0,
    anchors: 0,
    dead: [],
    external: new Map(),
  };

  for (const [page, { links }] of scanned) {
    for (const { where, raw } of links) {
      const dead = (reason: string) => report.dead.push({ page, where, href: raw, reason });
      if (raw.trim() === "") {
        dead("empty link");
        continue;
      }
      let url: URL;
      try {
        url = new URL(raw, `${origin}${page}`);
      } catch {
        dead("not a URL");
        continue;
      }
      if (url.protocol === "javascript:") {
        dead("javascript: URL");
        continue;
      }
      if (url.protocol !== "http:" && url.protocol !== "https:") continue; // mailto:, data:
      if (url.origin !== origin) {
        const byUrl = report.external.get(url.host) ?? new Map<string, string[]>();
        byUrl.set(url.href, [...(byUrl.get(url.href) ?? []), page]);
        report.external.set(url.host, byUrl);
        continue;
      }
      report.internal++;
      let pathname: string;
      try {
        pathname = decodeURI(url.pathname);
      } catch {
        dead("badly encoded path");
        continue;
      }
      if (!site.urls.has(pathname)) {
        dead(`no page or file at ${pathname}`);
        continue;
      }
      if (url.hash === "" && !raw.endsWith("#")) continue;
      report.anchors++;
      const target = scanned.get(pathname);
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (!fragment) dead("empty #fragment");
      else if (!target) dead(`#${fragment} points into ${pathname}, which is not a page`);
      else if (!target.ids.has(fragment)) dead(`no element with id "${fragment}" on ${pathname}`);
    }
  }
  return report;
}
