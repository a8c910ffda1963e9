import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { builtUrls, checkPublishedUrls } from "../../src/built-site/published-urls.ts";

/** A small built site: a page, an alias redirecting to it, an API file and a 404. */
function fixtureDist(): string {
  const dist = mkdtempSync(path.join(tmpdir(), "errdex-urls-"));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    writeFileSync(path.join(dist, file), text);
  };
  write("index.html", "<!doctype html><title>home</title>");
  write("python/key-error/index.html", "<!doctype html><title>KeyError</title>");
  write(
    "python/KeyError/index.html",
    '<!doctype html><meta http-equiv="refresh" content="0; url=/python/key-error/"><a href="/python/key-error/">KeyError</a>',
  );
  write("api/errors.json", "{}");
  write("404.html", "<!doctype html><title>not found</title>");
  write("_astro/x.css", "");
  return dist;
}

const CLI = path.resolve("src/built-site/check-urls-cli.ts");

test("the built URLs are the pages, the aliases and the API files, sorted", () => {
  const dist = fixtureDist();
  assert.deepEqual(builtUrls(dist), ["/", "/api/errors.json", "/python/KeyError/", "/python/key-error/"]);
  rmSync(dist, { recursive: true });
});

test("every listed URL resolving passes; a removed page fails, and so does the alias leading to it", () => {
  const dist = fixtureDist();
  const listed = builtUrls(dist);
  assert.deepEqual(checkPublishedUrls(dist, listed), { broken: [], unlisted: [] });
  rmSync(path.join(dist, "python/key-error"), { recursive: true });
  assert.deepEqual(checkPublishedUrls(dist, listed).broken, [
    { url: "/python/KeyError/", reason: "redirects to /python/key-error/, which is not in the build" },
    { url: "/python/key-error/", reason: "no python/key-error/index.html in the build" },
  ]);
  rmSync(dist, { recursive: true });
});

test("the command exits 1 naming the missing URL, reports new ones, and --update adds without removing", () => {
  const dist = fixtureDist();
  const list = path.join(dist, "..", `${path.basename(dist)}-urls.txt`);
  writeFileSync(list, "/\n/python/gone/\n");
  const failed = spawnSync(process.execPath, [CLI, "--dist", dist, "--list", list], { encoding: "utf8" });
  assert.equal(failed.status, 1);
  assert.match(
    failed.stderr,
    /1 published URL\(s\) no longer resolve:\n {2}\/python\/gone\/ {2}\(no python\/gone\/index\.html/,
  );
  assert.match(
    failed.stdout,
    /3 built URL\(s\) are not in .* yet:\n {2}\/api\/errors\.json\n {2}\/python\/KeyError\/\n {2}\/python\/key-error\//,
  );

  spawnSync(process.execPath, [CLI, "--dist", dist, "--list", list, "--update"]);
  assert.equal(
    readFileSync(list, "utf8"),
    "/\n/api/errors.json\n/python/KeyError/\n/python/gone/\n/python/key-error/\n",
    "--update adds the new URLs and keeps the one that no longer resolves",
  );
  writeFileSync(list, "/\n/python/key-error/\n");
  const ok = execFileSync(process.execPath, [CLI, "--dist", dist, "--list", list], { encoding: "utf8" });
  assert.match(ok, /all 2 published URLs resolve/);
  rmSync(dist, { recursive: true });
  rmSync(list);
});
