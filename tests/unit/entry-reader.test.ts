import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { EntryError } from "../../src/entry/errors.ts";
import { readEntry } from "../../src/entry/reader.ts";

/** A whole, valid entry whose "What it means" paragraph is `prose`. */
function entry(prose: string, fix = "Check for the key before you read it."): string {
  return `---
title: KeyError
---

## What it means

${prose}

## Why it happens

Data lacks a field.

## Reproduce

\`\`\`python repro
{}["port"]
\`\`\`

## Fix

${fix}

\`\`\`python fix
print({}.get("port", 8080))
\`\`\`

### Why this works

A default stands in for the missing key.

## What not to do

\`\`\`python bad
try:
    {}["port"]
except Exception:
    pass
\`\`\`

## Sources
`;
}

const FILE = "content/errors/python/key-error.mdx";

/** The message of the EntryError that reading `source` throws. */
function problem(source: string): string {
  try {
    readEntry(source, FILE);
  } catch (error) {
    assert.ok(error instanceof EntryError, `an EntryError, not ${String(error)}`);
    assert.ok(error.hint, "every problem comes with a hint");
    return error.message;
  }
  assert.fail("the entry was read without a problem");
}

test("a plain entry needs no MDX compiler; components, with an import or without, do", () => {
  assert.equal(readEntry(entry("A lookup found no key."), FILE).usesMdx, false);
  const cited = readEntry(
    entry('As with <Xref id="node/enoent" />, the name <Errno name="ENOENT" />.'),
    FILE,
  );
  assert.equal(cited.usesMdx, true);
  assert.deepEqual(
    cited.components.map(({ name, props, line }) => ({ name, props, line })),
    [
      { name: "Xref", props: { id: "node/enoent" }, line: 7 },
      { name: "Errno", props: { name: "ENOENT" }, line: 7 },
    ],
  );
  const imported = entry(
    'import { Callout } from "errdex/components";\n\n<Callout kind="tip">\nUse get.\n</Callout>',
  );
  assert.equal(readEntry(imported, FILE).components[0]?.name, "Callout");
});

test("an unknown component, an unknown prop or a bad prop value stops at its line", () => {
  assert.match(problem(entry("<Tabs>one</Tabs>")), /key-error\.mdx:7: <Tabs> is not an entry component/);
  assert.match(
    problem(entry('<Callout kind="note" colour="red">\nx\n</Callout>')),
    /:7: <Callout> has no prop colour/,
  );
  assert.match(
    problem(entry('See <Xref id="KeyError" />.')),
    /:7: <Xref id>: an entry id such as python\/key-error/,
  );
  assert.match(
    problem(entry('<VersionNote runtime="python">\nx\n</VersionNote>')),
    /:7: <VersionNote>: give since, until or both/,
  );
  assert.match(problem(entry('See <Xref id={"python/x"} />.')), /:7: <Xref id=…> is not a quoted string/);
});

test("blocks stay blocks, inline components take no content, and only the components may be imported", () => {
  assert.match(problem(entry('Note <Callout kind="note">x</Callout> here.')), /<Callout> is a block/);
  assert.match(problem(entry('See <Xref id="node/enoent">here</Xref>.')), /<Xref> takes no content/);
  assert.match(
    problem(entry('import x from "node:fs";\n\nText.')),
    /entries may import only the entry components/,
  );
  assert.match(
    problem(entry('import { Tabs } from "errdex/components";\n\nText.')),
    /"errdex\/components" has no Tabs/,
  );
  assert.match(problem(entry("One {1 + 1} two.")), /:7: a \{…\} expression/);
});

test("all of an entry's problems are reported at once, each with its line", () => {
  const message = problem(entry('<Tabs>x</Tabs>\n\n<Callout kind="loud">\ny\n</Callout>'));
  assert.match(message, /^2 problems in the content:/);
  assert.match(message, /:7: <Tabs> is not an entry component/);
  assert.match(message, /:9: <Callout kind>: Invalid option/);
});

test("a component in the ticket line or in why-it-works reads as text", () => {
  const read = readEntry(entry("Text.", 'Read it with `get`, as <Xref id="node/enoent" /> advises.'), FILE);
  assert.equal(read.fixLine, "Read it with `get`, as `node/enoent` advises.");
});

test("a real entry that uses components reads the same snippets and ticket line as before", () => {
  const file = "content/errors/python/connection-refused-error.mdx";
  const read = readEntry(readFileSync(file, "utf8"), file);
  assert.equal(read.usesMdx, true);
  assert.deepEqual(
    read.snippets.map((snippet) => snippet.role),
    ["repro", "fix", "bad"],
  );
  assert.ok(read.components.some((use) => use.name === "Errno" && use.props["name"] === "ECONNREFUSED"));
  assert.ok(read.fixWhy && read.fixWhy.length > 20);
});

