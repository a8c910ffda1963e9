/**
 * The report and edit links, built for real: the base fixture built with
 * `ERRDEX_REPO_URL` has both on every entry page and `check:links` accepts
 * them; built without a repository setting (this project's package.json
 * has no `repository`), no page has either.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { Parser } from "htmlparser2";
import { buildFixture } from "../support/fixture-build.ts";

const REPO = "https://github.com/example/errdex";
const ENTRIES = ["python/key-error", "node/enoent"];
const OTHER_PAGES = ["index.html", "python/index.html", "errno/enoent/index.html"];
const work = mkdtempSync(path.join(tmpdir(), "errdex-repo-links-"));
after(() => rmSync(work, { recursive: true, force: true }));

/** Every link on a built page: its href and its text. */
function links(file: string): { href: string; text: string }[] {
  const found: { href: string; text: string }[] = [];
  let open: { href: string; text: string } | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === "a" && attributes["href"] !== undefined) open = { href: attributes["href"], text: "" };
    },
    ontext(text) {
      if (open) open.text += text;
    },
    onclosetag(name) {
      if (name === "a" && open) {
        found.push({ href: open.href, text: open.text.trim() });
        open = undefined;
      }
    },
  });
  parser.write(readFileSync(file, "utf8"));
  parser.end();
  return found;
}

const byText = (file: string, text: string) => links(file).filter((link) => link.text === text);

function checkLinks(dist: string, env: Record<string, string>) {
  return spawnSync(process.execPath, ["src/built-site/check-links.ts", dist], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
}

test("with ERRDEX_REPO_URL, every entry page links to a prefilled new issue and to its source file", async () => {
  const build = await buildFixture(work, "base", {
    name: "with-repo",
    env: { ERRDEX_REPO_URL: REPO },
    // A recording, so the report names the versions the page was verified with.
    prepare: (content) =>
      writeFileSync(
        path.join(content, "errors/python/key-error.verified.json"),
        JSON.stringify({
          verifiedWith: {
            python: "3.12.3",
            node: "24.21.0",
            typescript: "6.0.3",
            os: "Linux",
            date: "2026-11-20",
          },
          snippets: [],
        }),
      ),
  });
  assert.equal(build.code, 0, build.output);

  for (const id of ENTRIES) {
    const page = path.join(build.outDir, id, "index.html");
    const [report, ...moreReports] = byText(page, "Report a problem with this page");
    assert.ok(report, `${id}: a report link`);
    assert.equal(moreReports.length, 0, `${id}: one report link`);
    const url = new URL(report.href);
    assert.equal(`${url.origin}${url.pathname}`, `${REPO}/issues/new`);
    assert.ok(url.searchParams.get("title")?.includes(id), `${id}: the id in the title`);
    const body = url.searchParams.get("body") ?? "";
    assert.ok(body.includes(`Page: ${id}`), body);
    assert.ok(body.includes(`URL: https://errdex.dev/${id}/`), body);

    assert.deepEqual(
      byText(page, "Edit this page").map((link) => link.href),
      [`${REPO}/edit/main/content/errors/${id}.mdx`],
    );
  }
  const python = byText(
    path.join(build.outDir, "python/key-error/index.html"),
    "Report a problem with this page",
  );
  assert.match(
    new URL(python[0]!.href).searchParams.get("body") ?? "",
    /^Verified with: Python 3\.12\.3 on Linux, 2026-11-20$/m,
  );
  for (const other of OTHER_PAGES) {
    assert.deepEqual(byText(path.join(build.outDir, other), "Edit this page"), [], other);
  }

  // check:links allows the configured repository's two links, and only when it is configured.
  const allowed = checkLinks(build.outDir, { ERRDEX_REPO_URL: REPO });
  assert.equal(allowed.status, 0, allowed.stdout + allowed.stderr);
  const other = checkLinks(build.outDir, { ERRDEX_REPO_URL: "https://github.com/someone/else" });
  assert.equal(other.status, 1, other.stdout);
  assert.match(other.stdout, /not on an official documentation host/);
  assert.ok(other.stdout.includes(`${REPO}/edit/main/content/errors/node/enoent.mdx`), other.stdout);
});

test("without a repository setting, no page has a report or edit link", async () => {
  const build = await buildFixture(work, "base", { name: "without-repo", env: { ERRDEX_REPO_URL: "" } });
  assert.equal(build.code, 0, build.output);
  for (const file of [...ENTRIES.map((id) => `${id}/index.html`), ...OTHER_PAGES]) {
    const page = path.join(build.outDir, file);
    assert.deepEqual(byText(page, "Report a problem with this page"), [], file);
    assert.deepEqual(byText(page, "Edit this page"), [], file);
    assert.ok(!readFileSync(page, "utf8").includes("github.com"), `${file}: no repository URL at all`);
  }
});
