import { test } from "node:test";
import assert from "node:assert/strict";
import { SECTIONS, sectionForHeading, sectionProblems } from "../../src/lib/sections.ts";

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
