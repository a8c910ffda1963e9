import { spawnSync } from "node:child_process";
import { runInSandbox, type RunResult } from "./sandbox.ts";

/** The real interpreter behind `python3` (not a shim), and its version and stdlib folder. */
export interface PythonRuntime {
  executable: string;
  version: string;
  stdlib: string;
}

export function findPython(): PythonRuntime {
  const probe = spawnSync(
    "python3",
    [
      "-c",
      "import sys, sysconfig; print(sys.executable); print(sys.version.split()[0]); print(sysconfig.get_path('stdlib'))",
    ],
    { encoding: "utf8" },
  );
  const [executable, version, stdlib] = probe.stdout.trim().split("\n");
  if (probe.status !== 0 || !executable || !version || !stdlib) {
    throw new Error(`python3 is needed to verify Python snippets: ${probe.stderr || probe.error?.message}`);
  }
  return { executable, version, stdlib };
}

/** Runs a Python snippet as a script, isolated from the user's site-packages and PYTHON* variables. */
export function runPython(python: PythonRuntime, code: string, timeoutMs: number): Promise<RunResult> {
  return runInSandbox({
    files: { "snippet.py": code },
    command: python.executable,
    args: ["-I", "snippet.py"],
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
