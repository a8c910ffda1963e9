import { spawnSync } from "node:child_process";
import { runInSandbox, type RunResult, type SnippetFiles } from "./sandbox.ts";

/**
 * Runs a ```console snippet: its `$ ` commands, one after another in one
 * shell in the snippet's scratch folder beside its files, stopping at the
 * first that fails (as a reader stops), and records what they printed.
 * The sandbox's PATH puts the project's Node.js first, then the system's
 * tools: `python3` is Debian's (with its pip), `npm` runs on the project's
 * Node.js.
 */

/** The commands of a console snippet, without their `$ ` prompts. */
function consoleCommands(code: string): string[] {
  return code
    .split("\n")
    .filter((line) => line.startsWith("$ "))
    .map((line) => line.slice(2));
}

export function runConsole(snippet: SnippetFiles, timeoutMs: number): Promise<RunResult> {
  return runInSandbox({
    files: { ...snippet.files },
    command: "sh",
    args: ["-e", "-c", consoleCommands(snippet.code).join("\n")],
    timeoutMs,
  });
}

let label: string | undefined;

/** How a recording names what ran a console snippet: the tools it can reach and their versions. */
export function consoleLabel(): string {
  if (label === undefined) {
    const version = (command: string, args: string[]) =>
      spawnSync(command, args, { encoding: "utf8" }).stdout.trim().split(/\s+/).at(-1) ?? "?";
    label = `a shell with Debian's Python ${version("/usr/bin/python3", ["--version"])}, pip ${
      /pip (\S+)/.exec(
        spawnSync("/usr/bin/python3", ["-m", "pip", "--version"], { encoding: "utf8" }).stdout,
      )?.[1] ?? "?"
    } and npm ${version("npm", ["--version"])}`;
  }
  return label;
}
