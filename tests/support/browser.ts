import { existsSync } from "node:fs";

/** Debian's Chromium, used when present (Playwright's download is not reachable here). */
export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/** Flags for headless Chromium in a container with no outside network. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** The Chromium to launch: the system one when installed, else Playwright's own. */
export function chromiumExecutable(): string | undefined {
  return existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;
}
