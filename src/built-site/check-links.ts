/**
 * `npm run check:links`: every internal link and `#anchor` on every page of
 * the built site must resolve (the build runs the same check and stops on a
 * dead one). Links to other hosts, the entries' sources among them, are
 * listed by host and never fetched; any not on an official documentation
 * host is named. The configured repository (REPO_URL) is allowed for the
 * two links entry pages make to it, a new issue and an edit of an entry
 * file, and for nothing else.
 *
 *   npm run check:links [-- <folder>] [--report <file.json>]
 */
import { writeFileSync } from "node:fs";
import { readBuiltSite } from "./built-pages.ts";
import { checkLinks } from "./links.ts";
import { isOfficialSource } from "../entry/schema.ts";
import { isRepositoryLink } from "../lib/repo-links.ts";
import { REPO_URL, SITE_URL } from "../lib/site.ts";

const args = process.argv.slice(2);
const at = args.indexOf("--report");
const reportFile = at >= 0 ? args.splice(at, 2)[1] : undefined;
const dir = args[0] ?? "dist";

const site = readBuiltSite(dir);
if (site.pages.length === 0) {
  console.error(`check:links: no HTML pages in ${dir}; run npm run build first`);
  process.exit(1);
}
const report = checkLinks(site, SITE_URL);

for (const dead of report.dead) {
  console.error(`${dead.page}: ${dead.where} "${dead.href}": ${dead.reason}`);
}
console.log(
  `check:links: ${report.pages} pages, ${report.internal} internal links (${report.anchors} with #anchors), ${report.dead.length} dead`,
);

const hosts = [...report.external].sort(([a], [b]) => a.localeCompare(b));
const total = hosts.reduce((sum, [, urls]) => sum + urls.size, 0);
console.log(`check:links: ${total} distinct external links on ${hosts.length} hosts (not fetched):`);
const unofficial: string[] = [];
for (const [host, urls] of hosts) {
  const links = [...urls.values()].reduce((sum, pages) => sum + pages.length, 0);
  console.log(`  ${host}: ${urls.size} URLs, ${links} links`);
  for (const url of urls.keys()) {
    if (!isOfficialSource(url) && !isRepositoryLink(url, REPO_URL)) unofficial.push(url);
  }
}
if (unofficial.length > 0) {
  console.log(`check:links: ${unofficial.length} external URL(s) not on an official documentation host:`);
  for (const url of unofficial)
    console.log(`  ${url}  (on ${report.external.get(new URL(url).host)?.get(url)?.join(", ")})`);
} else {
  const also = REPO_URL ? ` or is a report or edit link to ${REPO_URL}` : "";
  console.log(`check:links: every external link is on an official documentation host${also}`);
}
if (reportFile) {
  const json = Object.fromEntries(hosts.map(([host, urls]) => [host, Object.fromEntries(urls)]));
  writeFileSync(reportFile, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`check:links: external links written to ${reportFile}`);
}
process.exit(report.dead.length > 0 || unofficial.length > 0 ? 1 : 0);
