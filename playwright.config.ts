import { defineConfig, devices } from '@playwright/test'
import { DEMO_ORIGIN, DEMO_PORT, E2E_ORIGIN, E2E_PORT } from './e2e/origins'

// Debian's Chromium (installed by .ci/run); on other machines set CHROMIUM_PATH or run `npx playwright install chromium`
// and set CHROMIUM_PATH to that browser.
export const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
}

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Playwright empties its outputDir at start: keep it off test-results/ itself, where Vitest's unit.json is waiting
  // for scripts/totals.mjs.
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  // CI shares two cores between two browsers, two servers and the tests: give a locator room before it fails.
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: E2E_ORIGIN,
    browserName: 'chromium',
    launchOptions: chromium,
    trace: 'off',
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], browserName: 'chromium', launchOptions: chromium } }],
  webServer: [
    {
      command: `node e2e/server.mjs`,
      env: { PORT: String(E2E_PORT) },
      url: `${E2E_ORIGIN}/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 20_000,
    },
    // The demo as `npm run dev` serves it (e2e/demo.spec.ts), on its own port.
    {
      command: `npx vite --host 127.0.0.1 --port ${DEMO_PORT} --strictPort`,
      url: `${DEMO_ORIGIN}/`,
      // Its merchant-server log lines ("verify → …") explain a demo test failure in CI's output.
      stdout: 'pipe',
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
})
