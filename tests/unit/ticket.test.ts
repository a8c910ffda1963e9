import { test } from "node:test";
import assert from "node:assert/strict";
import { readBody } from "../../src/entry/reader.ts";
import { ticketLineProblem, ticketMarkdown } from "../../src/entry/ticket.ts";

const fixLineFromBody = (body: string) => readBody(body).fixLine;

const body = `## What it means

Something.

## Fix

First check that something is listening (\`ss -ltnp\`) and that the host
and port come from configuration. When the refusal is a race, retry.

\`\`\`python fix
print("ok")
\`\`\`

## What not to do

Nothing.
`;

test("the fix line is the first sentence of the Fix section, on one line", () => {
  assert.equal(
    fixLineFromBody(body),
    "First check that something is listening (`ss -ltnp`) and that the host and port come from configuration.",
  );
});

test("a sentence that introduces a snippet ends with a full stop instead of a colon", () => {
  assert.equal(
    fixLineFromBody("## Fix\n\nPass the identity value as the initial value:\n\n```ts\n```\n"),
    "Pass the identity value as the initial value.",
  );
});

test("headings and code before the first paragraph are skipped; a colon inside a sentence is kept", () => {
  assert.equal(
    fixLineFromBody(
      "## Fix\n\n### Convert once\n\nFirst restore it: check `/etc/resolv.conf` now. Then more.\n",
    ),
    "First restore it: check `/etc/resolv.conf` now.",
  );
});

test("no Fix prose gives no line", () => {
  assert.equal(fixLineFromBody("## Fix\n\n```py\nx\n```\n"), undefined);
});

test("the ticket text is the name, summary, fix and absolute #fix link, with relative links made absolute", () => {
  assert.equal(
    ticketMarkdown({
      title: "KeyError",
      language: "Python",
      summary: "Raised when a key is missing.",
      fixLine: "Check required keys once, see [LookupError](/python/lookup-error/).",
      fixUrl: "https://errdex.dev/python/key-error/#fix",
    }),
    "`KeyError` (Python): Raised when a key is missing.\n" +
      "Fix: Check required keys once, see [LookupError](https://errdex.dev/python/lookup-error/).\n" +
      "https://errdex.dev/python/key-error/#fix",
  );
});

test("a fence is read as a fence: a blank line inside code never makes code a paragraph", () => {
  const fenced = `## Fix

### Convert text once

\`\`\`python fix
import io

report = io.StringIO("sku,quantity")
\`\`\`

Build the string with an f-string rather than \`+\`.

## What not to do
`;
  assert.equal(fixLineFromBody(fenced), "Build the string with an f-string rather than `+`.");
  const tilde = "## Fix\n\n~~~ts fix\nconst a = 1;\n\nconst b = 2;\n~~~\n\nCheck the value first.\n";
  assert.equal(fixLineFromBody(tilde), "Check the value first.");
});

test("a ticket line must say what to do: not a question, not code", () => {
  assert.equal(ticketLineProblem("Check required keys once where the data enters."), undefined);
  assert.equal(ticketLineProblem("Use `pathlib.Path(__file__).parent` to anchor paths."), undefined);
  assert.match(ticketLineProblem("Is the server listening on that port?") ?? "", /question/);
  assert.match(ticketLineProblem('report = io.StringIO("sku,quantity")') ?? "", /code/);
  assert.match(ticketLineProblem("`npm install --save-dev @types/node`.") ?? "", /code/);
  assert.match(ticketLineProblem("import json") ?? "", /code/);
});
