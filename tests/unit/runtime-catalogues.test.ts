import { test } from "node:test";
import { RUNTIME_CATALOGUE_FILES } from "../../src/catalogue/runtime-rows.ts";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import ts from "typescript";
import { extractCatalogues, type Catalogues } from "../../src/catalogue/extract/extract.ts";

/**
 * The runtime catalogues in content/catalogue/ are extracted, never typed:
 * these tests rerun the extraction against the installed typescript, the
 * project's Node.js and python3, and hold each committed file to it, then
 * check a few facts a reader would notice if the extraction went wrong.
 */

const fresh = extractCatalogues();
const committed = Object.fromEntries(
  Object.entries(RUNTIME_CATALOGUE_FILES).map(([key, file]) => [
    key,
    JSON.parse(readFileSync(file, "utf8")) as unknown,
  ]),
) as unknown as Catalogues;
const { typescript, node, python } = committed;

for (const key of Object.keys(RUNTIME_CATALOGUE_FILES) as (keyof Catalogues)[]) {
  test(`content/catalogue/${key}.json is what the installed runtime says`, () => {
    assert.deepEqual(
      committed[key],
      fresh[key],
      `content/catalogue/${key}.json differs from a fresh extraction (${fresh[key].source}); run npm run catalogue:update`,
    );
  });
}

test("TypeScript: one row per ts.Diagnostics entry, placeholders renamed", () => {
  // ts.Diagnostics is in the runtime but not in typescript.d.ts.
  const diagnostics = (ts as unknown as { Diagnostics: Record<string, unknown> }).Diagnostics;
  assert.equal(typescript.rows.length, Object.keys(diagnostics).length);
  const message = (code: string) => typescript.rows.find((row) => row.code === code)?.message;
  assert.equal(message("TS2589"), "Type instantiation is excessively deep and possibly infinite.");
  assert.equal(message("TS2322"), "Type '{arg0}' is not assignable to type '{arg1}'.");
  assert.ok(
    typescript.rows.every((row) => !/\{\d+\}/.test(row.message)),
    "a {0} placeholder was left",
  );
});

test("Node.js: one row per internal/errors code, messages as Node's source writes them", () => {
  const probe = spawnSync(
    process.execPath,
    ["--expose-internals", "-p", 'Object.keys(require("internal/errors").codes).length'],
    { encoding: "utf8" },
  );
  assert.equal(probe.status, 0, probe.stderr);
  assert.equal(node.rows.length, Number(probe.stdout));
  const row = (code: string) => node.rows.find((r) => r.code === code);
  // lib/internal/errors.js: E('ERR_INVALID_STATE', 'Invalid state: %s', Error, TypeError, RangeError);
  assert.deepEqual(row("ERR_INVALID_STATE"), {
    code: "ERR_INVALID_STATE",
    classes: ["Error", "TypeError", "RangeError"],
    messageFrom: "string",
    messages: ["Invalid state: {arg0}"],
  });
  assert.equal(row("ERR_MODULE_NOT_FOUND")?.messageFrom, "function");
  // Every {…} in a message is an errdex placeholder: no {0}, no stray braces of Node's text.
  for (const { code, messages } of node.rows) {
    for (const message of messages) {
      for (const braces of message.match(/\{[^{}]*\}/g) ?? [])
        assert.match(braces, /^\{[A-Za-z_][\w-]*\}$/, `${code}: ${message}`);
    }
  }
});

test("Node.js: a format-string message, filled in, is the message Node builds", () => {
  // Numbers print the same through every specifier (%s %d %i %j %o %O %f), so
  // {argN} filled with 1000+N must equal what the error class really says.
  // SystemError codes are left out: Node appends the syscall context to theirs.
  const cases = node.rows
    .filter((r) => r.messageFrom === "string" && !r.classes.includes("SystemError"))
    .map((r) => ({ code: r.code, template: r.messages[0] ?? "" }));
  const args = (template: string) => (template.match(/\{arg\d+\}/g) ?? []).map((_, i) => 1000 + i);
  const script = `const { codes } = require("internal/errors");
process.stdout.write(JSON.stringify(JSON.parse(process.argv[1]).map(([code, args]) => new codes[code](...args).message)));`;
  const input = JSON.stringify(cases.map(({ code, template }) => [code, args(template)]));
  const run = spawnSync(process.execPath, ["--expose-internals", "-e", script, input], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  const real = JSON.parse(run.stdout) as string[];
  assert.ok(cases.length > 200, `only ${cases.length} format-string messages`);
  cases.forEach(({ code, template }, i) => {
    assert.equal(
      template.replace(/\{arg(\d+)\}/g, (_, n: string) => String(1000 + Number(n))),
      real[i],
      code,
    );
  });
});

test("Python: named as tracebacks name them, and every base is a row", () => {
  const byName = new Map(python.rows.map((row) => [row.name, row]));
  assert.deepEqual(byName.get("json.decoder.JSONDecodeError"), {
    name: "json.decoder.JSONDecodeError",
    documentedAs: "json.JSONDecodeError",
    base: "ValueError",
    doc: "Subclass of ValueError with the following additional properties:",
  });
  assert.equal(byName.get("BaseException")?.base, null);
  for (const row of python.rows) {
    if (row.name === "BaseException") continue;
    assert.ok(row.base !== null && byName.has(row.base), `${row.name}: base ${row.base} is not a row`);
  }
});
