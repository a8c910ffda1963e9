import { test } from "node:test";
import assert from "node:assert/strict";
import { entrySchema, isOfficialSource } from "../../src/entry/schema.ts";
import { errnoSchema } from "../../src/catalogue/errno-schema.ts";

/** A complete, valid front matter to vary one field at a time. */
const valid = {
  title: "KeyError",
  summary: "Raised when a mapping is asked for a key it does not contain.",
  kind: "exception",
  category: "lookup",
  risk: { level: "medium", note: "A missing key in parsed input crashes the request that carried it." },
  parent: "LookupError",
  messages: ["{key}"],
  sources: [{ title: "KeyError", url: "https://docs.python.org/3/library/exceptions.html#KeyError" }],
};

/** The dotted paths of the fields a parse complains about. */
function failingPaths(data: unknown): string[] {
  const result = entrySchema.safeParse(data);
  assert.equal(result.success, false, "expected the schema to reject this front matter");
  return result.error.issues.map((issue) => issue.path.join("."));
}

test("a complete entry parses, with defaults for optional lists", () => {
  const data = entrySchema.parse(valid);
  assert.deepEqual(data.errno, []);
  assert.deepEqual(data.aliases, []);
  assert.deepEqual(data.related, []);
});

test("a missing required field is named", () => {
  for (const field of ["title", "summary", "kind", "category", "risk", "messages", "sources"]) {
    const { [field]: _removed, ...rest } = valid as Record<string, unknown>;
    assert.deepEqual(failingPaths(rest), [field], `without ${field}`);
  }
});

test("an unknown field is rejected (typos do not pass silently)", () => {
  const result = entrySchema.safeParse({ ...valid, sumary: "typo" });
  assert.equal(result.success, false);
  assert.match(JSON.stringify(result.error?.issues), /sumary/);
});

test("unknown kind, category and risk values are rejected", () => {
  assert.deepEqual(failingPaths({ ...valid, kind: "warning" }), ["kind"]);
  assert.deepEqual(failingPaths({ ...valid, category: "misc" }), ["category"]);
  assert.deepEqual(failingPaths({ ...valid, risk: { ...valid.risk, level: "critical" } }), ["risk.level"]);
});

test("the summary must be one sentence under 160 characters", () => {
  assert.deepEqual(failingPaths({ ...valid, summary: "x".repeat(170) + "." }), ["summary"]);
  assert.deepEqual(failingPaths({ ...valid, summary: "Raised when a key is missing. It is common." }), [
    "summary",
  ]);
  assert.deepEqual(failingPaths({ ...valid, summary: "Raised when a mapping lacks a key" }), ["summary"]);
});

test("errno names, codes and related ids must have their shapes", () => {
  assert.deepEqual(failingPaths({ ...valid, errno: ["econnrefused"] }), ["errno.0"]);
  assert.deepEqual(failingPaths({ ...valid, code: "2322" }), ["code"]);
  assert.deepEqual(failingPaths({ ...valid, related: ["KeyError"] }), ["related.0"]);
});

test("sources must be https links to official documentation", () => {
  const source = (url: string) => ({ ...valid, sources: [{ title: "x", url }] });
  assert.deepEqual(failingPaths(source("http://docs.python.org/3/")), ["sources.0.url"]);
  assert.deepEqual(failingPaths(source("https://stackoverflow.com/q/1")), ["sources.0.url"]);
  assert.deepEqual(failingPaths({ ...valid, sources: [] }), ["sources"]);
  assert.ok(
    isOfficialSource(
      "https://github.com/microsoft/TypeScript/blob/main/src/compiler/diagnosticMessages.json",
    ),
  );
  assert.ok(!isOfficialSource("https://github.com/someone/TypeScript"));
});

test("message templates need named placeholders", () => {
  assert.deepEqual(failingPaths({ ...valid, messages: [] }), ["messages"]);
  assert.deepEqual(failingPaths({ ...valid, messages: ["No module named '{}'"] }), ["messages.0"]);
});

test("a versions span names supported releases, and at least one end", () => {
  assert.deepEqual(entrySchema.parse({ ...valid, versions: { python: { since: "3.11" } } }).versions, {
    python: { since: "3.11" },
  });
  assert.deepEqual(failingPaths({ ...valid, versions: { python: { since: "3.8" } } }), [
    "versions.python.since",
  ]);
  assert.deepEqual(failingPaths({ ...valid, versions: { python: {} } }), ["versions.python"]);
  assert.deepEqual(failingPaths({ ...valid, versions: { python: "3.3 and later" } }), ["versions.python"]);
});

test("errno rows need positive numbers and Windows numbers of the right kind", () => {
  const row = {
    message: "Connection refused",
    meaning: "Nothing was listening on the port the connection was made to.",
    linux: 111,
    macos: 61,
    windows: { winsock: 10061, crt: 107 },
    python: "ConnectionRefusedError",
  };
  assert.ok(errnoSchema.safeParse(row).success);
  assert.ok(errnoSchema.safeParse({ ...row, macos: null, windows: null }).success);
  assert.equal(errnoSchema.safeParse({ ...row, linux: -111 }).success, false);
  assert.equal(errnoSchema.safeParse({ ...row, windows: {} }).success, false);
  assert.equal(errnoSchema.safeParse({ ...row, windows: { winsock: 61 } }).success, false);
  assert.equal(errnoSchema.safeParse({ ...row, python: "connection refused" }).success, false);
});

test("an explaining sentence belongs to one of the messages and uses only its placeholders", () => {
  const explained = entrySchema.parse({
    ...valid,
    explain: { "{key}": "The mapping has no key {key} in it." },
  });
  assert.equal(explained.explain["{key}"], "The mapping has no key {key} in it.");
  assert.deepEqual(
    failingPaths({ ...valid, explain: { "'{key}'": "The mapping has no key {key} in it." } }),
    ["explain.'{key}'"],
  );
  const wrongName = entrySchema.safeParse({
    ...valid,
    explain: { "{key}": "The mapping has no key {name} in it." },
  });
  assert.equal(wrongName.success, false);
  assert.match(wrongName.error?.issues[0]?.message ?? "", /uses \{name\}, which "\{key\}" does not have/);
});
