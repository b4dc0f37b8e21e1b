/**
 * Which Chromium to drive and with which flags, in plain Node so that both the e2e suite
 * (through browser.ts) and `npm run bench:lighthouse` (plain Node) read the one copy.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Flags that keep Chromium from reaching Google's hosts on a closed network (STACK-NOTES). */
export const QUIET_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

/**
 * The browser binary: `fromEnv` if given (it must exist), else a system Chromium (Debian's
 * package), else Playwright's own download (`isBundled`). Throws a message that says what to
 * install when there is none, instead of a generic launch error.
 */
export function chromiumBinary(fromEnv) {
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`${fromEnv} (from the environment) does not exist.`);
    return { path: fromEnv, isBundled: false };
  }
  const system = SYSTEM_CHROMIUMS.find((p) => existsSync(p));
  if (system) return { path: system, isBundled: false };
  let bundled;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled && existsSync(bundled)) return { path: bundled, isBundled: true };
  throw new Error(
    'No Chromium found. Install one: `apt-get install -y chromium` (Debian/Ubuntu), or ' +
      '`npx playwright install chromium` where downloads are allowed, or set CHROMIUM_PATH ' +
      'to a Chromium/Chrome binary.',
  );
}
