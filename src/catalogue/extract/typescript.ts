import ts from "typescript";
import type { TypeScriptCatalogue } from "../runtime-schema.ts";

/**
 * TypeScript's diagnostic catalogue, read from the project's installed
 * `typescript` package: every entry of `ts.Diagnostics`, the table the
 * compiler itself reports from (generated from diagnosticMessages.json).
 *
 * `ts.Diagnostics` exists at runtime but is not in typescript.d.ts, so it is
 * read through the one cast below. The only hand-written rule is the
 * placeholder rename: TypeScript's `{0}` becomes errdex's `{arg0}`, because
 * errdex placeholders are names, not numbers.
 */

type TypeScriptRow = TypeScriptCatalogue["rows"][number];

/** The shape of each `ts.Diagnostics` entry that errdex reads. */
interface DiagnosticEntry {
  code: number;
  category: ts.DiagnosticCategory;
  message: string;
}

const CATEGORIES: Record<ts.DiagnosticCategory, TypeScriptRow["category"]> = {
  [ts.DiagnosticCategory.Error]: "error",
  [ts.DiagnosticCategory.Warning]: "warning",
  [ts.DiagnosticCategory.Suggestion]: "suggestion",
  [ts.DiagnosticCategory.Message]: "message",
};

/** `ts.Diagnostics`: present at runtime, missing from the published typings. */
function diagnostics(): Record<string, DiagnosticEntry> {
  return (ts as unknown as { Diagnostics: Record<string, DiagnosticEntry> }).Diagnostics;
}

export function extractTypeScript(): TypeScriptCatalogue {
  const rows = Object.values(diagnostics())
    .sort((a, b) => a.code - b.code)
    .map((entry): TypeScriptRow => ({
      code: `TS${entry.code}`,
      category: CATEGORIES[entry.category],
      message: entry.message.replace(/\{(\d+)\}/g, "{arg$1}"),
    }));
  return { source: `TypeScript ${ts.version}`, read: 'require("typescript").Diagnostics', rows };
}
