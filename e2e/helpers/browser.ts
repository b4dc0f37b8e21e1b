import { QUIET_ARGS, chromiumBinary } from './chromium.mjs';

/**
 * Picks the browser for end-to-end tests: `CHROMIUM_PATH` if set, else a system Chromium
 * (Debian's package), else Playwright's own download (then `executablePath` is undefined and
 * Playwright finds it). Throws a message that says what to install when there is none.
 */
export function findChromium(): { executablePath: string | undefined; args: string[] } {
  const { path, isBundled } = chromiumBinary(process.env.CHROMIUM_PATH);
  return { executablePath: isBundled ? undefined : path, args: QUIET_ARGS };
}
