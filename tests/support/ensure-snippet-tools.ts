/**
 * Makes sure `npm run verify` has what some snippets run with, before it
 * runs: `openssl` (snippets make their own TLS certificates) and Debian's
 * python3 with the libraries snippets import `with=` (python3-requests,
 * python3-urllib3) and the pip, setuptools, venv and pkg-config that
 * ```console snippets run. Installs what is missing with apt-get when running as
 * root; otherwise stops with a message saying what to install.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const ok = (command: string, args: string[]) => spawnSync(command, args, { stdio: "ignore" }).status === 0;

function missingPackages(): string[] {
  const missing: string[] = [];
  if (!ok("sh", ["-c", "command -v openssl"])) missing.push("openssl");
  // Native addons (node/the-module-was-compiled-against-…, python/cannot-open-shared-object-file) are compiled.
  if (!ok("sh", ["-c", "command -v g++"])) missing.push("g++");
  for (const library of ["requests", "urllib3", "pip", "setuptools"]) {
    if (!ok("/usr/bin/python3", ["-I", "-c", `import ${library}`])) missing.push(`python3-${library}`);
  }
  // pip's snippets build a package in a virtual environment, with pkg-config.
  if (!ok("/usr/bin/python3", ["-I", "-c", "import ensurepip"])) missing.push("python3-venv");
  if (!ok("sh", ["-c", "command -v pkg-config"])) missing.push("pkg-config");
  return missing;
}

const missing = missingPackages();
// The old Node.js headers a native addon is built against to show an ABI
// mismatch come with NodeSource's nodejs 20 package (Debian's ships none).
if (!existsSync("/usr/include/node/node.h")) {
  console.error(
    "ensure-snippet-tools: snippets need Node.js 20's headers in /usr/include/node (NodeSource's nodejs 20 package).",
  );
  process.exit(1);
}
if (missing.length === 0) {
  console.log(
    "ensure-snippet-tools: openssl, g++, Node.js 20's headers and Debian's python3 libraries are present",
  );
} else if (process.getuid?.() === 0) {
  console.log(`ensure-snippet-tools: apt-get install ${missing.join(" ")}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const installed =
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env }).status === 0 &&
    spawnSync("apt-get", ["install", "-y", "-qq", ...missing], { stdio: "inherit", env }).status === 0;
  if (!installed) {
    console.error(`ensure-snippet-tools: apt-get could not install ${missing.join(" ")}`);
    process.exit(1);
  }
} else {
  console.error(
    `ensure-snippet-tools: snippets need ${missing.join(", ")}. Install them (sudo apt-get install ${missing.join(" ")}) and run the tests again.`,
  );
  process.exit(1);
}
