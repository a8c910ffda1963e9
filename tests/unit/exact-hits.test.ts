import { test } from "node:test";
import assert from "node:assert/strict";
import { exactHits } from "../../src/lib/search/exact-hits.ts";
import { lookup } from "../fixtures/search-lookup.ts";
import { reduceQuery } from "../../src/lib/search/reduce-query.ts";

const urls = (query: string) => exactHits(lookup, reduceQuery(query)).map((hit) => hit.url);

test("an errno number finds its errno page first, then the errors that carry it", () => {
  assert.deepEqual(urls("111"), [
    "/errno/econnrefused/",
    "/python/connection-refused-error/",
    "/node/econnrefused/",
  ]);
  assert.deepEqual(urls("[Errno 111]"), urls("-111"));
  assert.equal(urls("WinError 10061")[0], "/errno/econnrefused/");
});

test("a number that means different errors on different systems says so", () => {
  const hits = exactHits(lookup, reduceQuery("61"));
  assert.deepEqual(
    hits.slice(0, 2).map((h) => h.why),
    [
      "61 is ENODATA on Linux (the number means different errors on different systems)",
      "61 is ECONNREFUSED on macOS (the number means different errors on different systems)",
    ],
  );
});

test("a Node.js stack finds its code page before the errno page", () => {
  const stack =
    "Error: connect ECONNREFUSED 127.0.0.1:5432\n    at x (node:net:1:1) {\n  errno: -111,\n  code: 'ECONNREFUSED'\n}";
  assert.deepEqual(urls(stack).slice(0, 2), ["/node/econnrefused/", "/errno/econnrefused/"]);
});

test("a Python traceback finds its class page through the message template", () => {
  const traceback =
    'Traceback (most recent call last):\n  File "a.py", line 1\nConnectionRefusedError: [Errno 111] Connection refused';
  assert.equal(urls(traceback)[0], "/python/connection-refused-error/");
});

test("a message with the user's own values matches its template", () => {
  assert.deepEqual(urls("Uncaught TypeError: Cannot read properties of null (reading 'addEventListener')"), [
    "/node/cannot-read-properties-of-null/",
  ]);
});

test("templates that are nearly all placeholder do not match everything", () => {
  assert.deepEqual(urls("'anything'"), []);
  assert.deepEqual(urls("KeyError: 'port'"), ["/python/key-error/"]);
});

test("codes, names and aliases in any case", () => {
  assert.equal(urls("econnrefused")[0], "/node/econnrefused/");
  assert.deepEqual(urls("2345"), ["/typescript/ts2345/"]);
  assert.equal(urls("src/a.ts(3,7): error TS2345: Argument of type 'string'…")[0], "/typescript/ts2345/");
  assert.equal(urls("Connection refused")[0], "/python/connection-refused-error/");
});

test("the most specific template wins over a generic one", () => {
  assert.deepEqual(urls("[Errno 111] Connection refused").slice(0, 2), [
    "/python/connection-refused-error/",
    "/python/os-error/",
  ]);
});

test("a message entry comes before its class page, even when the class page quotes more of it", () => {
  assert.deepEqual(urls("ValueError: invalid literal for int() with base 10: '3.0'"), [
    "/python/invalid-literal-for-int/",
    "/python/value-error/",
  ]);
});
