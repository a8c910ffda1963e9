import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * npm packages a Node.js or TypeScript snippet imports (`with=axios@1.7.9`),
 * installed from the npm registry into a cache outside the project's own
 * dependencies: one folder per set of packages, installed once, before
 * anything runs (snippets themselves reach only loopback). A snippet gets
 * the folder's `node_modules` linked into its scratch folder.
 */

const CACHE = path.resolve("node_modules/.cache/errdex-snippet-packages");

/**
 * The folder whose `node_modules` holds `packages`, or a message saying why
 * it could not be installed. Install scripts run only with `scripts` (npm's
 * `node` package fetches its binary in one), for the runtimes the verifier
 * installs itself (runtime-installs.ts), never for a snippet's packages.
 */
export function installPackages(
  packages: readonly string[],
  { scripts = false }: { scripts?: boolean } = {},
): string | { problem: string } {
  const key = [...packages].sort().join("+").replace(/[/@]/g, "_") + (scripts ? "+scripts" : "");
  const folder = path.join(CACHE, key);
  if (existsSync(path.join(folder, "node_modules"))) return folder;
  // Installed beside, then moved into place: a failed or interrupted install leaves nothing half-built.
  const partial = `${folder}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  writeFileSync(path.join(partial, "package.json"), '{ "private": true }\n');
  const install = spawnSync(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      ...(scripts ? [] : ["--ignore-scripts"]),
      "--save-exact",
      ...packages,
    ],
    { cwd: partial, encoding: "utf8" },
  );
  if (install.status !== 0) {
    rmSync(partial, { recursive: true, force: true });
    return {
      problem: `npm could not install ${packages.join(", ")}: ${(install.stderr || install.error?.message || "").trim().split("\n").at(-1)}`,
    };
  }
  renameSync(partial, folder);
  return folder;
}

/** How a recording names what ran a snippet with packages: `Node.js 24.21.0 with axios 1.7.9`. */
export function packagesLabel(folder: string, packages: readonly string[]): string {
  const versions = packages.map((spec) => {
    const name = spec.slice(0, spec.lastIndexOf("@"));
    const manifest = JSON.parse(
      readFileSync(path.join(folder, "node_modules", name, "package.json"), "utf8"),
    ) as { version: string };
    return `${name} ${manifest.version}`;
  });
  return `Node.js ${process.versions.node} with ${versions.join(", ")}`;
}

/**
 * An npm cache holding `packages` (their tarballs and registry metadata),
 * for ```console snippets that run `npm install` offline: filled from the
 * registry before anything runs, then given to the snippet as its cache
 * with `offline` set, so npm resolves exactly as it would online.
 */
export function cachePackages(packages: readonly string[]): string | { problem: string } {
  const key = [...packages].sort().join("+").replace(/[/@]/g, "_");
  const folder = path.join(CACHE, `npm-cache-${key}`);
  if (existsSync(path.join(folder, "_cacache"))) return folder;
  const partial = `${folder}.partial`;
  rmSync(partial, { recursive: true, force: true });
  // Each package is installed on its own into a throwaway project, so the
  // cache holds it with its whole dependency tree; together they may
  // conflict, which is what a snippet may be showing.
  for (const spec of packages) {
    const project = path.join(partial, "project");
    rmSync(project, { recursive: true, force: true });
    mkdirSync(project, { recursive: true });
    writeFileSync(path.join(project, "package.json"), '{ "private": true }\n');
    const add = spawnSync(
      "npm",
      ["install", "--cache", partial, "--ignore-scripts", "--no-audit", "--no-fund", spec],
      { cwd: project, encoding: "utf8" },
    );
    if (add.status !== 0) {
      rmSync(partial, { recursive: true, force: true });
      return {
        problem: `npm could not cache ${spec}: ${(add.stderr || add.error?.message || "").trim().split("\n").at(-1)}`,
      };
    }
  }
  rmSync(path.join(partial, "project"), { recursive: true, force: true });
  renameSync(partial, folder);
  return folder;
}
