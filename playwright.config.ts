import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './e2e/helpers/browser';

const port = Number(process.env.E2E_PORT ?? 3000);
const baseURL = `http://localhost:${port}`;
const chromium = findChromium();

export default defineConfig({
  testDir: 'e2e',
  // Every test starts from a fresh browser context (empty localStorage), so any two can run at once.
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium.executablePath,
      args: chromium.args,
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // The production build, exactly what `npm start` serves.
    command: `npm run build && NEXT_TELEMETRY_DISABLED=1 npx next start -p ${port}`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 600_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
