import { spawnSync } from "node:child_process";
import { runInSandbox, type RunResult, type SnippetFiles } from "./sandbox.ts";

/** The real interpreter behind `python3` (not a shim), and its version and stdlib folder. */
export interface PythonRuntime {
  executable: string;
  version: string;
  stdlib: string;
  /** Where its third-party libraries live (Debian's dist-packages), for a runtime with libraries. */
  packages?: string;
  /** How a recording names it, when it is not the usual runtime: `Debian's Python 3.11.2 with requests 2.28.1`. */
  label?: string;
}

const PROBE =
  "import sys, sysconfig; print(sys.executable); print(sys.version.split()[0]); print(sysconfig.get_path('stdlib'))";

/** The interpreter `executable` runs (a shim resolved), with its version and stdlib folder. */
export function probePython(executable: string): PythonRuntime {
  const probe = spawnSync(executable, ["-c", PROBE], { encoding: "utf8" });
  const [real, version, stdlib] = probe.stdout.trim().split("\n");
  if (probe.status !== 0 || !real || !version || !stdlib) {
    throw new Error(`cannot run ${executable}: ${probe.stderr || probe.error?.message}`);
  }
  return { executable: real, version, stdlib };
}

/** Debian's own interpreter, which sees the `python3-*` packages apt-get installs. */
const DEBIAN_PYTHON = "/usr/bin/python3";

/**
 * Debian's Python with `libraries` importable, for a snippet that runs
 * `with=` them; or a message saying which Debian packages to install.
 * Third-party libraries come from Debian, never from PyPI (which CI cannot
 * reach), and run with `-I` like every snippet.
 */
export function findDebianPython(libraries: readonly string[]): PythonRuntime | string {
  const script = `${PROBE}
import importlib, os
for name in ${JSON.stringify(libraries)}:
    module = importlib.import_module(name)
    print(name, getattr(module, "__version__", "?"), os.path.dirname(os.path.dirname(module.__file__)))`;
  const probe = spawnSync(DEBIAN_PYTHON, ["-I", "-c", script], { encoding: "utf8" });
  const packages = libraries.map((name) => `python3-${name.replace(/_/g, "-")}`).join(" ");
  if (probe.status !== 0) {
    return `needs Debian's ${DEBIAN_PYTHON} with ${packages}: apt-get install ${packages} (${(probe.stderr || probe.error?.message || "").trim().split("\n").at(-1)})`;
  }
  const [executable, version, stdlib, ...found] = probe.stdout.trim().split("\n");
  const rows = found.map((line) => line.split(" "));
  return {
    executable: executable ?? DEBIAN_PYTHON,
    version: version ?? "",
    stdlib: stdlib ?? "",
    ...(rows[0]?.[2] ? { packages: rows[0][2] } : {}),
    label: `Debian's Python ${version} with ${rows.map(([name, v]) => `${name} ${v}`).join(", ")}`,
  };
}

/** Runs a Python snippet as a script beside its files, isolated from the user's site-packages and PYTHON* variables. */
export function runPython(
  python: PythonRuntime,
  snippet: SnippetFiles,
  timeoutMs: number,
): Promise<RunResult> {
  const name = snippet.name ?? "snippet.py";
  return runInSandbox({
    files: { ...snippet.files, [name]: snippet.code },
    command: python.executable,
    args: ["-I", name],
    timeoutMs,
  });
}

/** Checks that a snippet parses, without running it. */
export function parsePython(python: PythonRuntime, code: string, timeoutMs: number): Promise<RunResult> {
  return runInSandbox({
    files: { "snippet.py": code },
    command: python.executable,
    args: ["-I", "-c", "import ast; ast.parse(open('snippet.py').read(), 'snippet.py')"],
    timeoutMs,
  });
}

/** The exception that ended a run: the last line of its (last) traceback. */
export interface PythonException {
  className: string;
  message: string;
}

/**
 * Reads the final exception from a run's output. For a chained traceback
 * ("During handling of the above exception…") the last one decides.
 */
export function finalPythonException(output: string): PythonException | undefined {
  const lines = output.replace(/\n+$/, "").split("\n");
  const start = lines.lastIndexOf("Traceback (most recent call last):");
  if (start === -1) {
    // A SyntaxError in the script itself is printed without a traceback header.
    const located = lines.findLastIndex((line) => /^ {2}File "/.test(line));
    const match = located === -1 ? null : /^([A-Za-z_][\w.]*): (.*)$/.exec(lines.at(-1) ?? "");
    return match?.[1] ? { className: match[1], message: match[2] ?? "" } : undefined;
  }
  // After the frames (indented lines), the first unindented line is the exception.
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.startsWith(" ") || line === "") continue;
    const match = /^([A-Za-z_][\w.]*)(?:: ([\s\S]*))?$/.exec(lines.slice(i).join("\n"));
    if (!match?.[1]) return undefined;
    return { className: match[1], message: match[2] ?? "" };
  }
  return undefined;
}
