import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { readBuiltSite } from "../../src/built-site/built-pages.ts";
import { cspProblems } from "../../src/built-site/csp.ts";
import { checkLinks } from "../../src/built-site/links.ts";
import { entryFromUrl, entryUrl } from "../../src/catalogue/urls.ts";

const ORIGIN = "https://errdex.dev";
const site = mkdtempSync(path.join(tmpdir(), "errdex-site-checks-"));
after(() => rmSync(site, { recursive: true, force: true }));

function page(file: string, body: string): void {
  mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
  writeFileSync(path.join(site, file), `<!doctype html><html><head></head><body>${body}</body></html>`);
}

page("index.html", `<a href="/python/key-error/#fix">fix</a> <a href="#top" id="top">top</a>`);
page(
  "python/key-error/index.html",
  [
    `<h2 id="fix">Fix</h2>`,
    `<a href="/python/">up</a>`,
    `<a href="/python/index-error/">dead page</a>`,
    `<a href="/python/key-error/#fixx">dead anchor</a>`,
    `<a href="/python">no trailing slash</a>`,
    `<a href="https://errdex.dev/python/key-error/#fix">absolute, same site</a>`,
    `<a href="https://docs.python.org/3/library/exceptions.html#KeyError">source</a>`,
    `<a href="javascript:alert(1)">script</a>`,
    `<img src="/missing.png" alt="">`,
    `<a href="mailto:someone@example.com">mail</a>`,
  ].join(""),
);
page("python/index.html", `<meta http-equiv="refresh" content="0;url=/python/key-error/">`);
writeFileSync(path.join(site, "404.html"), "<!doctype html><title>404</title>");

test("the site listing serves directories as their index.html", () => {
  const built = readBuiltSite(site);
  assert.deepEqual(
    built.pages.map((p) => p.url),
    ["/", "/404.html", "/python/", "/python/key-error/"],
  );
});

test("every dead internal link and #anchor is found, with its page; other hosts are only listed", () => {
  const report = checkLinks(readBuiltSite(site), ORIGIN);
  assert.deepEqual(
    report.dead.map((d) => `${d.page} ${d.where} ${d.href}: ${d.reason}`),
    [
      "/python/key-error/ a[href] /python/index-error/: no page or file at /python/index-error/",
      '/python/key-error/ a[href] /python/key-error/#fixx: no element with id "fixx" on /python/key-error/',
      "/python/key-error/ a[href] /python: no page or file at /python",
      "/python/key-error/ a[href] javascript:alert(1): javascript: URL",
      "/python/key-error/ img[src] /missing.png: no page or file at /missing.png",
    ],
  );
  // 2 on /, 6 internal on the entry (the javascript: link is not one), 1 redirect.
  assert.equal(report.internal, 9);
  assert.equal(report.anchors, 4);
  assert.deepEqual([...report.external.keys()], ["docs.python.org"]);
});

test("a page's CSP must be one meta in head whose policy allows no inline script or style", () => {
  const html = (policy: string) =>
    `<html><head><meta http-equiv="Content-Security-Policy" content="${policy}"></head><body></body></html>`;
  assert.deepEqual(cspProblems(html("default-src 'self'; script-src 'self' 'sha256-abc'")), []);
  assert.deepEqual(cspProblems(html("default-src 'self'; script-src 'self' 'unsafe-inline'")), [
    "script-src allows 'unsafe-inline'",
  ]);
  assert.deepEqual(cspProblems(html("default-src 'self' 'unsafe-inline'")), [
    "script-src allows 'unsafe-inline'",
    "style-src allows 'unsafe-inline'",
  ]);
  assert.deepEqual(cspProblems(html("default-src 'self'; style-src 'self' 'unsafe-inline'")), [
    "style-src allows 'unsafe-inline'",
  ]);
  // The first of two script-src directives is the one browsers apply.
  assert.deepEqual(cspProblems(html("script-src 'unsafe-inline'; script-src 'self'; style-src 'self'")), [
    "script-src allows 'unsafe-inline'",
  ]);
  assert.deepEqual(cspProblems(html("img-src 'self'")), [
    "no script-src or default-src: any script may run",
    "no style-src or default-src: any style may apply",
  ]);
  assert.deepEqual(cspProblems("<html><head></head><body></body></html>"), [
    "expected one CSP <meta> in <head>, found 0",
  ]);
});

test("a page URL maps back to its entry, and only an entry's does", () => {
  assert.deepEqual(entryFromUrl(entryUrl("python", "key-error")), { language: "python", slug: "key-error" });
  assert.equal(entryFromUrl("/python/"), undefined);
  assert.equal(entryFromUrl("/errno/enoent/"), undefined);
  assert.equal(entryFromUrl("/python/key-error/extra/"), undefined);
});

test("a page title fits in 70 characters and still starts with the error", async () => {
  const { documentTitle } = await import("../../src/lib/site.ts");
  assert.equal(documentTitle("KeyError (Python)"), "KeyError (Python) — errdex");
  const long = documentTitle(
    "cannot import name '{name}' from partially initialized module '{module}' (most likely due to a circular import) (Python)",
  );
  assert.ok(long.length <= 70, long);
  assert.match(long, /^cannot import name '\{name\}' from partially .*…$/);
  assert.equal(documentTitle("errdex"), "errdex");
  // Counted as the HTML writes it: each " is &quot;.
  const quoted = documentTitle('can only concatenate str (not "{type}") to str (Python)');
  assert.equal(quoted, 'can only concatenate str (not "{type}") to str (Python)');
});
