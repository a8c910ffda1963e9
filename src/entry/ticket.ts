/**
 * The "Copy for ticket" text of an entry: Markdown a support engineer
 * pastes into a ticket, with the error's name, its summary, the fix in one
 * line and the absolute link to the page's Fix section.
 */

/**
 * Why a ticket line is not one, or undefined when it is: it must tell the
 * reader what to do, so it may be neither a question nor a line of code.
 */
export function ticketLineProblem(line: string): string | undefined {
  if (/\?\s*$/.test(line)) return "is a question; write what to do";
  const prose = line.replace(/`[^`]*`/g, " ").trim();
  const words = prose.match(/[A-Za-z]{2,}/g) ?? [];
  if (
    words.length < 3 ||
    /^[\w.[\]"']+\s*[-+*/]?=[^=]|^(?:import|from|const|let|var|def|class|return|await)\b|^[\w.]+\(.*\)\s*;?$/.test(
      prose,
    )
  )
    return "is code, not a sentence; write what to do";
  return undefined;
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
