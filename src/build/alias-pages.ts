import { readFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { Parser } from "htmlparser2";
import { API_ALIASES_URL } from "../catalogue/urls.ts";
import { SITE_URL } from "../lib/site.ts";

/**
 * The redirect page at every alias path (`/python/ConnectionRefusedError/`,
 * `/errno/111/`, `/typescript/TS2589/`), so a link typed or pasted in another
 * spelling lands on the canonical page. It works without JavaScript: a meta
 * refresh, a visible link, a canonical link for crawlers, and `noindex`;
 * with it, `/alias-redirect.js` forwards the `#fragment` too, which a meta
 * refresh drops. It carries its target's title, description, Open Graph
 * tags and Content-Security-Policy, copied from the target's built page,
 * since link previews in chat and ticket tools do not follow a meta refresh.
 *
 * `npm run build` writes them after `astro build`, from the alias table the
 * build published at `/api/aliases.json` (src/catalogue/aliases.ts makes it).
 * Written by hand because they are 5,300 of the site's 8,400 pages, all one
 * line of HTML apart: rendered by Astro they took 6.7 s of a 30 s build, and
 * every integration after it read them again; written here, under a second.
 */
export async function writeAliasPages(site: string): Promise<number> {
  const table = JSON.parse(await readFile(path.join(site, API_ALIASES_URL), "utf8")) as {
    aliases: Record<string, string>;
  };
  const heads = new Map<string, TargetHead>();
  const pages = Object.entries(table.aliases).map(([alias, target]) => {
    let head = heads.get(target);
    if (!head) {
      head = targetHead(site, alias, target);
      heads.set(target, head);
    }
    return { alias, html: aliasPage(alias, target, head) };
  });
  // A few at a time: each is a folder and a file, and the file system
  // does them faster side by side than one after another.
  for (let next = 0; next < pages.length; next += WRITE_BATCH) {
    await Promise.all(
      pages.slice(next, next + WRITE_BATCH).map(({ alias, html }) => writeAliasPage(site, alias, html)),
    );
  }
  return pages.length;
}

const WRITE_BATCH = 32;

async function writeAliasPage(site: string, alias: string, html: string): Promise<void> {
  const dir = path.join(site, alias);
  await mkdir(dir, { recursive: true });
  try {
    // "wx": an alias never replaces a page; on a case-insensitive file
    // system /errno/ECONNREFUSED/ would be /errno/econnrefused/.
    await writeFile(path.join(dir, "index.html"), html, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    throw new Error(
      `${API_ALIASES_URL}: the alias ${alias} would overwrite the page built at that address; ` +
        "two URLs that differ only in case need a case-sensitive file system, and no alias may be a page's URL",
      { cause: error },
    );
  }
}

/** What an alias page takes from its target's built page. */
interface TargetHead {
  /** The target page's head tags an alias page repeats, as written there. */
  tags: string[];
  /** The page's name, for the visible link (its og:title). */
  name: string;
}

/** The head tags an alias page copies: charset, viewport, colour scheme, policy, title, description, previews. */
function copied(name: string, attributes: Record<string, string>): boolean {
  if (name === "title") return true;
  if (name !== "meta") return false;
  const key = (attributes["name"] ?? attributes["property"] ?? attributes["http-equiv"] ?? "").toLowerCase();
  return (
    "charset" in attributes ||
    ["viewport", "color-scheme", "description", "content-security-policy"].includes(key) ||
    key.startsWith("og:") ||
    key.startsWith("twitter:")
  );
}

function targetHead(site: string, alias: string, target: string): TargetHead {
  const file = path.join(site, target, "index.html");
  let html: string;
  try {
    html = readFileSync(file, "utf8");
  } catch {
    throw new Error(`${API_ALIASES_URL}: the alias ${alias} leads to ${target}, which is no page`);
  }
  const tags: string[] = [];
  let name = target;
  let titleStart = -1;
  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        if (!copied(tag, attributes)) return;
        if (tag === "title") titleStart = parser.startIndex;
        else tags.push(html.slice(parser.startIndex, parser.endIndex + 1));
        if (attributes["property"] === "og:title" && attributes["content"]) name = attributes["content"];
      },
      onclosetag(tag) {
        if (tag === "title" && titleStart >= 0) tags.push(html.slice(titleStart, parser.endIndex + 1));
        if (tag === "head") parser.pause();
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return { tags, name };
}

/** Text or an attribute value as HTML. */
function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!,
  );
}

function aliasPage(alias: string, target: string, head: TargetHead): string {
  const to = escapeHtml(target);
  return [
    `<!DOCTYPE html><html lang="en" data-alias-target="${to}"><head>`,
    ...head.tags,
    `<meta http-equiv="refresh" content="0; url=${to}">`,
    `<meta name="robots" content="noindex">`,
    `<link rel="canonical" href="${escapeHtml(new URL(target, SITE_URL).href)}">`,
    `</head><body>`,
    `<p><code>${escapeHtml(alias)}</code> is another address for <a href="${to}">${escapeHtml(head.name)}</a>.</p>`,
    `<script src="/alias-redirect.js"></script>`,
    `</body></html>`,
    "",
  ].join("\n");
}
