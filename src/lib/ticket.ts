/**
 * The "Copy for ticket" text of an entry: Markdown a support engineer
 * pastes into a ticket, with the error's name, its summary, the fix in one
 * line and the absolute link to the page's Fix section.
 */

/** Paragraphs that are not prose: headings, lists, quotes, HTML, tables. */
const NOT_PROSE = /^(#|[-*+] |\d+\. |>|<|\|)/;

/**
 * The paragraphs of Markdown text outside fenced code: a fence is skipped
 * whole, blank lines inside it included, so a line of code is never taken
 * for a paragraph.
 */
function proseParagraphs(markdown: string): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  let fence: string | undefined;
  const flush = () => {
    if (current.length > 0) paragraphs.push(current.join("\n").trim());
    current = [];
  };
  for (const line of markdown.split(/\r?\n/)) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker)
        fence = undefined;
      continue;
    }
    if (marker) {
      flush();
      fence = marker;
    } else if (line.trim() === "") flush();
    else current.push(line);
  }
  flush();
  return paragraphs.filter((p) => p.length > 0 && !NOT_PROSE.test(p));
}

/**
 * The first sentence of the first prose paragraph of the `## Fix` section
 * of an entry's Markdown body, on one line. A sentence that introduces a
 * snippet ends in a colon; the line ends it with a full stop instead.
 */
export function fixLineFromBody(body: string): string | undefined {
  const section = /^## Fix[ \t]*\r?\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(body)?.[1];
  const paragraph = section === undefined ? undefined : proseParagraphs(section)[0];
  if (!paragraph) return undefined;
  const text = paragraph.replace(/\s+/g, " ");
  // A sentence ends at . ! ? or : followed by a capital, a code span, bold
  // or a bracket, or at the end of the paragraph.
  const sentence = /^.*?[.!?:](?=\s+[A-Z`*("[]|$)/.exec(text)?.[0] ?? text;
  return sentence.replace(/:$/, ".");
}

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
