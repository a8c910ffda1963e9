import { z } from "astro/zod";

/**
 * The runtime catalogues: every error code or class a runtime defines, read
 * from the runtime itself by `npm run catalogue:update`
 * (src/catalogue/extract/) into `content/catalogue/<language>.json`. Nothing
 * in them is typed by hand; a unit test reruns the extraction and compares.
 * A code with no deep entry still gets a page from its row.
 */

/**
 * A message template in errdex's placeholder form: `{arg0}` for
 * TypeScript's `{0}` and Node.js's `%s`. Other braces are the runtime's own
 * text (`add an empty 'export {}'`) and match literally; unlike an entry's
 * templates, a catalogue's cannot be reworded to avoid them.
 */
const template = z
  .string()
  .min(1)
  .refine((text) => !/\{\d+\}|%[sdifjoO]/.test(text), {
    error: "holds a positional {0} or %s the extraction should have named; rerun npm run catalogue:update",
  });

/** What every catalogue file says about where its rows came from. */
const provenance = {
  /** The runtime and version the rows were read from: `TypeScript 6.0.3`. */
  source: z.string().min(1),
  /** How they were read: `require("typescript").Diagnostics`. */
  read: z.string().min(1),
};

/** `content/catalogue/typescript.json`: every diagnostic of the installed compiler. */
export const typescriptCatalogueSchema = z.strictObject({
  ...provenance,
  rows: z.array(
    z.strictObject({
      /** `TS2589` */
      code: z.string().regex(/^TS\d{4,5}$/),
      /** The diagnostic's category, as the compiler classes it. */
      category: z.enum(["error", "warning", "suggestion", "message"]),
      /** The message, `{0}` written `{arg0}`. */
      message: template,
    }),
  ),
});

/** `content/catalogue/node.json`: every `ERR_*` code of the installed Node.js. */
export const nodeCatalogueSchema = z.strictObject({
  ...provenance,
  rows: z.array(
    z.strictObject({
      /** `ERR_INVALID_STATE` */
      code: z.string().regex(/^ERR_[A-Z0-9_]+$/),
      /** The classes Node.js throws it as: `["TypeError"]`, or several. */
      classes: z.array(z.string().regex(/^[A-Z]\w*$/)),
      /**
       * How Node.js builds the message: `string` (a format string, so
       * `messages` is the whole message), `function` (code builds it, so
       * `messages` are its fixed pieces), `unknown` (no source found).
       */
      messageFrom: z.enum(["string", "function", "unknown"]),
      messages: z.array(template),
    }),
  ),
});

/** `content/catalogue/python.json`: every exception class of builtins and the standard library. */
export const pythonCatalogueSchema = z.strictObject({
  ...provenance,
  rows: z.array(
    z.strictObject({
      /** As a traceback's last line names it: `KeyError`, `json.decoder.JSONDecodeError`. */
      name: z.string().regex(/^[A-Za-z_][\w.]*$/),
      /** The public name it is imported and documented by: `json.JSONDecodeError`. */
      documentedAs: z.string().regex(/^[A-Za-z_][\w.]*$/),
      /** Its first base class, named the same way; null for `BaseException`. */
      base: z.string().nullable(),
      /** The first paragraph of its own docstring, if it has one. */
      doc: z.string().nullable(),
    }),
  ),
});

export type TypeScriptCatalogue = z.infer<typeof typescriptCatalogueSchema>;
export type NodeCatalogue = z.infer<typeof nodeCatalogueSchema>;
export type PythonCatalogue = z.infer<typeof pythonCatalogueSchema>;
