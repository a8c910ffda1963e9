import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "./tests/support/browser.ts";

/** Port for the built site under test, away from the dev server's 4321; ERRDEX_TEST_PORT moves it (two checkouts testing at once). */
const PORT = Number(process.env["ERRDEX_TEST_PORT"] ?? 4329);
const executablePath = chromiumExecutable();

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env["CI"]),
  // axe and full-page screenshots are slow on a busy 2-core machine.
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: "chromium",
    launchOptions: { args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) },
  },
  projects: [{ name: "site" }],
  // The real production build, served as `astro preview` serves it.
  webServer: {
    command: `astro preview --host 127.0.0.1 --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
