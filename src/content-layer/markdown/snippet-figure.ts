import type { ShikiTransformer } from "shiki";
import type { Element } from "hast";
import { spanLabel } from "../../entry/runtime-versions.ts";
import { fenceAttributes, SNIPPET_ROLES, snippetRoleFromMeta } from "../../entry/snippet-roles.ts";
import type { SnippetRecording } from "../../entry/recordings.ts";
import { recordedOutput } from "./snippet-output.ts";

const LANGUAGE_NAMES: Record<string, string> = {
  python: "Python",
  py: "Python",
  typescript: "TypeScript",
  ts: "TypeScript",
  javascript: "JavaScript",
  js: "JavaScript",
  text: "Output",
  console: "Terminal",
  sh: "Shell",
};

function text(value: string) {
  return { type: "text" as const, value };
}

function span(className: string, value: string): Element {
  return {
    type: "element",
    tagName: "span",
    properties: { className: [className] },
    children: [text(value)],
  };
}

/**
 * An output longer than this many lines is shown by its head and tail: an
 * uncaught error that carries a whole HTTP request (axios prints about
 * 1,600 lines) would otherwise be most of the page's weight, while what a
 * reader compares with their own is at its start and end.
 */
const LONG_OUTPUT = { lines: 80, head: 50, tail: 15 };

/** `output`, or its head and tail with a line saying how much is left out between them. */
function shownOutput(output: string): string {
  const lines = output.split("\n");
  if (lines.length <= LONG_OUTPUT.lines) return output;
  const left = lines.length - LONG_OUTPUT.head - LONG_OUTPUT.tail;
  return [
    ...lines.slice(0, LONG_OUTPUT.head),
    `⋯ ${left.toLocaleString("en")} more lines of the same output, left out here ⋯`,
    ...lines.slice(-LONG_OUTPUT.tail),
  ].join("\n");
}

/** What the run printed, as `npm run verify` recorded it, under the code. */
function outputBlock(recording: SnippetRecording, role: string): Element {
  const { exitCode } = recording;
  const output = shownOutput(recording.output);
  const status = exitCode === null ? "type-checked, not run" : `exit status ${exitCode}`;
  // A snippet run with libraries (`with=requests`) says what ran it.
  const by = recording.runtime ? ` on ${recording.runtime}` : "";
  const label = role === "repro" && exitCode === null ? "tsc output" : "Output";
  return {
    type: "element",
    tagName: "div",
    properties: { className: ["snippet-output"] },
    children: [
      {
        type: "element",
        tagName: "p",
        properties: { className: ["snippet-output-label"] },
        children: [
          span("snippet-output-title", label),
          text(" "),
          span("snippet-output-status", `${status}, recorded by npm run verify${by}`),
        ],
      },
      {
        type: "element",
        tagName: "pre",
        properties: { tabindex: 0 },
        children: [{ type: "element", tagName: "samp", properties: {}, children: [text(output)] }],
      },
    ],
  };
}

/**
 * A Shiki transformer that wraps every highlighted block in a `<figure>`
 * whose caption names the snippet's role (from the fence meta: `repro`,
 * `fix`, `bad`), its file name (`file=`) and language, with a copy button that the page's small
 * script reveals and wires up (it stays hidden without JavaScript), and
 * below the code the output recorded when the verifier ran it.
 */
export function snippetFigureTransformer(): ShikiTransformer {
  return {
    name: "errdex:snippet-figure",
    pre(pre) {
      const role = snippetRoleFromMeta(this.options.meta?.__raw);
      if (role) pre.properties["data-role"] = role;
      // Readers search with what their program printed, not with our example
      // code: indexing snippet sources made one-letter variables match
      // nonsense queries and grew the index. Recorded outputs stay indexed.
      pre.properties["data-pagefind-ignore"] = "";
    },
    root(root) {
      const pre = root.children.find((child): child is Element => child.type === "element");
      if (!pre) return;
      const role = snippetRoleFromMeta(this.options.meta?.__raw);
      const lang = this.options.lang;
      const caption: Element[] = [];
      if (role) {
        caption.push(
          span("snippet-role", SNIPPET_ROLES[role].label),
          span("snippet-note", SNIPPET_ROLES[role].note),
        );
      }
      // `file=src/util.ts`: the file the snippet is, or one it needs beside it.
      const attributes = fenceAttributes(this.options.meta?.__raw);
      const file = attributes["file"];
      if (file) caption.push({ ...span("snippet-file", file), tagName: "code" });
      // `since=3.11`: the snippet runs only on the versions it claims.
      if (attributes["since"] || attributes["removedIn"])
        caption.push(
          span(
            "snippet-versions",
            spanLabel(this.options.lang, { since: attributes["since"], removedIn: attributes["removedIn"] }),
          ),
        );
      caption.push(span("snippet-lang", LANGUAGE_NAMES[lang] ?? lang));
      caption.push({
        type: "element",
        tagName: "button",
        properties: { type: "button", className: ["copy-button"], hidden: true, "data-copy": "" },
        children: [text("Copy")],
      });
      const recording = role ? recordedOutput(lang, this.source) : undefined;
      const figure: Element = {
        type: "element",
        tagName: "figure",
        properties: { className: ["snippet"], ...(role ? { "data-role": role } : {}) },
        children: [
          { type: "element", tagName: "figcaption", properties: {}, children: caption },
          pre,
          ...(recording?.output ? [outputBlock(recording, role ?? "")] : []),
        ],
      };
      root.children = [figure];
    },
  };
}
