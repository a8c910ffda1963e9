import { test } from "node:test";
import assert from "node:assert/strict";
import type { EntryRecording } from "../../src/entry/recordings.ts";
import { inSpan, spanLabel, versionRanges } from "../../src/entry/runtime-versions.ts";
import { appliesTo, versionRows, versionsRun } from "../../src/entry/version-table.ts";

test("releases become ranges of consecutive supported versions, legacy ones apart", () => {
  assert.equal(versionRanges("python", ["3.9", "3.10", "3.11"]), "3.9–3.11");
  assert.equal(versionRanges("python", ["3.13", "3.12"]), "3.12–3.13");
  assert.equal(versionRanges("python", ["2.7", "3.9", "3.10"]), "2.7, 3.9–3.10");
  assert.equal(versionRanges("node", ["20", "24"]), "20, 24");
  assert.equal(versionRanges("node", ["14", "20"]), "14, 20");
  assert.equal(versionRanges("typescript", ["5.9", "6.0", "7.0"]), "5.9–7.0");
});

test("a span holds from `since` and stops at `removedIn`", () => {
  assert.ok(inSpan("3.11", { since: "3.11" }));
  assert.ok(!inSpan("3.10", { since: "3.11" }));
  assert.ok(inSpan("3.10", { since: "3.9" }), "3.10 sorts after 3.9 as a version, not as text");
  assert.ok(!inSpan("22", { removedIn: "22" }));
  assert.ok(inSpan("20", { removedIn: "22" }));
  assert.ok(inSpan("3.9", undefined));
  assert.equal(spanLabel("python", { since: "3.11" }), "Python 3.11 and later");
  assert.equal(spanLabel("ts", { removedIn: "22" }), "Node.js before 22");
  assert.equal(spanLabel("ts", { since: "6.0" }), "TypeScript 6.0 and later");
});

/** A recording in the shape `npm run verify` writes, with two repros, a fix and a probe. */
const recording: EntryRecording = {
  verifiedWith: { python: "3.11.7", node: "24.21.0", typescript: "6.0.3", os: "Debian", date: "2026-12-07" },
  snippets: [
    {
      hash: "a",
      role: "repro",
      lang: "python",
      line: 10,
      output: "…",
      exitCode: 1,
      runs: { "python 3.9.18": "k1", "python 3.11.7": "k2", "python 3.12.1": "k3", "python 3.13.0": "k4" },
      versions: [
        { on: ["python 3.9.18", "python 3.11.7"], message: "NameError: name 'json' is not defined" },
        {
          on: ["python 3.12.1", "python 3.13.0"],
          output: "…",
          exitCode: 1,
          message: "NameError: name 'json' is not defined. Did you forget to import 'json'?",
        },
      ],
    },
    {
      hash: "b",
      role: "fix",
      lang: "python",
      line: 20,
      output: "ok",
      exitCode: 0,
      runs: { "python 3.10.13": "k5" },
      versions: [{ on: ["python 3.10.13"] }],
    },
    {
      hash: "c",
      role: "probe",
      lang: "python",
      line: 0,
      output: "…",
      exitCode: 1,
      runs: { "python 2.7.18": "k6" },
      versions: [{ on: ["python 2.7.18"], message: "NameError: global name 'json' is not defined" }],
    },
  ],
};

test("Message by version: one row per wording, probes first, with the versions that printed it", () => {
  const rows = versionRows("python", recording);
  assert.deepEqual(
    rows.map(({ versions, message, probe }) => [versions, message, probe]),
    [
      ["2.7", "NameError: global name 'json' is not defined", true],
      ["3.9, 3.11", "NameError: name 'json' is not defined", false],
      ["3.12–3.13", "NameError: name 'json' is not defined. Did you forget to import 'json'?", false],
    ],
  );
  assert.equal(appliesTo("python", rows), "Python 2.7, 3.9, 3.11–3.13");
  // Fixes count for what ran; probes' legacy versions do not.
  assert.deepEqual(versionsRun(recording), ["Python 3.9.18, 3.10.13, 3.11.7, 3.12.1 and 3.13.0"]);
  assert.deepEqual(versionRows("python", undefined), []);
});