/** The entry with `fences` put in its Reproduce section, before the repro snippet. */
function withFiles(fences: string, reproCode = '{}["port"]'): string {
  return entry("A lookup found no key.").replace(
    '```python repro\n{}["port"]\n```',
    `${fences}\n\n\`\`\`python repro file=app/main.py\n${reproCode}\n\`\`\``,
  );
}

test("file= fences belong to the snippet after them, which runs under its own file= name", () => {
  const read = readEntry(
    withFiles("```ini file=app/settings.ini\n[db]\nport = 5432\n```\n\n```python file=app/__init__.py\n```"),
    FILE,
  );
  const [repro, fix] = read.snippets;
  assert.equal(repro?.name, "app/main.py");
  assert.deepEqual(repro?.files, { "app/settings.ini": "[db]\nport = 5432", "app/__init__.py": "" });
  assert.ok(repro?.filesHash);
  // The fix after it has none of them.
  assert.deepEqual(fix?.files, {});
  assert.equal(fix?.filesHash, undefined);
  // Editing a file changes filesHash, not the snippet's own hash (which finds its output on the page).
  const edited = readEntry(
    withFiles("```ini file=app/settings.ini\n[db]\nport = 6543\n```\n\n```python file=app/__init__.py\n```"),
    FILE,
  ).snippets[0];
  assert.equal(edited?.hash, repro?.hash);
  assert.notEqual(edited?.filesHash, repro?.filesHash);
});

test("a file= fence with no snippet after it, a path that leaves the folder and two snippets of the same code stop at their lines", () => {
  const trailing = entry("A lookup found no key.").replace(
    "## Sources",
    "```ini file=left.ini\nx = 1\n```\n\n## Sources",
  );
  assert.match(problem(trailing), /`file=left\.ini` is not followed by a repro, fix or bad snippet/);
  assert.match(
    problem(withFiles("```ini file=../etc/passwd\nx\n```")),
    /`file=\.\.\/etc\/passwd` is not a relative path/,
  );
  assert.match(
    problem(withFiles("```ini file=/etc/passwd\nx\n```")),
    /`file=\/etc\/passwd` is not a relative path/,
  );
  assert.match(
    problem(withFiles("", 'print({}.get("port", 8080))')),
    /this fix snippet has the same code as the repro snippet at line \d+/,
  );
});

test("with= names a Python snippet's libraries; anything but import names stops at its line", () => {
  const source = entry("A lookup found no key.");
  const read = readEntry(source.replace("```python fix", "```python fix with=requests,urllib3"), FILE);
  const fix = read.snippets.find((snippet) => snippet.role === "fix");
  assert.deepEqual(fix?.libraries, ["requests", "urllib3"]);
  assert.ok(fix?.filesHash, "the libraries are part of what a recording was made with");
  assert.match(
    problem(source.replace("```python fix", "```python fix with=requests>=2")),
    /`with=requests>=2` is not a list of Python libraries/,
  );
});

test("a console snippet holds only $ commands", () => {
  const source = entry("A lookup found no key.");
  const read = readEntry(
    source.replace('```python fix\nprint({}.get("port", 8080))', "```console fix\n$ python3 -c 'print(1)'"),
    FILE,
  );
  assert.equal(read.snippets.find((snippet) => snippet.role === "fix")?.lang, "console");
  assert.match(
    problem(
      source.replace('```python fix\nprint({}.get("port", 8080))', "```console fix\npython3 -c 'print(1)'"),
    ),
    /a console fix snippet holds only commands/,
  );
});

test("since= and removedIn= claim a snippet's versions: supported ones only, and always the one the page shows", () => {
  const source = entry("A lookup found no key.");
  const fix = readEntry(source.replace("```python fix", "```python fix since=3.10"), FILE).snippets.find(
    (snippet) => snippet.role === "fix",
  );
  assert.equal(fix?.since, "3.10");
  assert.match(
    problem(source.replace("```python fix", "```python fix since=3.8")),
    /`since=3\.8` is not a supported Python version \(3\.9, 3\.10, 3\.11, 3\.12, 3\.13\)/,
  );
  assert.match(
    problem(source.replace("```python fix", "```python fix since=3.12")),
    /the snippet's versions leave out Python 3\.11, whose output the page shows/,
  );
});
