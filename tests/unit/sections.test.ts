import { test } from "node:test";
import assert from "node:assert/strict";
import { readBody } from "../../src/entry/reader.ts";
import {
  FIX_WHY,
  fixWhyProblems,
  SECTIONS,
  sentenceCount,
  sectionForHeading,
  sectionProblems,
  type Block,
} from "../../src/entry/sections.ts";

const headings = SECTIONS.map((section) => section.heading);

test("the six sections have the fixed ids the design names", () => {
  assert.deepEqual(
    SECTIONS.map((section) => section.id),
    ["what-it-means", "why-it-happens", "reproduce", "fix", "anti-patterns", "sources"],
  );
  assert.equal(sectionForHeading("What not to do")?.id, "anti-patterns");
  assert.equal(sectionForHeading("  fix ")?.id, "fix");
});

test("a complete entry has no problems", () => {
  assert.deepEqual(sectionProblems(headings), []);
});

test("a missing section is reported by name and id", () => {
  const problems = sectionProblems(headings.filter((h) => h !== "Fix"));
  assert.deepEqual(problems, ['missing section "## Fix" (#fix)']);
});

test("repeated, unknown and out-of-order sections are reported", () => {
  assert.match(sectionProblems([...headings, "Fix"]).join(), /"## Fix" appears 2 times/);
  assert.match(sectionProblems([...headings, "Examples"]).join(), /unknown section "## Examples"/);
  const swapped = [headings[1], headings[0], ...headings.slice(2)].filter((h) => h !== undefined);
  assert.match(sectionProblems(swapped).join(), /out of order/);
});

/** An entry's outline with `fix` as its Fix section's blocks. */
function entry(fix: Block[]): Block[] {
  const h2 = (text: string): Block => ({ kind: "heading", depth: 2, text });
  return [
    h2("What it means"),
    { kind: "prose", text: "Meaning." },
    h2("Why it happens"),
    h2("Reproduce"),
    { kind: "snippet", role: "repro" },
    h2("Fix"),
    ...fix,
    h2("What not to do"),
    { kind: "snippet", role: "bad" },
    h2("Sources"),
  ];
}
const why: Block = { kind: "heading", depth: 3, text: "Why this works" };
const fixSnippet: Block = { kind: "snippet", role: "fix" };
const because: Block = { kind: "prose", text: "The default replaces the missing key, so nothing is raised." };

test("the Fix section ends with one to three sentences of why the fix works", () => {
  assert.equal(FIX_WHY.id, "why-this-works");
  assert.deepEqual(
    fixWhyProblems(entry([{ kind: "prose", text: "Do this:" }, fixSnippet, why, because])),
    [],
  );
  // Several fixes, prose between them, and other h3s before it are fine.
  const twoFixes = entry([
    { kind: "heading", depth: 3, text: "In a script" },
    fixSnippet,
    { kind: "prose", text: "Or in a server:" },
    fixSnippet,
    why,
    { kind: "prose", text: "One sentence here. Another `x.y` there." },
    { kind: "prose", text: "A third, in its own paragraph." },
  ]);
  assert.deepEqual(fixWhyProblems(twoFixes), []);
});

test("a Fix section without it, or with it twice, is reported", () => {
  assert.deepEqual(fixWhyProblems(entry([fixSnippet, because])), [
    'missing "### Why this works" at the end of "## Fix" (#why-this-works): say in one to three sentences why the fix works',
  ]);
  // At another depth it is not the heading the rule asks for.
  assert.match(fixWhyProblems(entry([fixSnippet, { ...why, depth: 4 }, because])).join(), /missing/);
  assert.match(fixWhyProblems(entry([fixSnippet, why, because, why, because])).join(), /appears 2 times/);
  // Written in another section, it is in the wrong place.
  const elsewhere = entry([fixSnippet]);
  elsewhere.splice(1, 0, why, because);
  assert.deepEqual(fixWhyProblems(elsewhere), ['"### Why this works" must be inside "## Fix", at its end']);
});

test("it must follow the last fix snippet and be the last thing in the section", () => {
  assert.match(
    fixWhyProblems(entry([fixSnippet, why, because, fixSnippet])).join(),
    /after the last `fix` snippet/,
  );
  assert.match(
    fixWhyProblems(entry([fixSnippet, why, because, { kind: "heading", depth: 3, text: "More" }])).join(),
    /must be the last part of "## Fix"/,
  );
});

test("it holds one to three sentences of prose, and no code fence", () => {
  const long: Block = { kind: "prose", text: "One. Two. Three. Four." };
  assert.match(fixWhyProblems(entry([fixSnippet, why, long])).join(), /has 4 sentences; keep it to 3/);
  assert.match(fixWhyProblems(entry([fixSnippet, why])).join(), /is empty/);
  assert.match(
    fixWhyProblems(entry([fixSnippet, why, because, { kind: "snippet", role: undefined }])).join(),
    /holds a code fence/,
  );
  assert.match(
    fixWhyProblems(entry([fixSnippet, why, because, { kind: "other", what: "a list" }])).join(),
    /plain prose paragraphs, not a list/,
  );
});

test("sentences end at a full stop before a capital, never inside inline code", () => {
  assert.equal(sentenceCount("One sentence."), 1);
  assert.equal(sentenceCount("It reads `config.Port` and `os.Path`. Then it works."), 2);
  assert.equal(sentenceCount("Node.js 24 does it, e.g. for files. `fs.rm` then runs."), 2);
  assert.equal(sentenceCount("“Quoted.” And then? Yes! 3 more."), 4);
  assert.equal(sentenceCount("  "), 0);
});

test("the API's fixWhy is the block's plain text, read from the Markdown body", () => {
  const body = [
    "## Fix",
    "",
    "Use `dict.get`:",
    "",
    "```python fix",
    "print({}.get('port', 8080))",
    "```",
    "",
    "### Why this works",
    "",
    "`dict.get` returns the default instead of raising,",
    "so a missing [key](/python/key-error/) is a value.",
    "",
    "It is enough **unless** the key is required.",
    "",
    "## What not to do",
    "",
  ].join("\n");
  assert.deepEqual(
    readBody(body).blocks.map((block) => block.kind),
    ["heading", "prose", "snippet", "heading", "prose", "prose", "heading"],
  );
  assert.equal(
    readBody(body).fixWhy,
    "dict.get returns the default instead of raising, so a missing key is a value. It is enough unless the key is required.",
  );
  assert.equal(readBody(body.replace("### Why this works", "### Notes")).fixWhy, undefined);
});
