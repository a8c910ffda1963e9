import { referencesOf, type EntryComponentName } from "../entry/components.ts";
import { EntryError } from "../entry/errors.ts";
import type { EntryData } from "../entry/schema.ts";

type VersionSpan = { since?: string | undefined; removedIn?: string | undefined };
import { ticketLineProblem } from "../entry/ticket.ts";
import { displayPath, ERRNO_FILE } from "../content-layer/content-dir.ts";
import { bareClassName, HIERARCHY_FILE, type PythonHierarchy } from "./python-hierarchy.ts";
import { isCanonicalSlug, parseEntryId, type EntryIdentity } from "./urls.ts";
import { LANGUAGE_REGISTRY } from "../entry/languages.ts";
import { RUNTIMES, inSpan, releaseOf, type Runtime } from "../entry/runtime-versions.ts";

/** What the cross-entry checks need to know about one entry. */
export interface CheckedEntry {
  id: string;
  filePath: string;
  data: EntryData;
  /** The ticket line: `fixLine`, or the Fix section's first sentence (src/entry/reader.ts). */
  fixLine?: string | undefined;
  /** "Why this works" (src/entry/reader.ts). */
  fixWhy?: string | undefined;
  /** The entry's component uses, whose ids must exist. */
  components?: readonly { name: string; props: Record<string, unknown>; line: number }[];
}

const HINTS: Record<string, string> = {
  related:
    "`related` names entries by id, <language>/<slug>, as their files are named under content/errors/.",
  errno: "Add the row to content/errno.yaml first, or fix the name.",
  title: "The file name is the URL: see the URL rules in src/catalogue/urls.ts and CONTRIBUTING.md step 1.",
  aliases: "Two entries cannot claim one name: keep the alias on the entry it belongs to.",
  fixLine:
    "The ticket line is the first sentence of the Fix section; when that is not an instruction on its own, set `fixLine` to one.",
  component:
    "Link an existing entry (`python/key-error`) or errno row (`errno/ENOENT`); create the page first.",
};

function identityOf(data: EntryData, python: PythonHierarchy | undefined): EntryIdentity {
  if (data.kind === "exception")
    return { kind: "exception", className: python?.resolve(data.title) ?? data.title };
  if (data.kind === "message") return { kind: "message", message: data.messages[0] ?? data.title };
  return { kind: "code", code: data.code ?? data.title };
}

/**
 * Checks what a per-file schema cannot: that each slug follows the URL
 * rules, that related entries and errno names exist, that each entry gives
 * its own language's version range, that a Python entry's class and parent
 * agree with Python's hierarchy (when given), that no two entries claim
 * one name or alias, that every component names an entry or errno row that
 * exists, and that the ticket line and "why this works" hold their rules.
 * Returns every problem, each an EntryError naming its file (and line, for
 * a component), so the build reports them all at once in one format.
 */
export function validateCatalogue(
  entries: readonly CheckedEntry[],
  errnoNames: ReadonlySet<string>,
  python?: PythonHierarchy,
): EntryError[] {
  const problems: EntryError[] = [];
  const ids = new Set(entries.map((entry) => entry.id));
  const claimed = new Map<string, string>();

  for (const { id, filePath, data, fixLine, fixWhy, components = [] } of entries) {
    const say = (field: string, message: string, line?: number) =>
      problems.push(
        new EntryError(
          filePath,
          line,
          `${field}: ${message}`,
          HINTS[field] ?? "Every field and its rules are in src/entry/schema.ts.",
        ),
      );
    const { language, slug } = parseEntryId(id);

    if (!(LANGUAGE_REGISTRY[language].kinds as readonly string[]).includes(data.kind)) {
      say(
        "kind",
        `"${data.kind}" is not a ${language} kind (use ${LANGUAGE_REGISTRY[language].kinds.join(" or ")})`,
      );
    }
    if (data.kind !== "exception" && data.kind !== "message" && !data.code) {
      say("code", `a ${data.kind} entry needs its code`);
    }
    if (!isCanonicalSlug(slug, identityOf(data, python))) {
      say("title", `file name "${slug}" does not follow the URL rules for "${data.title}"`);
    }
    const legacy = RUNTIMES[language].legacy.map((version) => releaseOf(language, version));
    for (const [i, probe] of data.probes.entries()) {
      if (!legacy.includes(probe.on))
        say(
          `probes.${i}.on`,
          `${probe.on} is not a legacy ${RUNTIMES[language].label} version (${legacy.join(", ") || "it has none"})`,
        );
    }
    for (const [runtime, span] of Object.entries(data.versions ?? {}) as [Runtime, VersionSpan][]) {
      // The page shows the primary version's outputs, so the error must exist there.
      const primary = releaseOf(runtime, RUNTIMES[runtime].primary);
      if (!inSpan(primary, span))
        say(
          `versions.${runtime}`,
          `leaves out ${RUNTIMES[runtime].label} ${primary}, whose outputs the page shows`,
        );
      // A Python entry's snippets run only on Python; the others' on Node.js and TypeScript.
      if ((runtime === "python") !== (language === "python"))
        say(
          "versions",
          `a ${language} entry's snippets never run on ${runtime}: give a span for its own runtime`,
        );
    }
    if (language === "python" && python) {
      const className = python.resolve(data.kind === "exception" ? data.title : (data.parent ?? ""));
      if (!className) {
        say(
          data.kind === "exception" ? "title" : "parent",
          `"${data.kind === "exception" ? data.title : data.parent}" is not one class of ${HIERARCHY_FILE}: it is missing, or more than one module has it (write it in full, like binascii.Error)`,
        );
      } else if (data.kind === "exception") {
        const parent = python.parentOf(className);
        if (parent && data.parent !== bareClassName(parent)) {
          say(
            "parent",
            `Python's ${data.title} derives from ${bareClassName(parent)}, not ${data.parent ?? "nothing"}`,
          );
        }
      }
    }
    for (const related of data.related) {
      if (related === id) say("related", "an entry cannot be related to itself");
      else if (!ids.has(related)) say("related", `no entry "${related}"`);
    }
    for (const name of data.errno) {
      if (!errnoNames.has(name)) say("errno", `"${name}" is not in ${displayPath(ERRNO_FILE)}`);
    }
    for (const use of components) {
      for (const reference of referencesOf(use.name as EntryComponentName, use.props)) {
        const errnoName = /^errno\/(.+)$/.exec(reference)?.[1];
        const exists = errnoName ? errnoNames.has(errnoName) : ids.has(reference);
        if (!exists)
          say(
            "component",
            `<${use.name}> names "${errnoName ?? reference}", which is not ${errnoName ? `in ${displayPath(ERRNO_FILE)}` : "an entry"}`,
            use.line,
          );
      }
    }
    const ticketLine = data.fixLine ?? fixLine;
    if (!ticketLine) say("fixLine", "the Fix section starts with no sentence to quote; add fixLine");
    else {
      const problem = ticketLineProblem(ticketLine);
      if (problem) say("fixLine", `the ticket line "${ticketLine}" ${problem}`);
    }
    if (!fixWhy) say("fixWhy", 'the Fix section has no "### Why this works"');
    for (const name of [data.title, ...data.aliases]) {
      const key = `${language}:${name.toLowerCase()}`;
      const owner = claimed.get(key);
      if (owner && owner !== filePath) {
        say(name === data.title ? "title" : "aliases", `"${name}" is already claimed by ${owner}`);
      } else claimed.set(key, filePath);
    }
  }
  return problems;
}
