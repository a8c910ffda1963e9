/**
 * Reduces whatever a user pasted (a whole Python traceback, a Node.js stack
 * trace with its `{ errno, code }` block, a tsc line, a browser console line,
 * a bare message, an error number) to what identifies the error, setting
 * aside their own paths, names and numbers. Runs in the browser and in tests.
 */

export interface ReducedQuery {
  /** What the input looked like. */
  form: "python-traceback" | "node-stack" | "tsc" | "console" | "number" | "text";
  /** An exception class or error name (`KeyError`, `TypeError`). */
  className?: string;
  /** The error's message, without the class prefix. */
  message?: string;
  /** A code: `ECONNREFUSED`, `ERR_MODULE_NOT_FOUND`, `TS2345`. */
  code?: string;
  /** An error number as typed (`111`, `-111`, `10061`), sign dropped. */
  number?: number;
  /** Whether the number came from a Windows `[WinError N]`. */
  windows?: boolean;
  /** The text to give full-text search. */
  text: string;
}

/**
 * Past this many characters a paste is cut: only its identifying lines
 * matter. The head is kept for Node.js (the error comes first) and the tail
 * for Python (the final exception comes last).
 */
export const MAX_QUERY_LENGTH = 20_000;
const KEPT_HEAD = 4_000;

// Control characters (other than tab and newline) are never meaningful in an error.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

const PYTHON_EXCEPTION_LINE =
  /^([A-Za-z_][\w.]*(?:Error|Exception|Warning|Exit|Interrupt|Iteration|Expired|Group))(?:: (.*))?$/;
const JS_ERROR_LINE =
  /^(?:Uncaught (?:\(in promise\) )?)?((?:[A-Z]\w*)?Error|[A-Z]\w*Exception)(?: \[([A-Z][A-Z0-9_]+)\])?: (.*)$/;
const TSC_LINE = /\berror (TS\d{3,5}): (.*)$/;
const EDITOR_TS_LINE = /^(.*?)\s*\bts\((\d{3,5})\)/;
const NODE_CODE = /\bcode: '([A-Z][A-Z0-9_]+)'/;
const ERRNO_FORMS = /^(?:\[?(?:errno|winerror)\s*(-?\d+)\]?|(-?\d+))$/i;

function lastMatch(lines: readonly string[], pattern: RegExp): RegExpExecArray | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const match = pattern.exec(lines[i] ?? "");
    if (match) return match;
  }
  return undefined;
}

function firstMatch(lines: readonly string[], pattern: RegExp): RegExpExecArray | undefined {
  for (const line of lines) {
    const match = pattern.exec(line);
    if (match) return match;
  }
  return undefined;
}

function clean(input: string): string {
  const kept =
    input.length <= MAX_QUERY_LENGTH
      ? input
      : `${input.slice(0, KEPT_HEAD)}\n${input.slice(input.length - (MAX_QUERY_LENGTH - KEPT_HEAD))}`;
  return kept.replace(/\r\n?/g, "\n").replace(CONTROL, " ");
}

/** Reduces a pasted error to what identifies it. */
export function reduceQuery(input: string): ReducedQuery {
  const text = clean(input).trim();
  const lines = text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

  // An error number in any of its forms: 111, -111, [Errno 111], errno 111, WinError 10061.
  const numberForm = ERRNO_FORMS.exec(text.replace(/\s+/g, " "));
  if (numberForm) {
    const number = Math.abs(Number(numberForm[1] ?? numberForm[2]));
    return { form: "number", number, windows: /winerror/i.test(text), text: String(number) };
  }
  const bareCode = /^(?:error )?(TS\d{3,5}|E[A-Z0-9_]{2,}|ERR_[A-Z0-9_]+)$/i.exec(text);
  if (bareCode?.[1]) {
    const code = bareCode[1].toUpperCase();
    return { form: "text", code, text: code };
  }

  // tsc and editors: `src/a.ts(3,7): error TS2345: Argument of type …`
  const tsc = lastMatch(lines, TSC_LINE);
  if (tsc?.[1])
    return { form: "tsc", code: tsc[1], message: tsc[2] ?? "", text: `${tsc[1]} ${tsc[2] ?? ""}`.trim() };
  // VS Code's hover and Problems panel end the message with `ts(2345)`.
  const editor = lastMatch(lines, EDITOR_TS_LINE);
  if (editor?.[2]) {
    const code = `TS${editor[2]}`;
    const message = (editor[1] ?? "").trim();
    return { form: "tsc", code, message, text: `${code} ${message}`.trim() };
  }

  // Python: the final exception of the (last) traceback decides; pytest prints it after `E   `.
  if (/Traceback \(most recent call last\)|^E\s{3,}\w/m.test(text)) {
    const pytest = text
      .split("\n")
      .filter((line) => /^E\s{3,}/.test(line))
      .map((line) => line.replace(/^E\s+/, "").trimEnd());
    // A traceback pasted into a one-line box loses its line breaks: then the
    // last class name in the text starts the final exception.
    const flattened =
      lines.length === 1
        ? /.*\b([A-Za-z_][\w.]*(?:Error|Exception|Warning|Exit|Interrupt|Iteration|Expired|Group))(?:: (.*))?$/.exec(
            text,
          )
        : undefined;
    const found =
      lastMatch(pytest, PYTHON_EXCEPTION_LINE) ??
      lastMatch(lines, PYTHON_EXCEPTION_LINE) ??
      flattened ??
      undefined;
    if (found?.[1]) {
      const className = found[1].split(".").pop() ?? found[1];
      const message = found[2] ?? "";
      return { form: "python-traceback", className, message, text: `${className} ${message}`.trim() };
    }
  }

  // Node.js and browsers: the thrown error's header line, and the code from `{ code: '…' }`.
  const thrown = firstMatch(lines, JS_ERROR_LINE);
  const nodeCode = firstMatch(lines, NODE_CODE)?.[1];
  if (thrown?.[1]) {
    const code = thrown[2] ?? nodeCode ?? /\b(E[A-Z]{3,}|ERR_[A-Z_]+)\b/.exec(thrown[3] ?? "")?.[1];
    const message = thrown[3] ?? "";
    const form = /^Uncaught /.test(lines.find((line) => JS_ERROR_LINE.test(line)) ?? "")
      ? "console"
      : "node-stack";
    return {
      form,
      className: thrown[1],
      message,
      ...(code ? { code } : {}),
      text: `${code ?? thrown[1]} ${message}`.trim(),
    };
  }
  if (nodeCode) return { form: "node-stack", code: nodeCode, text: nodeCode };

  // A single line `SomeError: message` without a traceback.
  const single = lines.length === 1 ? PYTHON_EXCEPTION_LINE.exec(lines[0] ?? "") : undefined;
  if (single?.[1]) {
    const className = single[1].split(".").pop() ?? single[1];
    return {
      form: "text",
      className,
      message: single[2] ?? "",
      text: `${className} ${single[2] ?? ""}`.trim(),
    };
  }
  const last = lines.at(-1) ?? "";
  return { form: "text", message: last, text: last.slice(0, 200) };
}
