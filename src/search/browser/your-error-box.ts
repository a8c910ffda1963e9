/**
 * "Your error" on an entry page: when the page was opened from a search of
 * a pasted error, or by a link that carries one in its fragment, it opens
 * with the reader's own error line, each of their values marked and named,
 * and the entry's sentence for that message with their values in it. The
 * reader can copy a link that reopens the page with the same box (the
 * message travels in the fragment, which no browser sends to a server),
 * and a ticket text that quotes it; both leave out paths, host names and
 * addresses unless the reader says otherwise. Loaded by copy-buttons.ts
 * only when there is an error to show.
 */
import { explainPaste, redact, type EntryTemplates, type LinePiece } from "../your-error.ts";
import { forgetError, takeErrorFor, YOUR_ERROR_FRAGMENT } from "./your-error-handoff.ts";

/** What the entry page writes into its `<script type="application/json" data-your-error>`. */
export interface YourErrorData extends EntryTemplates {
  title: string;
  language: string;
  /** The fix in one sentence of Markdown. */
  fixLine: string;
  /** The absolute URL of the Fix section. */
  fixUrl: string;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** Pieces as text with each value in a <mark> naming its placeholder. */
function marked(pieces: LinePiece[]): (Node | string)[] {
  return pieces.map((piece) =>
    piece.placeholder ? element("mark", { title: `{${piece.placeholder}}` }, piece.text) : piece.text,
  );
}

/** Pieces as one string; with `hide`, paths, hosts and addresses left out of the whole. */
const plain = (pieces: LinePiece[], hide: boolean) => {
  const text = pieces.map((piece) => piece.text).join("");
  return hide ? redact(text) : text;
};

function copyButton(label: string, text: () => string): HTMLButtonElement {
  const button = element("button", { type: "button", textContent: label });
  button.addEventListener("click", () => {
    navigator.clipboard.writeText(text()).then(
      () => (button.textContent = "Copied"),
      () => (button.textContent = "Copy failed"),
    );
    setTimeout(() => (button.textContent = label), 2000);
  });
  return button;
}

function show(data: YourErrorData, pasted: string): void {
  const explained = explainPaste(pasted, data);
  // Right under the error's name and summary: the reader's own line first.
  const anchor = document.querySelector(".entry-header .summary");
  if (!explained || !anchor) return;
  const page = document.querySelector<HTMLLinkElement>("link[rel=canonical]")?.href ?? location.href;
  const hide = element("input", { type: "checkbox", checked: true, id: "your-error-hide" });
  const line = element("code");
  const explanation = element("p", { className: "your-error-explanation" });
  // The reader sees their own values; what they share leaves them out unless they untick the box.
  line.replaceChildren(...marked(explained.pieces));
  explanation.replaceChildren(...(explained.explanation ? marked(explained.explanation) : []));
  explanation.hidden = !explained.explanation;

  const message = () => plain(explained.pieces, hide.checked);
  const link = () => `${page.split("#")[0]}#${YOUR_ERROR_FRAGMENT}${encodeURIComponent(message())}`;
  const ticket = () => {
    const origin = new URL(data.fixUrl).origin;
    return [
      `\`${data.title}\` (${data.language}): \`${message()}\``,
      ...(explained.explanation ? [plain(explained.explanation, hide.checked)] : []),
      `Fix: ${data.fixLine.replace(/\]\(\//g, `](${origin}/`)}`,
      data.fixUrl,
      `With my error: ${link()}`,
    ].join("\n");
  };
  const box = element(
    "section",
    { className: "your-error", id: "your-error" },
    element("h2", { id: "your-error-title", textContent: "Your error" }),
    element("pre", {}, line),
    explanation,
    element(
      "div",
      { className: "your-error-actions" },
      copyButton("Copy link with my error", link),
      copyButton("Copy for ticket with my error", ticket),
      element("label", { htmlFor: "your-error-hide" }, hide, " Leave out paths, host names and IP addresses"),
    ),
  );
  box.setAttribute("aria-labelledby", "your-error-title");
  const dismiss = element("button", {
    type: "button",
    className: "your-error-dismiss",
    textContent: "Dismiss",
  });
  dismiss.addEventListener("click", () => {
    box.remove();
    forgetError();
    if (location.hash.startsWith(`#${YOUR_ERROR_FRAGMENT}`))
      history.replaceState(null, "", location.pathname);
  });
  box.querySelector(".your-error-actions")?.append(dismiss);
  anchor.after(box);
}

const script = document.querySelector("script[data-your-error]");
const pasted = takeErrorFor(location.pathname);
if (script && pasted) show(JSON.parse(script.textContent ?? "{}") as YourErrorData, pasted);
