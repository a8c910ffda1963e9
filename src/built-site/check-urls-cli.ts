/**
 * `npm run check:urls`: after a build, checks that every URL in
 * tests/published-urls.txt still resolves in `dist/` (a page, or an alias
 * that redirects to one) and exits 1 naming each one that does not. Built
 * URLs missing from the list are reported; `--update` adds them (it never
 * removes a line: a published URL is published for good).
 *
 *   npm run check:urls
 *   npm run check:urls -- --update
 *   npm run check:urls -- --dist some/dist --list some/list.txt
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { checkPublishedUrls, PUBLISHED_URLS_FILE, readUrlList, sortUrls } from "./published-urls.ts";

const { values } = parseArgs({
  options: {
    update: { type: "boolean", default: false },
    dist: { type: "string", default: "dist" },
    list: { type: "string", default: PUBLISHED_URLS_FILE },
  },
});

const dist = path.resolve(values.dist);
const listFile = path.resolve(values.list);
const listed = readUrlList(listFile);
const { broken, unlisted } = checkPublishedUrls(dist, listed);
const shownList = path.relative(process.cwd(), listFile);

if (unlisted.length > 0) {
  if (values.update) {
    writeFileSync(listFile, `${sortUrls([...listed, ...unlisted]).join("\n")}\n`);
    console.log(`check:urls: added ${unlisted.length} new URL(s) to ${shownList}.`);
  } else {
    console.log(`check:urls: ${unlisted.length} built URL(s) are not in ${shownList} yet:`);
    for (const url of unlisted) console.log(`  ${url}`);
    console.log("Once they are published, add them with: npm run check:urls -- --update");
  }
}
if (broken.length > 0) {
  console.error(`check:urls: ${broken.length} published URL(s) no longer resolve:`);
  for (const { url, reason } of broken) console.error(`  ${url}  (${reason})`);
  console.error(
    "A published URL must keep working: restore the page, or add an alias (src/catalogue/urls.ts) that redirects it.",
  );
  process.exit(1);
}
const count = values.update ? listed.length + unlisted.length : listed.length;
console.log(
  `check:urls: all ${count} published URLs resolve in ${path.relative(process.cwd(), dist) || "."}.`,
);
