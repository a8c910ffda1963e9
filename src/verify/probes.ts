import { snippetHash } from "../entry/recordings.ts";
import { RUNTIMES, releaseOf } from "../entry/runtime-versions.ts";
import { matchingTemplate } from "../entry/message-templates.ts";
import type { VerifiedEntry } from "./entries.ts";
import type { Verdict } from "./judge.ts";
import { normaliseOutput } from "./normalise.ts";
import { finalPythonException } from "./python-runner.ts";
import { runKey } from "./run-keys.ts";
import type { NodeVersion, PythonVersion } from "./runtime-installs.ts";
import { removeScratch, runInSandbox } from "./sandbox.ts";

/**
 * An entry's probes (front matter `probes`): small programs run on a legacy
 * version (Python 2.7, Node.js 16) that users still paste errors from. A
 * probe must fail with the entry's error, worded as one of its templates;
 * what it printed is recorded like a snippet's run, with role `probe`, and
 * becomes a row of "Message by version". Legacy runtimes cannot run the
 * entry's own snippets (Python 3 code, TypeScript), hence programs of their own.
 */

export interface Probe {
  entry: VerifiedEntry;
  /** Which probe of the entry, for messages: `probes.0`. */
  field: string;
  runtime: "python" | "node";
  /** The exact legacy version (`2.7.18`). */
  version: string;
  code: string;
  hash: string;
  key: string;
}

export function probesOf(entry: VerifiedEntry): Probe[] {
  if (entry.language === "typescript") return [];
  const runtime = entry.language;
  return entry.data.probes.flatMap((probe, i) => {
    const version = RUNTIMES[runtime].legacy.find((v) => releaseOf(runtime, v) === probe.on);
    if (!version) return [];
    const hash = snippetHash(`probe ${runtime} ${probe.on}`, probe.code);
    return [
      {
        entry,
        field: `probes.${i}`,
        runtime,
        version,
        code: probe.code,
        hash,
        key: runKey({ hash }, runtime, version, true),
      },
    ];
  });
}

const quoteList = (items: readonly string[]) => items.map((item) => `    ${item}`).join("\n");

/** The error a Node.js run died of, read from what it printed: `TypeError: Cannot read property 'x' of undefined`. */
function printedNodeError(output: string): { name: string; message: string } | undefined {
  const match = /^([A-Z]\w*(?:Error|Exception))(?: \[[A-Z0-9_]+\])?: (.*)$/m.exec(output);
  return match ? { name: match[1]!, message: match[2]! } : undefined;
}

/** Runs a probe on its legacy runtime and judges it: it must fail with the entry's error, in one of its templates. */
export async function runProbe(
  probe: Probe,
  found: PythonVersion | NodeVersion,
  timeoutMs: number,
): Promise<Verdict> {
  const { data } = probe.entry;
  const python = found.runtime === "python" ? found.python : undefined;
  const run = await runInSandbox(
    python
      ? // Python 2 has no -I: -E and -s keep PYTHON* variables and the user's site-packages out.
        {
          files: { "probe.py": probe.code },
          command: python.executable,
          args: ["-E", "-s", "probe.py"],
          timeoutMs,
        }
      : {
          files: { "probe.js": probe.code },
          command: (found as NodeVersion).executable,
          args: ["probe.js"],
          timeoutMs,
        },
  );
  const output = normaliseOutput(run.output, {
    scratchDir: run.scratchDir,
    ...(python ? { pythonLib: python.stdlib, pythonExecutable: python.executable } : {}),
  });
  removeScratch(run.scratchDir);
  const raised = python
    ? (() => {
        const exception = finalPythonException(output);
        return exception ? { name: exception.className, message: exception.message } : undefined;
      })()
    : printedNodeError(output);
  const expected = data.kind === "exception" ? data.title : data.parent;
  const problems: string[] = [];
  const firstLine = raised?.message.split("\n")[0] ?? "";
  if (run.timedOut) problems.push(`did not finish within ${timeoutMs / 1000} s`);
  else if (!raised) problems.push(`expected it to fail with ${expected}, got exit status ${run.exitCode}`);
  else if (expected && raised.name.split(".").pop() !== expected.split(".").pop())
    problems.push(`expected it to fail with ${expected}, got ${raised.name}: ${firstLine}`);
  else if (matchingTemplate(firstLine, data.messages) === undefined)
    problems.push(
      `message matches none of the entry's templates:\n    got:      ${firstLine}\n${quoteList(data.messages.map((m) => `template: ${m}`))}`,
    );
  return {
    problems,
    output,
    exitCode: run.exitCode,
    ...(raised ? { message: `${raised.name}: ${firstLine}` } : {}),
  };
}
