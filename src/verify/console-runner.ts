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

/**
 * With `npmCache` (npm-packages.ts `cachePackages`), npm works offline from
 * that cache: `npm install` resolves the packages the snippet names `with=`
 * as it would from the registry.
 */
export function runConsole(snippet: SnippetFiles, timeoutMs: number, npmCache?: string): Promise<RunResult> {
  return runInSandbox({
    files: { ...snippet.files },
    command: "sh",
    args: ["-e", "-c", consoleCommands(snippet.code).join("\n")],
    env: {
      npm_config_audit: "false",
      npm_config_fund: "false",
      npm_config_update_notifier: "false",
      ...(npmCache ? { npm_config_cache: npmCache, npm_config_offline: "true" } : {}),
    },
    timeoutMs,
  });
}

const labels = new Map<string, string>();

/** How a recording names what ran a console snippet of an entry in `language`: the shell's tools and their versions. */
export function consoleLabel(language: string): string {
  let label = labels.get(language);
  if (label === undefined) {
    const run = (command: string, args: string[]) => spawnSync(command, args, { encoding: "utf8" }).stdout;
    label =
      language === "python"
        ? `a shell with Debian's Python ${run("/usr/bin/python3", ["--version"]).trim().split(" ").at(-1)} and pip ${
            /pip (\S+)/.exec(run("/usr/bin/python3", ["-m", "pip", "--version"]))?.[1] ?? "?"
          }`
        : `a shell with Node.js ${process.versions.node} and npm ${run("npm", ["--version"]).trim()}`;
    labels.set(language, label);
  }
  return label;
}
