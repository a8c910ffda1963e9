import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";

/**
 * Recordings are what `npm run verify` saw when it ran an entry's snippets:
 * one JSON file beside each entry (`content/errors/python/key-error.mdx` →
 * `key-error.verified.json`). The site renders them under the snippets and
 * states what they were verified with; nothing shown is typed by hand.
 */

/** The runtimes and system a recording was made with: the primary versions, whose outputs the page shows. */
export interface VerifiedWith {
  python: string;
  node: string;
  typescript: string;
  os: string;
  /** ISO date (YYYY-MM-DD) the outputs were recorded. */
  date: string;
}

/**
 * The runtimes an entry's snippets ran on, as the page names them: Python
 * for a Python entry, Node.js and TypeScript for the others.
 */
export function verifiedRuntimes(language: string, verifiedWith: VerifiedWith): string[] {
  return language === "python"
    ? [`Python ${verifiedWith.python}`]
    : [`Node.js ${verifiedWith.node}`, `TypeScript ${verifiedWith.typescript}`];
}

/**
 * What one or more versions printed for a snippet, where they printed the
 * same: `on` names each exactly (`python 3.9.18`). Without `output`, they
 * printed what the page shows (the snippet's own `output`).
 */
export interface VersionOutput {
  on: string[];
  output?: string;
  exitCode?: number | null;
  /** The error as the verifier read it (`NameError: name 'json' is not defined`), for a repro or probe. */
  message?: string;
  /** These versions are outside the entry's `versions` span: the repro did not raise the entry's error (`message` is what it raised instead). */
  outside?: boolean;
}

/** One snippet's recorded run. */
export interface SnippetRecording {
  /** Which snippet: see {@link snippetHash}. */
  hash: string;
  role: string;
  lang: string;
  /** Line of the opening fence in the MDX file, for people reading the JSON. */
  line: number;
  /** What the reader is shown: the normalised output of the run. */
  output: string;
  /** The exit status, or null when the snippet was only type-checked or parsed. */
  exitCode: number | null;
  /** See {@link filesHash}: set when the snippet has `file=` fences, a `file=` name or `with=` libraries. */
  files?: string;
  /** What ran it, when not the entry's usual runtime: `Debian's Python 3.11.2 with requests 2.28.1`. */
  runtime?: string;
  /**
   * Each version's run, by `runtime version` (`python 3.9.18`): a digest of
   * the snippet, its files, the version and the runner's code. A run whose
   * key is unchanged is not run again (see src/verify/run-keys.ts).
   */
  runs?: Record<string, string>;
  /** What every version printed (the page's own version included), grouped where it is the same. */
  versions?: VersionOutput[];
}

export interface EntryRecording {
  verifiedWith: VerifiedWith;
  snippets: SnippetRecording[];
}

/** Identifies a snippet by its language and exact code, so an edit makes the recording stale. */
export function snippetHash(lang: string, code: string): string {
  return createHash("sha256").update(`${lang}\n${code}`).digest("hex").slice(0, 16);
}

/**
 * Identifies the files a snippet runs with (its `file=` fences), the
 * name it runs under and the libraries it runs `with=`: recorded beside its output, so editing one of them
 * makes the recording stale even though the snippet's own code (its hash)
 * is unchanged.
 */
export function filesHash(
  files: Readonly<Record<string, string>>,
  name: string | undefined,
  libraries: readonly string[] = [],
): string {
  const hash = createHash("sha256").update(`name ${name ?? ""}\n`);
  if (libraries.length > 0) hash.update(`with ${libraries.join(",")}\n`);
  for (const [file, code] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b)))
    hash.update(`${file}\n${code.length}\n${code}`);
  return hash.digest("hex").slice(0, 16);
}

/** Where an entry's recording lives. */
export function recordingPath(entryFile: string): string {
  return entryFile.replace(/\.mdx$/, ".verified.json");
}

/** Reads an entry's recording, or undefined when it has none yet. */
export function readRecording(entryFile: string): EntryRecording | undefined {
  const file = recordingPath(entryFile);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as EntryRecording) : undefined;
}
