import assert from "node:assert/strict";
import { test } from "node:test";
import { editPageUrl, isRepositoryLink, reportProblemUrl } from "../../src/lib/repo-links.ts";
import { repositoryUrl } from "../../src/lib/site.ts";

const REPO = "https://github.com/example/errdex";

test("no setting at all means no repository, so no links", () => {
  assert.equal(repositoryUrl(undefined, undefined), undefined);
  assert.equal(repositoryUrl("", undefined), undefined);
  assert.equal(repositoryUrl("   ", null), undefined);
});

test("package.json's repository, as a string or { url }, in every form npm accepts", () => {
  for (const form of [
    REPO,
    `${REPO}/`,
    `${REPO}.git`,
    `git+${REPO}.git`,
    "git+ssh://git@github.com/example/errdex.git",
    "git@github.com:example/errdex.git",
    "github:example/errdex",
    "example/errdex",
  ]) {
    assert.equal(repositoryUrl(undefined, form), REPO, form);
    assert.equal(repositoryUrl(undefined, { type: "git", url: form }), REPO, `{ url: ${form} }`);
  }
  assert.equal(
    repositoryUrl(undefined, "https://git.example.org/team/errdex"),
    "https://git.example.org/team/errdex",
  );
});

test("ERRDEX_REPO_URL overrides package.json when set", () => {
  assert.equal(
    repositoryUrl("https://github.com/fork/errdex", { url: REPO }),
    "https://github.com/fork/errdex",
  );
  assert.equal(repositoryUrl("", { url: REPO }), REPO, "an empty variable is no setting");
});

test("a setting that is not a repository URL stops the build, naming the setting", () => {
  assert.throws(
    () => repositoryUrl("errdex", undefined),
    /ERRDEX_REPO_URL: "errdex" is not a repository URL/,
  );
  assert.throws(() => repositoryUrl("http://github.com/example/errdex", undefined), /ERRDEX_REPO_URL/);
  assert.throws(() => repositoryUrl(`${REPO}/issues`, undefined), /ERRDEX_REPO_URL/);
  assert.throws(() => repositoryUrl(`${REPO}?tab=readme`, undefined), /ERRDEX_REPO_URL/);
  assert.throws(() => repositoryUrl(undefined, "not a url at all"), /package\.json "repository"/);
  assert.throws(() => repositoryUrl(undefined, { type: "git" }), /"repository" must be a URL string or/);
});

test("the report link opens a new issue with the page's id, URL and versions filled in", () => {
  const href = reportProblemUrl(REPO, {
    id: "python/key-error",
    url: "https://errdex.dev/python/key-error/",
    title: "KeyError",
    language: "python",
    verifiedWith: "Python 3.12.3 on Linux, 2026-11-20",
  });
  const url = new URL(href);
  assert.equal(`${url.origin}${url.pathname}`, `${REPO}/issues/new`);
  assert.match(url.searchParams.get("title") ?? "", /^python\/key-error: /);
  const body = url.searchParams.get("body") ?? "";
  assert.match(body, /^Page: python\/key-error$/m);
  assert.match(body, /^URL: https:\/\/errdex\.dev\/python\/key-error\/$/m);
  assert.match(body, /^Verified with: Python 3\.12\.3 on Linux, 2026-11-20$/m);
  assert.match(body, /python3 --version/);
  const unverified = reportProblemUrl(REPO, {
    id: "node/enoent",
    url: "https://errdex.dev/node/enoent/",
    title: "ENOENT",
    language: "node",
    verifiedWith: undefined,
  });
  assert.match(new URL(unverified).searchParams.get("body") ?? "", /^Verified with: not verified yet$/m);
});

test("the edit link opens the entry's source file", () => {
  assert.equal(
    editPageUrl(REPO, "typescript", "ts2322"),
    `${REPO}/edit/main/content/errors/typescript/ts2322.mdx`,
  );
});

test("the link check allows exactly those two links on the configured repository", () => {
  const report = reportProblemUrl(REPO, {
    id: "node/enoent",
    url: "https://errdex.dev/node/enoent/",
    title: "ENOENT",
    language: "node",
    verifiedWith: undefined,
  });
  const edit = editPageUrl(REPO, "node", "enoent");
  assert.ok(isRepositoryLink(report, REPO));
  assert.ok(isRepositoryLink(edit, REPO));
  // No repository configured, or another one: not allowed.
  assert.ok(!isRepositoryLink(report, undefined));
  assert.ok(!isRepositoryLink(edit, "https://github.com/example/other"));
  // Anything else on the same host stays unofficial.
  for (const other of [
    "https://github.com/example/errdex",
    "https://github.com/example/errdex/issues",
    "https://github.com/example/errdex/blob/main/README.md",
    "https://github.com/example/errdex/edit/main/package.json",
    "https://github.com/example/errdex/edit/main/content/errors/node/enoent.mdx?x=1",
    "https://github.com/example/errdex-evil/issues/new",
    "https://github.com/someone/else",
    "https://gist.github.com/example/errdex/issues/new",
  ]) {
    assert.ok(!isRepositoryLink(other, REPO), other);
  }
});
