import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import path from "node:path";
import projectTs from "typescript";
import { RUNTIMES, type Runtime } from "../entry/runtime-versions.ts";
import { installPackages } from "./npm-packages.ts";
import { probePython, type PythonRuntime } from "./python-runner.ts";
import type { Compiler } from "./typescript-checker.ts";

/**
 * Finds each version the verifier runs snippets on (the registry in
 * src/entry/runtime-versions.ts): Pythons are pyenv's builds on the machine;
 * Node.js and TypeScript versions other than the project's own are npm
 * packages (`node@20.20.2`, `typescript@7.0.2`) installed into a cache
 * outside the project's dependencies. Each is found or installed once, when
 * a run first needs it, and must be exactly the registry's version, since a
 * recording's run keys name it.
 */

/** A Python to run snippets with. */
export interface PythonVersion {
  runtime: "python";
  version: string;
  python: PythonRuntime;
}

/** A Node.js to run TypeScript snippets with. */
export interface NodeVersion {
  runtime: "node";
  version: string;
  executable: string;
  /** amaro's folder, for a Node.js that cannot strip types itself (strip-types-register.mjs). */
  amaro?: string;
}

/** A TypeScript compiler: its API (5.9, 6.0) or its command-line `tsc` (7.0, the native compiler). */
export interface TypeScriptVersion {
  runtime: "typescript";
  version: string;
  compiler: Compiler | { tsc: string };
}

export type RuntimeVersion = PythonVersion | NodeVersion | TypeScriptVersion;

/** Thrown when a version cannot be found or installed: says what to do. */
export class MissingRuntimeError extends Error {}

function pyenvRoot(): string {
  if (process.env["PYENV_ROOT"]) return process.env["PYENV_ROOT"];
  const home = path.join(homedir(), ".pyenv");
  if (existsSync(home)) return home;
  // pyenv installed elsewhere (a system package) says where its versions are.
  return spawnSync("pyenv", ["root"], { encoding: "utf8" }).stdout?.trim() || home;
}

function findPythonVersion(version: string): PythonVersion {
  const executable = path.join(pyenvRoot(), "versions", version, "bin", "python");
  if (!existsSync(executable))
    throw new MissingRuntimeError(
      `Python ${version} is needed to verify Python snippets (${executable} is missing): \`pyenv install ${version}\``,
    );
  const python = probePython(executable);
  if (python.version !== version)
    throw new MissingRuntimeError(`${executable} is Python ${python.version}, not ${version}`);
  return { runtime: "python", version, python };
}

function installed(specs: string[]): string {
  const folder = installPackages(specs, { scripts: true });
  if (typeof folder === "object") throw new MissingRuntimeError(folder.problem);
  return path.join(folder, "node_modules");
}

/** The version of amaro the Node.js 20 type stripping is done with (strip-types-register.mjs). */
const AMARO = "amaro@1.2.1";

function findNodeVersion(version: string): NodeVersion {
  if (version === process.versions.node) return { runtime: "node", version, executable: process.execPath };
  // Node.js strips types by default since 22.18 (and 23.6); older ones get amaro.
  const needsAmaro = Number(version.split(".")[0]) < 22;
  const modules = installed([`node@${version}`, ...(needsAmaro ? [AMARO] : [])]);
  const executable = path.join(modules, "node", "bin", "node");
  const reported = spawnSync(executable, ["--version"], { encoding: "utf8" }).stdout.trim();
  if (reported !== `v${version}`)
    throw new MissingRuntimeError(`npm's node@${version} runs as ${reported || "nothing"}, not v${version}`);
  return {
    runtime: "node",
    version,
    executable,
    ...(needsAmaro ? { amaro: path.join(modules, "amaro") } : {}),
  };
}

function findTypeScriptVersion(version: string): TypeScriptVersion {
  if (version === projectTs.version) return { runtime: "typescript", version, compiler: projectTs };
  const folder = path.join(installed([`typescript@${version}`]), "typescript");
  const manifest = JSON.parse(readFileSync(path.join(folder, "package.json"), "utf8")) as { version: string };
  if (manifest.version !== version)
    throw new MissingRuntimeError(`npm's typescript@${version} installed ${manifest.version}`);
  // From 7.0 the compiler is a native program without the JavaScript API.
  const native = Number(version.split(".")[0]) >= 7;
  return {
    runtime: "typescript",
    version,
    compiler: native
      ? { tsc: path.join(folder, "bin", "tsc") }
      : (createRequire(path.join(folder, "package.json"))("typescript") as Compiler),
  };
}

const found = new Map<string, RuntimeVersion>();

/** The runtime at `version`, found or installed once. Throws MissingRuntimeError when it cannot be had. */
export function runtimeVersion(runtime: Runtime, version: string): RuntimeVersion {
  const name = `${runtime} ${version}`;
  let result = found.get(name);
  if (!result) {
    result =
      runtime === "python"
        ? findPythonVersion(version)
        : runtime === "node"
          ? findNodeVersion(version)
          : findTypeScriptVersion(version);
    found.set(name, result);
  }
  return result;
}

/**
 * The project's own Node.js and TypeScript must be the registry's primary
 * versions (the versions pages show outputs of): a message when they are not.
 */
export function primaryMismatch(): string | undefined {
  const problems: string[] = [];
  if (process.versions.node !== RUNTIMES.node.primary)
    problems.push(`Node.js is ${process.versions.node}, the registry's primary is ${RUNTIMES.node.primary}`);
  if (projectTs.version !== RUNTIMES.typescript.primary)
    problems.push(
      `TypeScript is ${projectTs.version}, the registry's primary is ${RUNTIMES.typescript.primary}`,
    );
  return problems.length > 0
    ? `${problems.join("; ")}: update src/entry/runtime-versions.ts with the devDependencies`
    : undefined;
}
