import { readFileSync } from "node:fs";
import { AstroError } from "astro/errors";
import { z } from "astro/zod";
import { load } from "js-yaml";
import { contentPath, displayPath } from "../content-layer/content-dir.ts";
import type { Language } from "../entry/languages.ts";
import {
  nodeCatalogueSchema,
  pythonCatalogueSchema,
  typescriptCatalogueSchema,
  type NodeCatalogue,
  type PythonCatalogue,
  type TypeScriptCatalogue,
} from "./runtime-schema.ts";
import { entryUrl, pythonClassSlug, slugFromCode } from "./urls.ts";

/**
 * The rows of the runtime catalogues (`content/catalogue/*.json`, see
 * runtime-schema.ts), each with the URL of its page: every TypeScript
 * diagnostic, Node.js `ERR_*` code and Python exception class has one,
 * whether or not errdex has written a deep entry for it yet.
 */

/** One code or class a runtime defines. */
export interface CatalogueRow {
  language: Language;
  /** What a user sees printed: `TS2589`, `ERR_INVALID_STATE`, `json.decoder.JSONDecodeError`. */
  name: string;
  /** The code, for TypeScript and Node.js rows. */
  code?: string;
  /** Its URL's slug, by the URL rules (urls.ts). */
  slug: string;
  url: string;
  /** Whole messages in errdex's placeholder form, which search matches. */
  templates: string[];
  /** The fixed pieces of a message Node.js builds in code (not whole messages). */
  parts: string[];
  /** TypeScript's category: `error`, `warning`, `suggestion`, `message`. */
  category?: string;
  /** The classes Node.js throws it as. */
  classes?: string[];
  /** How Node.js builds its message (runtime-schema.ts). */
  messageFrom?: "string" | "function" | "unknown";
  /** A Python class's base, as a traceback names it. */
  base?: string;
  /** The public name a Python class is imported by (`json.JSONDecodeError`). */
  documentedAs?: string;
  /** A Python class's docstring, first paragraph. */
  doc?: string;
  /** The official documentation of this code or class, where there is a page for it. */
  docsUrl?: string;
  /** What the row was read from: `TypeScript 6.0.3`. */
  source: string;
}

/** The catalogue files, by language. */
export const RUNTIME_CATALOGUE_FILES: Record<Language, string> = {
  python: contentPath("catalogue", "python.json"),
  node: contentPath("catalogue", "node.json"),
  typescript: contentPath("catalogue", "typescript.json"),
};

function read<T>(language: Language, schema: z.ZodType<T>): T {
  const file = RUNTIME_CATALOGUE_FILES[language];
  let raw: unknown;
  try {
    // JSON is YAML, and js-yaml names the line of a syntax error.
    raw = load(readFileSync(file, "utf8"));
  } catch (error) {
    throw new AstroError(
      `${displayPath(file)}: cannot be read: ${(error as Error).message}`,
      "The runtime catalogues are generated: run `npm run catalogue:update` rather than editing them.",
    );
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new AstroError(
      `${displayPath(file)}: does not fit its schema (src/catalogue/runtime-schema.ts):\n${z.prettifyError(parsed.error)}`,
      "The runtime catalogues are generated: run `npm run catalogue:update` rather than editing them.",
    );
  return parsed.data;
}

function typescriptRows(data: TypeScriptCatalogue): CatalogueRow[] {
  return data.rows.map((row) => ({
    language: "typescript",
    name: row.code,
    code: row.code,
    slug: slugFromCode(row.code),
    url: entryUrl("typescript", slugFromCode(row.code)),
    templates: [row.message],
    parts: [],
    category: row.category,
    source: data.source,
  }));
}

function nodeRows(data: NodeCatalogue): CatalogueRow[] {
  return data.rows.map((row) => ({
    language: "node",
    name: row.code,
    code: row.code,
    slug: slugFromCode(row.code),
    url: entryUrl("node", slugFromCode(row.code)),
    templates: row.messageFrom === "string" ? row.messages : [],
    parts: row.messageFrom === "function" ? row.messages : [],
    classes: row.classes,
    messageFrom: row.messageFrom,
    // Node.js's errors page has an anchor for each code: `#err_invalid_state`.
    docsUrl: `https://nodejs.org/api/errors.html#${row.code.toLowerCase()}`,
    source: data.source,
  }));
}

function pythonRows(data: PythonCatalogue): CatalogueRow[] {
  return data.rows.map((row) => {
    const module = row.documentedAs.includes(".")
      ? row.documentedAs.slice(0, row.documentedAs.lastIndexOf("."))
      : undefined;
    // docs.python.org anchors a class by the name it is documented by, on
    // its module's page; built-in exceptions have one page.
    const page = module ? `${module}.html` : "exceptions.html";
    return {
      language: "python",
      name: row.name,
      slug: pythonClassSlug(row.name),
      url: entryUrl("python", pythonClassSlug(row.name)),
      templates: [],
      parts: [],
      ...(row.base ? { base: row.base } : {}),
      documentedAs: row.documentedAs,
      ...(row.doc ? { doc: row.doc } : {}),
      docsUrl: `https://docs.python.org/3/library/${page}#${row.documentedAs}`,
      source: data.source,
    };
  });
}

let cached: CatalogueRow[] | undefined;

/** Every row of the three catalogues, validated; a bad file stops the build, named with its field. */
export function runtimeRows(): CatalogueRow[] {
  cached ??= [
    ...pythonRows(read("python", pythonCatalogueSchema)),
    ...nodeRows(read("node", nodeCatalogueSchema)),
    ...typescriptRows(read("typescript", typescriptCatalogueSchema)),
  ];
  return cached;
}

/** A one-line description of a row, for its page's description and search results. */
export function rowSummary(row: CatalogueRow): string {
  switch (row.language) {
    case "typescript":
      return `TypeScript ${row.category ?? "diagnostic"} ${row.name}: ${row.templates[0] ?? ""}`;
    case "node":
      return row.templates[0]
        ? `Node.js ${row.classes?.[0] ?? "Error"} ${row.name}: ${row.templates[0]}`
        : row.messageFrom === "function"
          ? `Node.js ${row.classes?.[0] ?? "Error"} with code ${row.name}, whose message Node.js builds from the call's arguments.`
          : `Node.js ${row.classes?.[0] ?? "Error"} with code ${row.name}, whose message the code that throws it writes.`;
    case "python":
      return row.doc
        ? `${row.name} (a subclass of ${row.base ?? "nothing"}): ${row.doc}`
        : `${row.name}, a Python exception class derived from ${row.base ?? "nothing"}.`;
  }
}
