/**
 * Makes sure the end-to-end tests have a Chromium to drive, before they run:
 * Debian's `chromium` when present; otherwise install it with apt-get when
 * running as root; otherwise Playwright's own download; otherwise stop with
 * a message saying what to install.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { SYSTEM_CHROMIUM } from "./browser.ts";

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  console.log(`ensure-browser: ${command} ${args.join(" ")}`);
  return spawnSync(command, args, { stdio: "inherit", env }).status === 0;
}

function playwrightHasBrowser(): boolean {
  try {
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

if (existsSync(SYSTEM_CHROMIUM)) {
  console.log(`ensure-browser: using ${SYSTEM_CHROMIUM}`);
} else if (process.getuid?.() === 0) {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (!(
    run("apt-get", ["update", "-qq"], env) && run("apt-get", ["install", "-y", "-qq", "chromium"], env)
  )) {
    console.error("ensure-browser: apt-get could not install chromium");
    process.exit(1);
  }
} else if (playwrightHasBrowser()) {
  console.log("ensure-browser: using Playwright's Chromium");
} else if (!run("npx", ["playwright", "install", "chromium"])) {
  console.error(
    "ensure-browser: no Chromium found. Install Debian's `chromium` (sudo apt-get install chromium) " +
      "or run `npx playwright install chromium`, then run the tests again.",
  );
  process.exit(1);
}
