import { test } from "node:test";
import assert from "node:assert/strict";
import { matchesTemplate, matchParts, templateParts } from "../../src/entry/message-templates.ts";

/** The obvious reading of a template, as a RegExp with a lazy group per placeholder. */
function reference(template: string): RegExp {
  const parts = templateParts(template).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join("(.+?)")}$`, "s");
}

const TEMPLATES = [
  "No module named '{module}'",
  "connect ECONNREFUSED {address}:{port}",
  "{expression} is not a function",
  "Type '{source}' is not assignable to type '{target}'.",
  "require() of ES Module {path} from {parent} not supported.",
  "{a}{b}",
  "'{key}'",
  "invalid syntax",
];

const MESSAGES = [
  "No module named 'pandas'",
  "No module named ''",
  "connect ECONNREFUSED 127.0.0.1:5432",
  "connect ECONNREFUSED ::1:5432:99",
  "foo.bar is not a function",
  " is not a function",
  "Type 'string' is not assignable to type 'number'.",
  "Type ''a' is not assignable to type 'b'' is not assignable to type 'c'.",
  "require() of ES Module /a.js from /b.js not supported.",
  "require() of ES Module  from  not supported.",
  "ab",
  "a",
  "'x'",
  "''",
  "invalid syntax",
  "invalid syntax.",
];

test("a template matches exactly the messages its RegExp reading matches", () => {
  for (const template of TEMPLATES) {
    for (const message of MESSAGES) {
      assert.equal(
        matchesTemplate(template, message),
        reference(template).test(message),
        `${template} ~ ${message}`,
      );
    }
  }
});

test("without toEnd a template may match a prefix, from a given start", () => {
  const parts = templateParts("[Errno {errno}] Connection refused");
  const text = "Failed to establish a new connection: [Errno 111] Connection refused'))";
  const start = text.indexOf("[Errno");
  assert.equal(matchParts(parts, text, start), undefined);
  assert.deepEqual(matchParts(parts, text, start, false), {
    start,
    end: text.length - 3,
    whole: false,
    values: [[start + 7, start + 10]],
  });
  assert.equal(matchParts(parts, text, 0, false), undefined);
});

test("20 KB of a template's own fixed text is answered, matched or not", () => {
  const template = "require() of ES Module {path} from {parent} not supported.";
  const unit = templateParts(template).join(" ");
  // The RegExp reading backtracks on these for about half a second; the matcher is one pass.
  const matching = unit.repeat(Math.ceil(20_000 / unit.length));
  const failing = `${matching}!`;
  assert.equal(matchesTemplate(template, matching), true);
  assert.equal(matchesTemplate(template, failing), false);
  const short = unit.repeat(20);
  assert.equal(matchesTemplate(template, `${short}!`), reference(template).test(`${short}!`));
});
