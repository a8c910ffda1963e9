import { spawnSync } from "node:child_process";
import ts from "typescript";
import type { NodeCatalogue } from "../runtime-schema.ts";

/**
 * Node.js's error catalogue, read from the project's own Node.js
 * (`process.execPath`, the `node` devDependency): every key of
 * `require("internal/errors").codes`, with the message each code was
 * registered with.
 *
 * Node registers each code with `E('ERR_X', message, Class, ...otherClasses)`
 * and keeps the messages in a module-private Map, so no API hands them out.
 * The one place they can be read is the module's own source, which Node
 * embeds in its binary; this module parses that source with the TypeScript
 * compiler API (not with regexes: messages span lines, mix quotes and build
 * text in functions) and turns each message into an errdex template.
 */

type NodeRow = NodeCatalogue["rows"][number];

/** Runs inside the project's Node.js with --expose-internals; prints what the parent parses. */
const PROBE = `
const codes = Object.keys(require("internal/errors").codes);
const { internalBinding } = require("internal/test/binding");
const source = internalBinding("builtins").natives["internal/errors"];
process.stdout.write(JSON.stringify({ version: process.versions.node, codes, source }));
`;

interface Probe {
  version: string;
  codes: string[];
  source: string;
}

/**
 * `HideStackFramesError` is passed to E() as a marker (trim Node's own frames
 * from the stack), not as a class the error is ever an instance of.
 */
const NOT_A_CLASS = new Set(["HideStackFramesError"]);

/** Fixed text a function-built template needs before it is worth keeping. */
const MIN_FIXED_TEXT = 12;

const PLACEHOLDER_NAME = /^[A-Za-z_][\w-]*$/;

/** One piece of a message: literal text, or a `{name}` placeholder. */
type Part = { text: string } | { name: string };

