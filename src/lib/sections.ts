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
export type SectionId = Section["id"];

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
