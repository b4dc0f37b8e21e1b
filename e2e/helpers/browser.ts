import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Flags that keep Chromium from reaching Google's hosts on a closed network (STACK-NOTES). */
const QUIET_ARGS = [
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
 * Picks the browser for end-to-end tests: `CHROMIUM_PATH` if set, else a system Chromium
 * (Debian's package), else Playwright's own download. Throws a message that says what to
 * install when there is none, instead of Playwright's generic launch error.
 */
export function findChromium(): { executablePath: string | undefined; args: string[] } {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.`);
    return { executablePath: fromEnv, args: QUIET_ARGS };
  }
  const system = SYSTEM_CHROMIUMS.find((p) => existsSync(p));
  if (system) return { executablePath: system, args: QUIET_ARGS };
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled && existsSync(bundled)) return { executablePath: undefined, args: QUIET_ARGS };
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one: `apt-get install -y chromium` ' +
      '(Debian/Ubuntu), or `npx playwright install chromium` where downloads are allowed, ' +
      'or set CHROMIUM_PATH to a Chromium/Chrome binary.',
  );
}
