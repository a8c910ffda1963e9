/**
 * Each folder in tests/fixtures/bad-entries/ is a way an entry can be
 * wrong. Every one must stop the real `npm run build` with a message naming
 * the file (and the field, where there is one) and leave no site behind.
 * The fixtures are laid over a tiny valid content set, so each build takes
 * seconds; they run one at a time because builds of one project share its
 * `.astro/` folder (tests/support/fixture-build.ts).
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test, type TestContext } from "node:test";
import { buildFixture, type Build } from "../support/fixture-build.ts";

const work = mkdtempSync(path.join(tmpdir(), "errdex-bad-entries-"));
after(() => rmSync(work, { recursive: true, force: true }));

/** `npm run build`'s script into `outDir`, with the fixture's files laid over the base content set. */
function build(fixture: string, outDir?: string): Promise<Build> {
  return buildFixture(work, fixture, outDir ? { outDir } : {});
}

/** The build's complaint: its output without progress lines and stack frames. */
function complaint(output: string): string {
  return output
    .split("\n")
    .filter((line) => line.trim() !== "")
    .filter((line) => !/^\d\d:\d\d:\d\d /.test(line) || line.includes("[ERROR]"))
    .filter(
      (line) => !/^\s+at |^\s*(Stack trace|Location):|route-cache\.js|generating static routes/.test(line),
    )
    .join("\n");
}

const staging = (outDir: string) => path.join(path.dirname(outDir), `.${path.basename(outDir)}-staging`);

/** What each case's message must contain: the file, and the field where there is one. */
const CASES: Record<string, (string | RegExp)[]> = {
  "invalid-yaml": [
    "errors/python/key-error.mdx:14",
    "the front matter is not valid YAML: deficient indentation",
  ],
  // zod's own messages, by z.prettifyError: each problem, then the field it is at.
  "missing-front-matter": [
    "errors/python/key-error.mdx",
    /Invalid input: expected string, received undefined\n\s+→ at title/,
    /Invalid input: expected string, received undefined\n\s+→ at summary/,
  ],
  "unknown-value": [
    "errors/python/key-error.mdx:5: the front matter does not fit the schema",
    /Invalid option: expected one of "network".*\n\s+→ at category/,
  ],
  "missing-section": ["errors/python/key-error.mdx", 'missing section "## What not to do"'],
  "missing-why": ["errors/python/key-error.mdx", 'missing "### Why this works" at the end of "## Fix"'],
  "bad-why": [
    "errors/python/key-error.mdx",
    '"### Why this works" must come after the last `fix` snippet',
    '"### Why this works" holds a code fence',
    '"### Why this works" has 4 sentences; keep it to 3',
  ],
  "code-ticket-line": [
    "errors/python/key-error.mdx",
    'fixLine: the ticket line "Is the key really in the mapping you read from?" is a question',
  ],
  "bad-explain": [
    "errors/python/key-error.mdx:13",
    /uses \{name\}, which .* does not have .*\n\s+→ at explain/,
  ],
  "unclosed-jsx": ["errors/python/key-error.mdx:26:23", "Expected a closing tag for `<strong>`"],
  "unknown-component": ["errors/python/key-error.mdx:28: <Tabs> is not an entry component"],
  "unknown-prop": ["errors/python/key-error.mdx:28: <Callout> has no prop colour"],
  "unknown-xref": [
    'errors/python/key-error.mdx:26: component: <Xref> names "node/no-such-error", which is not an entry',
  ],
  "dead-link": [
    "errors/python/key-error.mdx",
    '"/python/value-error/": no page or file at /python/value-error/',
    'no element with id "what-it-meant" on /node/enoent/',
  ],
  // Whichever of the two is read second is the one named, with the first as the owner.
  "duplicate-name": [
    /errors\/python\/list-index(-out-of-range)?\.mdx: title: "list index out of range" is already claimed by .*errors\/python\/list-index(-out-of-range)?\.mdx/,
  ],
  // A runtime catalogue edited by hand: the file and the row's field.
  "bad-catalogue": [/catalogue\/typescript\.json: does not fit its schema/, /\n\s+→ at rows\[0\]\.code/],
  "duplicate-alias": [
    /errors\/python\/(key|index)-error\.mdx: aliases: "builtins\.KeyError" is already claimed by .*errors\/python\/(key|index)-error\.mdx/,
  ],
};

/** Checks a failed build's message against what its case must say, and records it. */
function assertComplaint(t: TestContext, fixture: string, result: Build): void {
  assert.notEqual(result.code, 0, `the build passed:\n${result.output}`);
  for (const wanted of CASES[fixture] ?? []) {
    if (typeof wanted === "string") {
      assert.ok(result.output.includes(wanted), `"${wanted}" in:\n${result.output}`);
    } else {
      assert.match(result.output, wanted);
    }
  }
  assert.ok(!existsSync(staging(result.outDir)), "the partial build is removed");
  t.diagnostic(`${fixture}:\n${complaint(result.output)}`);
}

// The dead-link case runs over a good build, to show that a failed build
// leaves the previous site exactly as it was.
test("the base fixture builds; dead-link then stops the build and leaves that site intact", async (t) => {
  const good = await build("base");
  assert.equal(good.code, 0, good.output);
  const page = path.join(good.outDir, "python/key-error/index.html");
  const before = readFileSync(page, "utf8");
  const failed = await build("dead-link", good.outDir);
  assertComplaint(t, "dead-link", failed);
  assert.equal(readFileSync(page, "utf8"), before);
  assert.ok(existsSync(path.join(good.outDir, "pagefind")), "the previous search index is still there");
});

for (const fixture of Object.keys(CASES).filter((name) => name !== "dead-link")) {
  test(`${fixture}: the build stops naming the file and leaves no site`, async (t) => {
    const result = await build(fixture);
    assertComplaint(t, fixture, result);
    assert.ok(!existsSync(result.outDir), "no output folder");
  });
}
