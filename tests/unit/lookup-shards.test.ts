import { test } from "node:test";
import assert from "node:assert/strict";
import { exactHits, type SearchLookup } from "../../src/search/exact-hits.ts";
import { bucketsFor, mergeShards, shardLookup } from "../../src/search/lookup-shards.ts";
import { readPaste } from "../../src/search/paste.ts";
import { anchorCandidates } from "../../src/search/template-anchors.ts";
import { entry, lookup } from "../fixtures/search-lookup.ts";

/** What a browser gets: the exact answers from only the buckets the query asks for. */
function shardedHits(full: SearchLookup, query: string, perBucket?: number) {
  const { index, shards } = shardLookup(full, perBucket);
  const reduced = readPaste(query);
  const fetched = bucketsFor(reduced, index);
  return {
    hits: exactHits(
      mergeShards(
        index,
        fetched.map((b) => shards[b]!),
      ),
      reduced,
    ),
    fetched,
    index,
  };
}

test("an anchor word is one no placeholder can run into", () => {
  assert.deepEqual(anchorCandidates("[Errno {errno}] Connection refused"), [
    "errno",
    "connection",
    "refused",
  ]);
  assert.deepEqual(anchorCandidates("connect ECONNREFUSED {address}:{port}"), ["connect", "econnrefused"]);
  // `base` touches a placeholder: the message could read `base16`.
  assert.deepEqual(anchorCandidates("invalid literal for int() with base{base}"), [
    "invalid",
    "literal",
    "for",
    "int",
    "with",
  ]);
  assert.deepEqual(anchorCandidates("{value}"), []);
});

const QUERIES = [
  "111",
  "-111",
  "[Errno 111]",
  "WinError 10061",
  "61",
  "2345",
  "econnrefused",
  "ECONNREFUSED",
  "Connection refused",
  "KeyError: 'port'",
  "'anything'",
  "Error: connect ECONNREFUSED 127.0.0.1:5432\n    at x (node:net:1:1) {\n  errno: -111,\n  code: 'ECONNREFUSED'\n}",
  'Traceback (most recent call last):\n  File "a.py", line 1\nConnectionRefusedError: [Errno 111] Connection refused',
  "Uncaught TypeError: Cannot read properties of null (reading 'addEventListener')",
  "ValueError: invalid literal for int() with base 10: 'x'",
  "src/a.ts(3,7): error TS2345: Argument of type 'string'…",
];

test("the buckets a query fetches give the same answers as the whole lookup", () => {
  for (const query of QUERIES) {
    // One entry per bucket at most, so a missing bucket would show.
    const { hits } = shardedHits(lookup, query, 1);
    assert.deepEqual(hits, exactHits(lookup, readPaste(query)), query);
  }
});

test("at 2,000 entries a message fetches a bucket or so per word of it and still finds its entry first", () => {
  const verbs = ["parse", "resolve", "read", "write", "decode", "encode", "flush", "load"];
  const nouns = ["config", "socket", "record", "schema", "payload", "header", "queue", "cache"];
  const many: SearchLookup = {
    entries: Array.from({ length: 2000 }, (_, i) => {
      const id = `n${String(i).padStart(5, "0")}`;
      const noun = nouns[i % nouns.length]!;
      const verb = verbs[Math.floor(i / nouns.length) % verbs.length]!;
      return entry(`/node/${noun}-${id}/`, {
        title: `${noun} ${id} could not ${verb}`,
        language: "Node.js",
        kind: "message",
        className: "Error",
        names: [`${noun} ${id} could not ${verb}`],
        templates: [`${noun} ${id} could not ${verb} '{name}'`],
      });
    }),
    errno: lookup.errno,
  };
  for (const i of [0, 7, 999, 1999]) {
    const target = many.entries[i]!;
    const query = `Error: ${target.templates[0]!.replace("{name}", "thing")}\n    at main (file:///app.js:1:1)`;
    const { hits, fetched, index } = shardedHits(many, query);
    assert.equal(hits[0]?.url, target.url, query);
    assert.deepEqual(hits, exactHits(many, readPaste(query)), query);
    assert.ok(fetched.length <= 16, `${fetched.length} of ${index.buckets} buckets for ${query}`);
  }
});
