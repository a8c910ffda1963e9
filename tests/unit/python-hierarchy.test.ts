import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { isLibraryClass, pythonHierarchy } from "../../src/catalogue/python-hierarchy.ts";
import { runtimeRows } from "../../src/catalogue/runtime-rows.ts";

/**
 * The site's Python hierarchy must be the interpreters': Python's own
 * classes the verifier's python3 (the catalogue they come from is read from
 * it), the libraries' Debian's python3.
 */

const hierarchy = pythonHierarchy();
/**
 * Each class as `python` sees it: `__mro__`, first base, number of bases,
 * and the interpreter's built-in exception classes.
 */
function probe(python: string, names: Record<string, string>) {
  const run = spawnSync(
    python,
    [
      "-I",
      "-c",
      `import builtins, importlib, json, sys
names = json.loads(sys.argv[1])
def find(name):
    module, _, cls = name.rpartition(".")
    return getattr(importlib.import_module(module or "builtins"), cls)
def qual(c):
    return c.__qualname__ if c.__module__ == "builtins" else c.__module__ + "." + c.__qualname__
out = {"classes": {}, "builtins": sorted({c.__name__ for c in vars(builtins).values()
       if isinstance(c, type) and issubclass(c, BaseException) and vars(builtins)[c.__name__] is c})}
for name, imported in names.items():
    c = find(imported)
    out["classes"][name] = {"mro": [qual(k) for k in c.__mro__ if issubclass(k, BaseException)],
                            "base": qual(c.__bases__[0]) if c is not BaseException else None,
                            "bases": len(c.__bases__)}
print(json.dumps(out))`,
      JSON.stringify(names),
    ],
    { encoding: "utf8" },
  );
  assert.equal(run.status, 0, `${python}: ${run.stderr}`);
  return JSON.parse(run.stdout) as {
    classes: Record<string, { mro: string[]; base: string | null; bases: number }>;
    builtins: string[];
  };
}

// Library classes (requests) are what entries' `with=requests` snippets
// raise on Debian's python3; the rest are the verifier's own Python's.
// A class is imported by its public name (`signal.ItimerError`, which a
// traceback names `signal.itimer_error`), and checked under its traceback name.
const importedAs = new Map(
  runtimeRows()
    .filter((row) => row.language === "python")
    .map((row) => [row.name, row.documentedAs ?? row.name]),
);
const namesOf = (classes: string[]) =>
  Object.fromEntries(classes.map((name) => [name, importedAs.get(name) ?? name]));
const standard = probe("python3", namesOf(hierarchy.classes.filter((name) => !isLibraryClass(name))));
const libraries = probe(
  "/usr/bin/python3",
  namesOf(hierarchy.classes.filter((name) => isLibraryClass(name))),
);
const python = { builtins: standard.builtins, classes: { ...standard.classes, ...libraries.classes } };

test("every built-in exception class is in the hierarchy", () => {
  const missing = python.builtins.filter((name) => !hierarchy.classes.includes(name));
  assert.deepEqual(missing, []);
});

test("each class's ancestry is the interpreter's __mro__", () => {
  for (const name of hierarchy.classes) {
    const real = python.classes[name];
    assert.ok(real, `${name} not found in Python`);
    assert.equal(hierarchy.parentOf(name), real.base, `${name}'s parent`);
    // With several bases (ExceptionGroup), the MRO interleaves them; the
    // first base is what the site shows.
    if (real.bases === 1)
      assert.deepEqual(hierarchy.ancestry(name).reverse(), real.mro, `${name}'s ancestry`);
  }
});

test("a bare name resolves to the standard library's class, never a library's of the same name", () => {
  assert.equal(hierarchy.resolve("HTTPError"), "urllib.error.HTTPError");
  assert.equal(hierarchy.resolve("SSLError"), "ssl.SSLError");
  assert.equal(hierarchy.resolve("requests.exceptions.HTTPError"), "requests.exceptions.HTTPError");
});

test("ancestry runs from BaseException down, subclasses are listed", () => {
  assert.deepEqual(hierarchy.ancestry("ConnectionRefusedError"), [
    "BaseException",
    "Exception",
    "OSError",
    "ConnectionError",
    "ConnectionRefusedError",
  ]);
  assert.deepEqual(hierarchy.childrenOf("ConnectionError"), [
    "BrokenPipeError",
    "ConnectionAbortedError",
    "ConnectionRefusedError",
    "ConnectionResetError",
  ]);
  assert.equal(hierarchy.resolve("JSONDecodeError"), "json.decoder.JSONDecodeError");
});
