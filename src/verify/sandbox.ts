import { spawn, spawnSync } from "node:child_process";
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Runs one snippet the way the verifier promises: in a fresh scratch
 * folder, with a time limit, a minimal environment, and (where the machine
 * allows it) a private network namespace whose only interface is loopback,
 * so a snippet cannot reach any address but 127.0.0.1 and ::1.
 */

export interface RunRequest {
  /** Files to write into the scratch folder, by relative name. */
  files: Record<string, string>;
  command: string;
  args: string[];
  /** Symbolic links to make in the scratch folder, by relative name (`node_modules` → a package cache). */
  links?: Record<string, string>;
  /** Extra environment variables on top of the minimal set. */
  env?: Record<string, string>;
  timeoutMs: number;
}

/** A snippet's code, the name it runs under and the files beside it (its `file=` fences). */
export interface SnippetFiles {
  code: string;
  name?: string;
  files: Readonly<Record<string, string>>;
}

export interface RunResult {
  /** stdout and stderr interleaved in the order they were written. */
  output: string;
  exitCode: number | null;
  timedOut: boolean;
  scratchDir: string;
}

/**
 * How snippets are kept off the network: a network namespace of their own
 * with only loopback, made with `unshare -n` as root or `unshare -rn` (a user
 * namespace) otherwise; "none" where the kernel allows neither.
 */
export type Isolation = "root-namespace" | "user-namespace" | "none";

const UNSHARE: Record<Exclude<Isolation, "none">, string[]> = {
  "root-namespace": ["-n"],
  "user-namespace": ["-r", "-n"],
};

let isolation: Isolation | undefined;

export function networkIsolation(): Isolation {
  isolation ??=
    (Object.keys(UNSHARE) as Exclude<Isolation, "none">[]).find(
      (kind) =>
        spawnSync("unshare", [...UNSHARE[kind], "sh", "-c", "ip link set lo up"], { stdio: "ignore" })
          .status === 0,
    ) ?? "none";
  return isolation;
}

/** Creates a scratch folder; the caller removes it with {@link removeScratch}. */
export function makeScratch(): string {
  return mkdtempSync(path.join(tmpdir(), "errdex-snippet-"));
}

export function removeScratch(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Runs a command in a new scratch folder and returns what it printed. */
export function runInSandbox(request: RunRequest): Promise<RunResult> {
  const scratchDir = makeScratch();
  for (const [name, content] of Object.entries(request.files)) {
    const file = path.join(scratchDir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  for (const [name, target] of Object.entries(request.links ?? {})) {
    symlinkSync(target, path.join(scratchDir, name));
  }
  const env: Record<string, string> = {
    PATH: [path.dirname(process.execPath), "/usr/local/bin", "/usr/bin", "/bin"].join(":"),
    HOME: scratchDir,
    TMPDIR: scratchDir,
    LANG: "C.UTF-8",
    NO_COLOR: "1",
    PYTHONDONTWRITEBYTECODE: "1",
    PYTHONHASHSEED: "0",
    PYTHONUNBUFFERED: "1",
    ...request.env,
  };
  const kind = networkIsolation();
  const [command, args] =
    kind === "none"
      ? [request.command, request.args]
      : [
          "unshare",
          [
            ...UNSHARE[kind],
            "sh",
            "-c",
            'ip link set lo up && exec "$0" "$@"',
            request.command,
            ...request.args,
          ],
        ];

  // One file for both streams keeps their lines in the order they were written.
  const outputFile = path.join(scratchDir, ".output");
  const fd = openSync(outputFile, "w");
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: scratchDir, env, stdio: ["ignore", fd, fd], detached: true });
    closeSync(fd);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      // The snippet may have started children: end the whole process group.
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    }, request.timeoutMs);
    child.on("error", reject);
    child.on("close", (exitCode) => {
      clearTimeout(timer);
      resolve({ output: readFileSync(outputFile, "utf8"), exitCode, timedOut, scratchDir });
    });
  });
}
