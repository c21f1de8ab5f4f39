import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests: the production build (`next build` first; `next start` here) against the
 * real backend (SQLite in a temp dir, the offline model), in Debian's Chromium. No browser is
 * ever downloaded: CHROMIUM_PATH (default /usr/bin/chromium) is launched directly.
 * e2e/global-setup.ts starts the servers on free ports.
 */
export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  outputDir: "test-results/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  use: {
    browserName: "chromium",
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
});
