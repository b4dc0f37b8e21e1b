import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/**
 * The project's `test`: every page a test opens (in its browser context, so pages opened with
 * `context.newPage()` too) is watched, and the test fails if a page sends a request to any origin
 * other than the site's own (the site must work offline), or if the site's Content-Security-Policy
 * had to block something. The second check matters: the policy stops a foreign request before it
 * is sent, so no request event ever shows it, yet it is the page trying to reach another host.
 */
export const test = base.extend<{ foreignRequests: string[] }>({
  foreignRequests: [
    async ({ context, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://localhost:3000').origin;
      const foreign: string[] = [];
      const blocked: string[] = [];
      context.on('request', (request) => {
        const url = request.url();
        if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return;
        if (new URL(url).origin !== origin) foreign.push(url);
      });
      await context.exposeFunction('__e2eReportCspViolation', (entry: string) => {
        blocked.push(entry);
      });
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const report = (
            window as unknown as { __e2eReportCspViolation?: (entry: string) => void }
          ).__e2eReportCspViolation;
          report?.(`${location.pathname}: ${event.violatedDirective} blocked ${event.blockedURI}`);
        });
      });
      await use(foreign);
      expect(foreign, 'requests that left the site origin').toEqual([]);
      expect(blocked, 'what the Content-Security-Policy blocked').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Serious or critical axe violations on the current page, as readable strings. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}
