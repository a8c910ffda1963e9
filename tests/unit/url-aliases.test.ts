import { test } from "node:test";
import assert from "node:assert/strict";
import {
  aliasTable,
  entryAliasPaths,
  errnoAliasPaths,
  type AliasEntry,
} from "../../src/catalogue/aliases.ts";

const refused: AliasEntry = {
  language: "python",
  slug: "connection-refused-error",
  filePath: "content/errors/python/connection-refused-error.mdx",
  title: "ConnectionRefusedError",
  kind: "exception",
};
const moduleNotFound: AliasEntry = {
  language: "node",
  slug: "err-module-not-found",
  filePath: "content/errors/node/err-module-not-found.mdx",
  title: "ERR_MODULE_NOT_FOUND",
  kind: "error-code",
  code: "ERR_MODULE_NOT_FOUND",
};
const econnrefused: AliasEntry = {
  language: "node",
  slug: "econnrefused",
  filePath: "content/errors/node/econnrefused.mdx",
  title: "ECONNREFUSED",
  kind: "system-error",
  code: "ECONNREFUSED",
};
const ts2322: AliasEntry = {
  language: "typescript",
  slug: "ts2322",
  filePath: "content/errors/typescript/ts2322.mdx",
  title: "TS2322",
  kind: "diagnostic",
  code: "TS2322",
};

test("a Python class is an alias as typed and lowercased", () => {
  assert.deepEqual(entryAliasPaths(refused), [
    "/python/ConnectionRefusedError/",
    "/python/connectionrefusederror/",
  ]);
});

test("a code is an alias as written and lowercased, never repeating the canonical URL", () => {
  assert.deepEqual(entryAliasPaths(moduleNotFound), [
    "/node/ERR_MODULE_NOT_FOUND/",
    "/node/err_module_not_found/",
  ]);
  assert.deepEqual(entryAliasPaths(econnrefused), ["/node/ECONNREFUSED/"]);
});

test("a TypeScript diagnostic is an alias with its prefix and by number", () => {
  assert.deepEqual(entryAliasPaths(ts2322), ["/typescript/TS2322/", "/typescript/2322/"]);
});

test("a message entry has no alias", () => {
  assert.deepEqual(
    entryAliasPaths({
      ...refused,
      slug: "list-index-out-of-range",
      title: "list index out of range",
      kind: "message",
    }),
    [],
  );
});

test("an errno name is an alias in upper case, and its Linux number unless it is a synonym", () => {
  assert.deepEqual(errnoAliasPaths({ name: "ECONNREFUSED", linux: 111 }), [
    "/errno/ECONNREFUSED/",
    "/errno/111/",
  ]);
  assert.deepEqual(errnoAliasPaths({ name: "EWOULDBLOCK", linux: 11, synonymOf: "EAGAIN" }), [
    "/errno/EWOULDBLOCK/",
  ]);
});

test("the table collects every alias with its target, sorted", () => {
  const { aliases, problems } = aliasTable([refused, ts2322], [{ name: "ECONNREFUSED", linux: 111 }]);
  assert.deepEqual(problems, []);
  assert.deepEqual(
    aliases.map((alias) => [alias.path, alias.target]),
    [
      ["/errno/111/", "/errno/econnrefused/"],
      ["/errno/ECONNREFUSED/", "/errno/econnrefused/"],
      ["/python/ConnectionRefusedError/", "/python/connection-refused-error/"],
      ["/python/connectionrefusederror/", "/python/connection-refused-error/"],
      ["/typescript/2322/", "/typescript/ts2322/"],
      ["/typescript/TS2322/", "/typescript/ts2322/"],
    ],
  );
});

test("an alias that is another entry's page stops the build naming both files", () => {
  // A page whose slug is another class name lowercased.
  const clash: AliasEntry = {
    language: "python",
    slug: "connectionrefusederror",
    filePath: "content/errors/python/connectionrefusederror.mdx",
    title: "connection refused error",
    kind: "message",
  };
  const { problems } = aliasTable([refused, clash], []);
  assert.deepEqual(problems, [
    "/python/ConnectionRefusedError/ (alias from content/errors/python/connection-refused-error.mdx) differs only in case from /python/connectionrefusederror/, a page of content/errors/python/connectionrefusederror.mdx",
    "/python/connectionrefusederror/ is a page of content/errors/python/connectionrefusederror.mdx and an alias from content/errors/python/connection-refused-error.mdx",
  ]);
});

test("two names with one Linux number clash on /errno/<n>/ until one is marked a synonym", () => {
  const { problems } = aliasTable(
    [],
    [
      { name: "EAGAIN", linux: 11 },
      { name: "EWOULDBLOCK", linux: 11 },
    ],
  );
  assert.equal(problems.length, 1);
  assert.match(
    problems[0]!,
    /\/errno\/11\/ is an alias from both content\/errno\.yaml \(EAGAIN\).*\(EWOULDBLOCK\)/,
  );
  const fixed = aliasTable(
    [],
    [
      { name: "EAGAIN", linux: 11 },
      { name: "EWOULDBLOCK", linux: 11, synonymOf: "EAGAIN" },
    ],
  );
  assert.deepEqual(fixed.problems, []);
  assert.equal(fixed.aliases.find((alias) => alias.path === "/errno/11/")?.target, "/errno/eagain/");
});

test("a synonym must name a row with the same number", () => {
  const { problems } = aliasTable([], [{ name: "EWOULDBLOCK", linux: 11, synonymOf: "EAGAIN" }]);
  assert.match(problems[0]!, /EWOULDBLOCK\): synonymOf: no errno "EAGAIN"/);
});

test("an alias equal to another page's URL ignoring case is a clash; equal to its own page it is kept", () => {
  const lower: AliasEntry = { ...econnrefused, slug: "err-x", title: "ERR_X", code: "ERR_X" };
  const page: AliasEntry = {
    ...lower,
    slug: "err_x",
    filePath: "content/errors/node/err_x.mdx",
    kind: "message",
  };
  const { problems } = aliasTable([lower, page], []);
  assert.ok(problems.some((p) => /\/node\/ERR_X\/ .*differs only in case from \/node\/err_x\//.test(p)));
  assert.deepEqual(aliasTable([econnrefused], []).problems, []);
});
