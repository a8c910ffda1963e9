"""Python's exception catalogue, read by introspection of the running python3.

Run as `python3 -I src/catalogue/extract/python.py`; prints JSON
{source, read, rows} on stdout. `--skipped` also lists, on stderr, the
modules that were not read and why.

Every exception class (a subclass of BaseException, warnings included) that is
a public attribute of `builtins` or of a public standard-library module
(`sys.stdlib_module_names` and their public submodules) becomes a row, named
as a traceback's last line names it. Python has no list of its exceptions, so
the hand-written parts are the walk's limits: which modules are not imported
(GUI, test and tool code, modules that act on import, Windows-only ones) and
which public name a class is documented by.
"""

import builtins
import contextlib
import importlib
import json
import os
import pkgutil
import re
import sys
import sysconfig
import warnings

# Never imported: they open windows or browsers, print, install things, or are
# test and tool code rather than library; and the Windows-only modules.
SKIP = {
    "antigravity",  # opens a web browser
    "this",  # prints the Zen of Python
    "idlelib",
    "tkinter",
    "turtle",
    "turtledemo",  # GUI
    "lib2to3",
    "ensurepip",
    "venv",
    "pydoc_data",  # tools and their data
    "test",
    "tests",
    "idle_test",
    "xxlimited",
    "xxlimited_35",
    "xxsubtype",  # test code
    "__main__",
    # Windows-only
    "msilib",
    "msvcrt",
    "nt",
    "winreg",
    "winsound",
    "windows_events",
    "windows_utils",
    "popen_spawn_win32",
    "mbcs",
    "oem",
}

STDLIB_DIRS = tuple(
    os.path.realpath(sysconfig.get_paths()[key]) + os.sep for key in ("stdlib", "platstdlib")
)

skipped = {}


def public(name):
    return not name.startswith("_") and name not in SKIP


def from_stdlib(module):
    """Built in, or a file of the standard library (not a site-packages stand-in)."""
    path = getattr(module, "__file__", None)
    return path is None or os.path.realpath(path).startswith(STDLIB_DIRS)


@contextlib.contextmanager
def silenced():
    """Importing may print, from Python or C (readline); send fds 1 and 2 to /dev/null."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(1), os.dup(2)]
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        for fd in (*saved, null):
            os.close(fd)


def load(name):
    try:
        with silenced():
            module = importlib.import_module(name)
    except BaseException as error:  # noqa: BLE001 - any failure means: not on this system
        skipped[name] = f"{type(error).__name__}: {error}"
        return None
    if not from_stdlib(module):
        skipped[name] = f"not the standard library's copy ({module.__file__})"
        return None
    return module


def modules():
    """Every public standard-library module, importable here, with its dotted name."""
    pending = sorted(name for name in sys.stdlib_module_names if public(name) and name != "builtins")
    while pending:
        name = pending.pop(0)
        module = load(name)
        if module is None:
            continue
        yield name, module
        if hasattr(module, "__path__"):
            subs = sorted(f"{name}.{info.name}" for info in pkgutil.iter_modules(module.__path__) if public(info.name))
            pending = subs + pending


def is_exception(value):
    return isinstance(value, type) and issubclass(value, BaseException)


def traceback_name(cls):
    return cls.__qualname__ if cls.__module__ == "builtins" else f"{cls.__module__}.{cls.__qualname__}"


def first_base(cls):
    """The class a class derives from: its first base that is an exception (None for BaseException)."""
    return next((base for base in cls.__bases__ if is_exception(base)), None)


def own_doc(cls):
    """The class's own docstring, first paragraph, whitespace collapsed."""
    doc = cls.__dict__.get("__doc__")
    if not isinstance(doc, str):
        return None
    paragraph = re.split(r"\n\s*\n", doc.strip(), maxsplit=1)[0]
    return " ".join(paragraph.split()) or None


def documented_as(cls, places):
    """The public name a user imports a class by, from the (module, attribute) places it was found.

    Builtins are their bare name. Otherwise prefer the module that defines the
    class or a package above it (json for json.decoder), then the shortest
    module path, then the attribute that is the class's own name (BadZipFile
    over the old alias BadZipfile).
    """
    if cls.__module__ == "builtins":
        return cls.__qualname__
    if not places:
        return traceback_name(cls)

    def rank(place):
        module, attribute = place
        home = cls.__module__ == module or cls.__module__.startswith(module + ".")
        return (not home, module.count("."), len(module), module, attribute != cls.__name__, attribute)

    module, attribute = min(places, key=rank)
    return f"{module}.{attribute}"


def main():
    # setuptools' .pth puts its own copy of distutils first; read the standard library's.
    sys.meta_path[:] = [finder for finder in sys.meta_path if type(finder).__module__ != "_distutils_hack"]

    places = {}  # class -> [(module, attribute)]; dict keys compare by identity for classes
    for value in vars(builtins).values():
        if is_exception(value):
            places.setdefault(value, [])
    for name, module in modules():
        for attribute, value in list(vars(module).items()):
            if not attribute.startswith("_") and is_exception(value):
                places.setdefault(value, []).append((name, attribute))

    # Close the tree: each class's base is a row too, even if no public name reaches it.
    pending = list(places)
    while pending:
        base = first_base(pending.pop())
        if base is not None and base not in places:
            places[base] = []
            pending.append(base)

    rows = [
        {
            "name": traceback_name(cls),
            "documentedAs": documented_as(cls, found),
            "base": None if first_base(cls) is None else traceback_name(first_base(cls)),
            "doc": own_doc(cls),
        }
        for cls, found in places.items()
    ]
    rows.sort(key=lambda row: (row["name"], row["documentedAs"]))
    version = ".".join(str(part) for part in sys.version_info[:3])
    print(
        json.dumps(
            {
                "source": f"Python {version}",
                "read": "builtins and the public standard-library modules, by introspection",
                "rows": rows,
            }
        )
    )
    if "--skipped" in sys.argv:
        for name, why in sorted(skipped.items()):
            print(f"skipped {name}: {why}", file=sys.stderr)


if __name__ == "__main__":
    main()
