import { readFileSync } from "node:fs";
import { load } from "js-yaml";
import { AstroError } from "astro/errors";
import { z } from "astro/zod";
import { displayPath, PYTHON_HIERARCHY_FILE } from "../content-layer/content-dir.ts";
import { runtimeRows } from "./runtime-rows.ts";

/**
 * Python's exception hierarchy (class → the class it derives from): every
 * class of builtins and the standard library from the runtime catalogue
 * (`content/catalogue/python.json`, read from Python itself), and the
 * third-party classes entries raise from `content/python-exceptions.yaml`
 * (requests', from Debian's python3-requests). Classes are named as a
 * traceback's last line names them (`json.decoder.JSONDecodeError`). Entry
 * pages show a class's ancestry and subclasses from it, `/python/` shows
 * the whole tree, and a test holds it to the interpreters' `__mro__`.
 */

const hierarchySchema = z.record(z.string().regex(/^[\w.]+$/), z.string().nullable());

export interface PythonHierarchy {
  /** Every class name, as tracebacks print it (`OSError`, `json.decoder.JSONDecodeError`). */
  classes: string[];
  /** The class a class derives from, or null for `BaseException`. */
  parentOf(name: string): string | null;
  /** The class and its ancestors, from `BaseException` down to it. */
  ancestry(name: string): string[];
  /** Direct subclasses, in file order. */
  childrenOf(name: string): string[];
  /**
   * The full name for a class name (`JSONDecodeError` → `json.decoder.JSONDecodeError`),
   * or undefined when the file has no such class or more than one (`Error`).
   */
  resolve(name: string): string | undefined;
}

/** `content/python-exceptions.yaml` (the library classes), or its copy in `ERRDEX_CONTENT_DIR`. */
export const HIERARCHY_FILE = displayPath(PYTHON_HIERARCHY_FILE);

let cached: PythonHierarchy | undefined;

export function pythonHierarchy(file = HIERARCHY_FILE): PythonHierarchy {
  if (cached && file === HIERARCHY_FILE) return cached;
  const parsed = hierarchySchema.safeParse(load(readFileSync(file, "utf8")));
  if (!parsed.success)
    throw new AstroError(
      `${file}: the hierarchy does not fit its schema:\n${z.prettifyError(parsed.error)}`,
      "Each line is `library.module.ClassName: ParentName`, the parent as a traceback names it.",
    );
  const parents = new Map<string, string | null>(
    runtimeRows()
      .filter((row) => row.language === "python")
      .map((row) => [row.name, row.base ?? null]),
  );
  for (const [name, parent] of Object.entries(parsed.data)) {
    if (parents.has(name))
      throw new AstroError(
        `${file}: ${name} is a class of Python itself`,
        "Python's own classes come from content/catalogue/python.json (npm run catalogue:update); this file holds third-party libraries' classes only.",
      );
    parents.set(name, parent);
  }
  for (const [name, parent] of parents) {
    if (parent !== null && !parents.has(parent))
      throw new AstroError(
        `${file}: ${name}: parent "${parent}" is not in the file`,
        "Every parent must be a class of this file or of Python itself (content/catalogue/python.json), named as a traceback names it.",
      );
  }
  const hierarchy: PythonHierarchy = {
    classes: [...parents.keys()],
    parentOf: (name) => parents.get(name) ?? null,
    ancestry(name) {
      const chain: string[] = [];
      for (let at: string | null | undefined = name; at; at = parents.get(at)) chain.unshift(at);
      return chain;
    },
    childrenOf: (name) => [...parents].filter(([, parent]) => parent === name).map(([child]) => child),
    // A bare name resolves only when one standard-library class has it:
    // `Error` could be sqlite3's or binascii's, so such a parent must be
    // written in full. A library's class is always written in full
    // (`requests.exceptions.HTTPError`), so it never takes a bare name
    // (`HTTPError`) from the standard library.
    resolve: (name) => {
      if (parents.has(name)) return name;
      const matches = [...parents.keys()].filter((key) => key.endsWith(`.${name}`) && !isLibraryClass(key));
      return matches.length === 1 ? matches[0] : undefined;
    },
  };
  if (file === HIERARCHY_FILE) cached = hierarchy;
  return hierarchy;
}

/**
 * The third-party libraries whose classes the hierarchy holds: what
 * entries' `with=` snippets import, from Debian's packages.
 */
const LIBRARY_MODULES = ["requests", "urllib3"];

/** Whether a class comes from a third-party library (`requests.exceptions.ConnectionError`), not Python itself. */
export function isLibraryClass(name: string): boolean {
  return LIBRARY_MODULES.includes(name.slice(0, name.indexOf(".")));
}

/** The name without its module (`json.JSONDecodeError` → `JSONDecodeError`). */
export function bareClassName(name: string): string {
  return name.slice(name.lastIndexOf(".") + 1);
}
