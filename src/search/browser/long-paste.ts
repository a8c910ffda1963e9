/**
 * A paste too long to show whole. Laying out a megabyte of text in a
 * textarea blocks the page for 150–270 ms on this project's test machine,
 * longer than a whole search may take. So a paste over {@link SHOWN_LIMIT}
 * is shown shortened (its head and tail, each line cut, with a line saying
 * what was left out) while search reads all of it. Editing the shortened
 * text searches what is then in the box.
 */

/** Pastes longer than this many characters are shown shortened. */
export const SHOWN_LIMIT = 64 * 1024;

const HEAD_LINES = 20;
const TAIL_LINES = 40;
const LINE_CHARS = 400;

/** `text`'s first `count` lines (or last, with `fromEnd`), each cut to LINE_CHARS, and where they stop. */
function lines(text: string, count: number, fromEnd: boolean): { lines: string[]; edge: number } {
  const found: string[] = [];
  let edge = fromEnd ? text.length : 0;
  while (found.length < count && (fromEnd ? edge > 0 : edge < text.length)) {
    const start = fromEnd ? text.lastIndexOf("\n", edge - 1) + 1 : edge;
    const newline = text.indexOf("\n", start);
    const end = fromEnd ? edge : newline === -1 ? text.length : newline;
    const line =
      text.slice(start, Math.min(end, start + LINE_CHARS)) + (end - start > LINE_CHARS ? " …" : "");
    if (fromEnd) found.unshift(line);
    else found.push(line);
    edge = fromEnd ? Math.max(0, start - 1) : end + 1;
  }
  return { lines: found, edge };
}

/** What the box shows for `text`: all of it when short, else its head, a note and its tail. */
export function shownText(text: string): string {
  if (text.length <= SHOWN_LIMIT) return text;
  const head = lines(text, HEAD_LINES, false);
  const tail = lines(text, TAIL_LINES, true);
  const overlap = tail.edge < head.edge;
  const left = overlap ? 0 : text.slice(head.edge, tail.edge).split("\n").length;
  const kb = Math.round(text.length / 1024).toLocaleString("en");
  const note = `⋯ ${kb} KB pasted: ${overlap ? "long lines are cut here" : `${left.toLocaleString("en")} lines are not shown here`}, but search reads all of it ⋯`;
  return [...head.lines, note, ...(overlap ? [] : tail.lines)].join("\n");
}
