import { AstroError } from "astro/errors";

/**
 * A problem in the content, in the one format errdex reports them:
 * `file:line: field: what is wrong`, with a hint saying what to do. It is
 * an AstroError, so `astro build` and `astro dev` show the hint the way
 * Astro shows its own (Starlight does the same).
 */
export class EntryError extends AstroError {
  /** The file, as shown to the user. */
  readonly file: string;
  /** The line, or `line:column`. */
  readonly line: number | string | undefined;

  constructor(
    file: string,
    line: number | string | undefined,
    problem: string,
    hint: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}${line ? `:${line}` : ""}: ${problem}`, hint);
    this.file = file;
    this.line = line;
    if (options?.cause !== undefined) this.cause = options.cause;
  }

  /** One error that reports every problem at once, each on its own line, with their hints. */
  static all(errors: readonly EntryError[]): EntryError {
    if (errors.length === 1) return errors[0]!;
    const combined = new EntryError(
      errors[0]?.file ?? "content",
      undefined,
      "",
      [...new Set(errors.map((error) => error.hint).filter(Boolean))].join("\n"),
    );
    combined.message = `${errors.length} problems in the content:\n  ${errors.map((error) => error.message).join("\n  ")}`;
    return combined;
  }
}