function probe(): Probe {
  // internal/test/binding warns that it is for tests only; --no-warnings silences it.
  const run = spawnSync(process.execPath, ["--expose-internals", "--no-warnings", "-e", PROBE], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`errdex: reading Node's internal/errors failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as Probe;
}

/** Node's util.format specifiers become `{arg0}`, `{arg1}` … in order; `%%` is a literal `%`. */
function fromFormatString(format: string): string {
  let next = 0;
  return format.replace(/%([sdijoOf%])/g, (_match, specifier: string) =>
    specifier === "%" ? "%" : `{arg${next++}}`,
  );
}

/** The placeholder name for an interpolated expression: `name`, `a.b` → `b`, else `value`. */
function placeholderName(expression: ts.Expression): string {
  let node = expression;
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  const name = ts.isIdentifier(node)
    ? node.text
    : ts.isPropertyAccessExpression(node)
      ? node.name.text
      : "value";
  return PLACEHOLDER_NAME.test(name) ? name : "value";
}

function isStringPiece(node: ts.Node): node is ts.StringLiteral | ts.TemplateLiteral {
  return (
    ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)
  );
}

/** The operands of a `+` chain, left to right (`a + b + c` parses as `(a + b) + c`). */
function plusOperands(node: ts.Expression): ts.Expression[] {
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken)
    return [...plusOperands(node.left), ...plusOperands(node.right)];
  return [node];
}

/** A `+` chain that builds a string: at least one operand is a string or template literal. */
function isStringChain(node: ts.Node): node is ts.BinaryExpression {
  return (
    ts.isBinaryExpression(node) &&
    node.operatorToken.kind === ts.SyntaxKind.PlusToken &&
    plusOperands(node).some(isStringPiece)
  );
}

/** The parts of a string literal, template literal or `+` chain. */
function partsOf(node: ts.Expression): Part[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [{ text: node.text }];
  if (ts.isTemplateExpression(node)) {
    const parts: Part[] = [{ text: node.head.text }];
    for (const span of node.templateSpans) {
      parts.push({ name: placeholderName(span.expression) }, { text: span.literal.text });
    }
    return parts;
  }
  if (isStringChain(node)) return plusOperands(node).flatMap(partsOf);
  return [{ name: placeholderName(node) }];
}

/**
 * Literal text that reads as a placeholder (`{foo}`) would be taken for one;
 * such braces are dropped so only real placeholders remain.
 */
function literal(text: string): string {
  return text.replace(/\{([A-Za-z_][\w-]*)\}/g, "$1");
}

/** The template for a run of parts. */
function template(parts: Part[]): string {
  return parts.map((part) => ("text" in part ? literal(part.text) : `{${part.name}}`)).join("");
}

/** How much of a template is fixed text rather than placeholders. */
function fixedLength(text: string): number {
  return text.replace(/\{[A-Za-z_][\w-]*\}/g, "").length;
}

/** A string-literal message (or a `+` chain of literals), or undefined when it is not one. */
function constantText(node: ts.Expression): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const pieces = plusOperands(node).map(constantText);
    return pieces.every((piece) => piece !== undefined) ? pieces.join("") : undefined;
  }
  return undefined;
}

/** `assert(cond, 'text')` inside a message function is a check on Node's own caller, not the message. */
function isAssertCall(node: ts.Node): boolean {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "assert";
}

/**
 * A literal passed straight to a call is data for that call, not message
 * text: `require('internal/options')`, `StringPrototypeStartsWith(f, 'file://')`,
 * `ObjectDefineProperty(this, 'requireStack', …)`.
 */
function isCallArgument(node: ts.Node): boolean {
  return ts.isCallExpression(node.parent) && node.parent.arguments.some((argument) => argument === node);
}

/**
 * The fixed text a message function builds: each maximal string literal,
 * template literal or `+` chain in its body becomes a template. Short ones
 * (`'argument'`, `' or '`) are pieces of a larger message and are dropped.
 */
function functionTemplates(fn: ts.FunctionExpression | ts.ArrowFunction): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (isAssertCall(node)) return;
    if (isStringPiece(node) || isStringChain(node)) {
      if (isCallArgument(node)) return;
      const built = template(partsOf(node));
      // Kept without the line breaks and spaces that join it to the next piece.
      const text = built.trim();
      if (fixedLength(built) >= MIN_FIXED_TEXT && !found.includes(text)) found.push(text);
      // Interpolated expressions may hold messages of their own (`${a ? 'x' : 'y'}`).
      const inner = ts.isTemplateExpression(node)
        ? node.templateSpans.map((span) => span.expression)
        : isStringChain(node)
          ? plusOperands(node).filter((operand) => !isStringPiece(operand))
          : [];
      inner.forEach(visit);
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn.body, visit);
  return found;
}

/** What each `E('ERR_X', message, Class, …)` call in the source registers, by code. */
function registrations(source: string): Map<string, Omit<NodeRow, "code">> {
  const file = ts.createSourceFile(
    "internal/errors.js",
    source,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.JS,
  );
  const found = new Map<string, Omit<NodeRow, "code">>();
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "E") {
      const [code, message, ...classes] = node.arguments;
      if (code && message && ts.isStringLiteral(code)) {
        const classNames = classes
          .map((argument) => (ts.isIdentifier(argument) ? argument.text : argument.getText(file)))
          .filter((name) => !NOT_A_CLASS.has(name));
        const text = constantText(message);
        if (text !== undefined)
          found.set(code.text, {
            classes: classNames,
            messageFrom: "string",
            messages: [fromFormatString(literal(text))],
          });
        else if (ts.isFunctionExpression(message) || ts.isArrowFunction(message))
          found.set(code.text, {
            classes: classNames,
            messageFrom: "function",
            messages: functionTemplates(message),
          });
        else found.set(code.text, { classes: classNames, messageFrom: "unknown", messages: [] });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

export function extractNode(): NodeCatalogue {
  const { version, codes, source } = probe();
  const registered = registrations(source);
  const rows = [...codes]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((code): NodeRow => ({
      code,
      ...(registered.get(code) ?? { classes: [], messageFrom: "unknown", messages: [] }),
    }));
  return {
    source: `Node.js ${version}`,
    read: 'require("internal/errors").codes, with messages from the E() calls in Node\'s embedded lib/internal/errors.js',
    rows,
  };
}
