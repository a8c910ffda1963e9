import type { EntryData } from "../schema/entry.ts";
import { displayPath, ERRNO_FILE } from "./content-dir.ts";
import { bareClassName, HIERARCHY_FILE, type PythonHierarchy } from "./python-hierarchy.ts";
import { isCanonicalSlug, parseEntryId, type EntryIdentity, type Language } from "./urls.ts";

/** What the cross-entry checks need to know about one entry. */
export interface CheckedEntry {
  id: string;
  filePath: string;
  data: EntryData;
}

/** Which kinds each language's entries may be. */
const KINDS_BY_LANGUAGE: Record<Language, readonly EntryData["kind"][]> = {
  python: ["exception", "message"],
  node: ["system-error", "error-code", "message"],
  typescript: ["diagnostic"],
};

function identityOf(data: EntryData): EntryIdentity {
  if (data.kind === "exception") return { kind: "exception", className: data.title };
  if (data.kind === "message") return { kind: "message", message: data.messages[0] ?? data.title };
  return { kind: "code", code: data.code ?? data.title };
}

/**
 * Checks what a per-file schema cannot: that each slug follows the URL
 * rules, that related entries and errno names exist, that each entry gives
 * its own language's version range, that a Python entry's class and parent
 * agree with Python's hierarchy (when given), and that no two entries claim
 * one name or alias. Returns every problem, each starting with its file.
 */
export function catalogueProblems(
  entries: readonly CheckedEntry[],
  errnoNames: ReadonlySet<string>,
  python?: PythonHierarchy,
): string[] {
  const problems: string[] = [];
  const ids = new Set(entries.map((entry) => entry.id));
  const claimed = new Map<string, string>();

  for (const { id, filePath, data } of entries) {
    const say = (field: string, message: string) => problems.push(`${filePath}: ${field}: ${message}`);
    const { language, slug } = parseEntryId(id);

    if (!KINDS_BY_LANGUAGE[language].includes(data.kind)) {
      say(
        "kind",
        `"${data.kind}" is not a ${language} kind (use ${KINDS_BY_LANGUAGE[language].join(" or ")})`,
      );
    }
    if (data.kind !== "exception" && data.kind !== "message" && !data.code) {
      say("code", `a ${data.kind} entry needs its code`);
    }
    if (!isCanonicalSlug(slug, identityOf(data))) {
      say("title", `file name "${slug}" does not follow the URL rules for "${data.title}"`);
    }
    if (!data.versions[language]) {
      say("versions", `give the ${language} versions the entry applies to`);
    }
    if (language === "python" && python) {
      const className = python.resolve(data.kind === "exception" ? data.title : (data.parent ?? ""));
      if (!className) {
        say(
          data.kind === "exception" ? "title" : "parent",
          `"${data.kind === "exception" ? data.title : data.parent}" is not in ${HIERARCHY_FILE}`,
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
