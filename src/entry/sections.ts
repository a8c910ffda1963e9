/**
 * The six body sections every entry has, in order. Authors write the
 * heading text as an `## h2`; the build gives each its fixed id (so
 * `#anti-patterns` works even though the heading says "What not to do")
 * and stops when one is missing, repeated or out of order.
 */
export const SECTIONS = [
  { id: "what-it-means", heading: "What it means" },
  { id: "why-it-happens", heading: "Why it happens" },
  { id: "reproduce", heading: "Reproduce" },
  { id: "fix", heading: "Fix" },
  { id: "anti-patterns", heading: "What not to do" },
  { id: "sources", heading: "Sources" },
] as const;

export type Section = (typeof SECTIONS)[number];

/** The section whose heading text is `heading`, if any. */
export function sectionForHeading(heading: string): Section | undefined {
  const wanted = heading.trim().toLowerCase();
  return SECTIONS.find((section) => section.heading.toLowerCase() === wanted);
}

/**
 * Checks that `headings` (the h2 texts of one entry, in document order) are
 * exactly the six sections in order. Returns a list of problems, empty
 * when the entry is well formed.
 */
export function sectionProblems(headings: readonly string[]): string[] {
  const problems: string[] = [];
  const expected = SECTIONS.map((section) => section.heading);
  for (const heading of headings) {
    if (!sectionForHeading(heading)) {
      problems.push(`unknown section "## ${heading}" (allowed: ${expected.join(", ")})`);
    }
  }
  for (const section of SECTIONS) {
    const count = headings.filter((h) => sectionForHeading(h) === section).length;
    if (count === 0) problems.push(`missing section "## ${section.heading}" (#${section.id})`);
    if (count > 1) problems.push(`section "## ${section.heading}" appears ${count} times`);
  }
  if (problems.length === 0 && headings.some((h, i) => sectionForHeading(h)?.heading !== expected[i])) {
    problems.push(`sections out of order: found ${headings.join(" → ")}; expected ${expected.join(" → ")}`);
  }
  return problems;
}

/**
 * The last part of every entry's Fix section: an `### Why this works` h3
 * after the fix snippets, in one to three sentences of plain prose saying
 * why the fix removes the cause (not what it does). The build gives the
 * heading this fixed id and stops when it is missing, repeated, misplaced,
 * too long or holds code; `/api/errors.json` gives its text as `fixWhy`.
 */
export const FIX_WHY = { id: "why-this-works", heading: "Why this works", maxSentences: 3 } as const;

/**
 * One top-level block of a rendered entry, in document order: what the
 * Fix-section rule needs to know about it. `prose` is a paragraph, its
 * inline code in backticks; `snippet` is a code fence, with its role when
 * it has one; `other` is anything else (a list, a table, HTML).
 */
export type Block =
  | { kind: "heading"; depth: number; text: string }
  | { kind: "snippet"; role: string | undefined }
  | { kind: "prose"; text: string }
  | { kind: "other"; what: string };

/** Whether a heading's text is the "Why this works" heading's. */
export function isFixWhyHeading(text: string): boolean {
  return text.trim().toLowerCase() === FIX_WHY.heading.toLowerCase();
}

const isFixWhy = (block: Block) =>
  block.kind === "heading" && block.depth === 3 && isFixWhyHeading(block.text);

/**
 * How many sentences `text` holds: a sentence ends at `.`, `!` or `?`
 * (and any closing quote or bracket) followed by a space and a capital, a
 * digit, an opening quote or bracket, or a code span. Inline code never
 * ends one (`path.join` is not a full stop).
 */
export function sentenceCount(text: string): number {
  const flat = text
    .replace(/`[^`]*`/g, "X")
    .replace(/\s+/g, " ")
    .trim();
  if (flat === "") return 0;
  return flat.split(/(?<=[.!?]["'”’)\]]*) (?=["'“‘([]?[A-Z0-9])/).length;
}

/** The blocks of the `## Fix` section (up to the next `##`), or undefined when there is none. */
function fixSection(blocks: readonly Block[]): Block[] | undefined {
  const start = blocks.findIndex(
    (block) => block.kind === "heading" && block.depth === 2 && sectionForHeading(block.text)?.id === "fix",
  );
  if (start < 0) return undefined;
  const rest = blocks.slice(start + 1);
  const end = rest.findIndex((block) => block.kind === "heading" && block.depth <= 2);
  return end < 0 ? rest : rest.slice(0, end);
}

/**
 * Checks the "Why this works" rule over an entry's blocks: exactly one
 * `### Why this works` in the document, inside `## Fix`, after every `fix`
 * snippet and last in the section, holding one to three sentences of plain
 * prose (no code fence). Returns the problems, empty when it holds. A
 * missing `## Fix` is left to {@link sectionProblems}.
 */
export function fixWhyProblems(blocks: readonly Block[]): string[] {
  const want = `"### ${FIX_WHY.heading}"`;
  const section = fixSection(blocks);
  if (!section) return [];
  const everywhere = blocks.filter(isFixWhy);
  const at = section.findIndex(isFixWhy);
  if (at < 0) {
    return everywhere.length > 0
      ? [`${want} must be inside "## Fix", at its end`]
      : [
          `missing ${want} at the end of "## Fix" (#${FIX_WHY.id}): say in one to three sentences why the fix works`,
        ];
  }
  const problems: string[] = [];
  if (everywhere.length > 1) problems.push(`${want} appears ${everywhere.length} times; write it once`);
  const after = section.slice(at + 1);
  if (after.some((block) => block.kind === "snippet" && block.role === "fix")) {
    problems.push(`${want} must come after the last \`fix\` snippet`);
  }
  if (after.some((block) => block.kind === "heading")) {
    problems.push(`${want} must be the last part of "## Fix"; no heading may follow it there`);
  }
  if (after.some((block) => block.kind === "snippet")) {
    problems.push(`${want} holds a code fence; explain in prose (inline code is fine)`);
  }
  const others = after.filter((block) => block.kind === "other");
  if (others.length > 0) {
    const what = [...new Set(others.map((block) => (block as { what: string }).what))].join(", ");
    problems.push(`${want} must be plain prose paragraphs, not ${what}`);
  }
  const sentences = sentenceCount(fixWhyMarkdown(section.slice(at)));
  if (sentences === 0) problems.push(`${want} is empty: say in one to three sentences why the fix works`);
  if (sentences > FIX_WHY.maxSentences) {
    problems.push(`${want} has ${sentences} sentences; keep it to ${FIX_WHY.maxSentences}`);
  }
  return problems;
}

/** The prose under the first `### Why this works` of `blocks`, inline code in backticks. */
function fixWhyMarkdown(blocks: readonly Block[]): string {
  const at = blocks.findIndex(isFixWhy);
  if (at < 0) return "";
  const rest = blocks.slice(at + 1);
  const end = rest.findIndex((block) => block.kind === "heading");
  return (end < 0 ? rest : rest.slice(0, end))
    .flatMap((block) => (block.kind === "prose" ? [block.text.trim()] : []))
    .join(" ");
}

/**
 * The "Why this works" of an entry as plain text on one line (code spans
 * lose their backticks), or undefined when its Fix section has none.
 */
export function fixWhyText(blocks: readonly Block[]): string | undefined {
  const section = fixSection(blocks);
  const text = section ? fixWhyMarkdown(section) : "";
  return text === "" ? undefined : text.replace(/`([^`]*)`/g, "$1").replace(/\s+/g, " ");
}
