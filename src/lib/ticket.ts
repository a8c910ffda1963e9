/**
 * The "Copy for ticket" text of an entry: Markdown a support engineer
 * pastes into a ticket, with the error's name, its summary, the fix in one
 * line and the absolute link to the page's Fix section.
 */

/** Paragraphs that are not prose: headings, fences, lists, quotes, HTML, tables. */
const NOT_PROSE = /^(#|```|~~~|[-*+] |\d+\. |>|<|\|)/;

/**
 * The first sentence of the first prose paragraph of the `## Fix` section
 * of an entry's Markdown body, on one line. A sentence that introduces a
 * snippet ends in a colon; the line ends it with a full stop instead.
 */
export function fixLineFromBody(body: string): string | undefined {
  const section = /^## Fix[ \t]*\r?\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(body)?.[1];
  const paragraph = section
    ?.split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .find((p) => p.length > 0 && !NOT_PROSE.test(p));
  if (!paragraph) return undefined;
  const text = paragraph.replace(/\s+/g, " ");
  // A sentence ends at . ! ? or : followed by a capital, a code span, bold
  // or a bracket, or at the end of the paragraph.
  const sentence = /^.*?[.!?:](?=\s+[A-Z`*("[]|$)/.exec(text)?.[0] ?? text;
  return sentence.replace(/:$/, ".");
}

/** What the ticket text is made of. */
export interface TicketParts {
  /** The error's name: `ConnectionRefusedError`. */
  title: string;
  /** `Python`, `Node.js`, `TypeScript`. */
  language: string;
  summary: string;
  /** Markdown, one line. */
  fixLine: string;
  /** The absolute URL of the Fix section. */
  fixUrl: string;
}

/**
 * The Markdown for a ticket: three lines that read well both rendered and
 * as plain text. Relative links in the fix line are made absolute, since a
 * ticket lives on another site.
 */
export function ticketMarkdown({ title, language, summary, fixLine, fixUrl }: TicketParts): string {
  const origin = new URL(fixUrl).origin;
  const fix = fixLine.replace(/\]\(\//g, `](${origin}/`);
  return `\`${title}\` (${language}): ${summary}\nFix: ${fix}\n${fixUrl}`;
}
