import { test } from "node:test";
import assert from "node:assert/strict";
import { validateCatalogue, type CheckedEntry } from "../../src/catalogue/validate.ts";
import { entrySchema } from "../../src/entry/schema.ts";
import { pythonHierarchy } from "../../src/catalogue/python-hierarchy.ts";

function entry(id: string, overrides: Record<string, unknown>): CheckedEntry {
  const data = entrySchema.parse({
    summary: "A sentence long enough to describe the error well.",
    category: "network",
    risk: { level: "low", note: "It fails loudly and early, so it is found in testing." },
    messages: ["something went wrong"],
    sources: [{ title: "docs", url: "https://docs.python.org/3/library/exceptions.html" }],
    ...overrides,
  });
  return {
    id,
    filePath: `content/errors/${id}.mdx`,
    data,
    fixLine: "Start the server before the client connects.",
    fixWhy: "The client needs something listening.",
    components: [],
  };
}

/** The problems' messages, in the one format every content problem has: `file[:line]: field: what`. */
const catalogueProblems = (...args: Parameters<typeof validateCatalogue>) =>
  validateCatalogue(...args).map((problem) => problem.message);

const errno = new Set(["ECONNREFUSED"]);
const refused = entry("python/connection-refused-error", {
  title: "ConnectionRefusedError",
  kind: "exception",
  errno: ["ECONNREFUSED"],
  related: ["node/econnrefused"],
});
const nodeRefused = entry("node/econnrefused", {
  title: "ECONNREFUSED",
  kind: "system-error",
  code: "ECONNREFUSED",
});

test("a consistent catalogue has no problems", () => {
  assert.deepEqual(catalogueProblems([refused, nodeRefused], errno), []);
});

test("a related entry or errno that does not exist is reported with its file", () => {
  const problems = catalogueProblems([refused], new Set());
  assert.deepEqual(problems, [
    'content/errors/python/connection-refused-error.mdx: related: no entry "node/econnrefused"',
    'content/errors/python/connection-refused-error.mdx: errno: "ECONNREFUSED" is not in content/errno.yaml',
  ]);
});

test("a file name that breaks the URL rules is reported", () => {
  const misnamed = entry("python/connectionrefusederror", {
    title: "ConnectionRefusedError",
    kind: "exception",
  });
  assert.match(catalogueProblems([misnamed], errno).join(), /title: file name "connectionrefusederror"/);
});

test("a kind from another language, or a code entry without its code, is reported", () => {
  const wrongKind = entry("python/ts2322", { title: "TS2322", kind: "diagnostic", code: "TS2322" });
  assert.match(catalogueProblems([wrongKind], errno).join(), /kind: "diagnostic" is not a python kind/);
  const noCode = entry("node/econnreset", { title: "ECONNRESET", kind: "system-error" });
  assert.match(catalogueProblems([noCode], errno).join(), /code: a system-error entry needs its code/);
});

test("two entries claiming one alias stop the build, naming both files", () => {
  const a = entry("node/econnrefused", {
    title: "ECONNREFUSED",
    kind: "system-error",
    code: "ECONNREFUSED",
    aliases: ["refused"],
  });
  const b = entry("node/econnreset", {
    title: "ECONNRESET",
    kind: "system-error",
    code: "ECONNRESET",
    aliases: ["Refused"],
  });
  assert.deepEqual(catalogueProblems([a, b], errno), [
    'content/errors/node/econnreset.mdx: aliases: "Refused" is already claimed by content/errors/node/econnrefused.mdx',
  ]);
});

test("an entry's versions span must be for a runtime its snippets run on", () => {
  const data = { ...refused.data, versions: { node: { since: "22" } } };
  const problems = catalogueProblems(
    [{ ...refused, data, id: "python/connection-refused-error" }, nodeRefused],
    errno,
  );
  assert.match(problems.join(), /versions: a python entry's snippets never run on node/);
});

test("an entry's versions span must keep the version its page shows, and probes run only on its legacy versions", () => {
  const data = {
    ...refused.data,
    versions: { python: { since: "3.12" } },
    probes: [{ on: "14", code: "x" }],
  };
  const problems = catalogueProblems(
    [{ ...refused, data, id: "python/connection-refused-error" }, nodeRefused],
    errno,
  );
  assert.match(problems.join(), /versions\.python: leaves out Python 3\.11, whose outputs the page shows/);
  assert.match(problems.join(), /probes\.0\.on: 14 is not a legacy Python version \(2\.7\)/);
});

test("a Python entry's parent must be its class's parent in Python's hierarchy", () => {
  const wrongParent = entry("python/key-error", {
    title: "KeyError",
    kind: "exception",
    parent: "Exception",
  });
  assert.deepEqual(catalogueProblems([wrongParent], errno, pythonHierarchy()), [
    "content/errors/python/key-error.mdx: parent: Python's KeyError derives from LookupError, not Exception",
  ]);
  const unknown = entry("python/key-errors", {
    title: "KeyErrors",
    kind: "exception",
    parent: "LookupError",
  });
  assert.match(
    catalogueProblems([unknown], errno, pythonHierarchy()).join(),
    /title: "KeyErrors" is not one class of content\/python-exceptions\.yaml/,
  );
  const right = entry("python/json-decode-error", {
    title: "JSONDecodeError",
    kind: "exception",
    parent: "ValueError",
  });
  assert.deepEqual(catalogueProblems([right], errno, pythonHierarchy()), []);
});

test("a component naming an entry or errno row that does not exist is a problem at its line", () => {
  const citing = {
    ...refused,
    components: [
      { name: "Xref", props: { id: "node/econnrefused" }, line: 30 },
      { name: "Xref", props: { id: "python/no-such-entry" }, line: 41 },
      { name: "Errno", props: { name: "ENOSUCH" }, line: 52 },
      { name: "Xref", props: { id: "errno/ECONNREFUSED" }, line: 60 },
    ],
  };
  const problems = validateCatalogue([citing, nodeRefused], errno);
  assert.deepEqual(
    problems.map((problem) => problem.message),
    [
      'content/errors/python/connection-refused-error.mdx:41: component: <Xref> names "python/no-such-entry", which is not an entry',
      'content/errors/python/connection-refused-error.mdx:52: component: <Errno> names "ENOSUCH", which is not in content/errno.yaml',
    ],
  );
  assert.ok(problems.every((problem) => problem.hint?.includes("create the page first")));
});

test("a ticket line that is a question, or a Fix without why it works, is a problem", () => {
  const asking = { ...refused, fixLine: "Is the server running?", fixWhy: undefined };
  assert.deepEqual(catalogueProblems([asking, nodeRefused], errno), [
    'content/errors/python/connection-refused-error.mdx: fixLine: the ticket line "Is the server running?" is a question; write what to do',
    'content/errors/python/connection-refused-error.mdx: fixWhy: the Fix section has no "### Why this works"',
  ]);
});
