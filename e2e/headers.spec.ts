import { createHash } from 'node:crypto';
import { test as plain } from '@playwright/test';
import { LESSONS, sharePath } from './helpers/site';
import { hoverWord, visibleHover, waitForEditor, waitForFreshEstimate } from './helpers/editor';
import { expect, test } from './helpers/test';

const [first] = LESSONS;

function directive(policy: string, name: string): string[] {
  const found = policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([key]) => key === name);
  return found ? found.slice(1) : [];
}

/** Every inline <script> of an HTML page: its nonce attribute (if any) and its exact text. */
function inlineScripts(html: string): { nonce?: string; text: string }[] {
  return [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)]
    .filter(([, attributes = '']) => !/\ssrc=/.test(attributes))
    .map(([, attributes = '', text]) => ({
      nonce: /\snonce="([^"]*)"/.exec(attributes)?.[1],
      text,
    }));
}

test('headers: every inline script a page carries is allowed by its nonce or its hash, nothing else', async ({
  request,
}) => {
  for (const path of ['/', `/lessons/${first.slug}`, '/playground', '/settings']) {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const policy = response.headers()['content-security-policy'] ?? '';
    const scriptSources = directive(policy, 'script-src');
    expect(scriptSources, path).not.toContain("'unsafe-inline'");
    expect(scriptSources, path).not.toContain("'unsafe-eval'");
    const nonce = scriptSources.find((source) => source.startsWith("'nonce-"))?.slice(7, -1);
    expect(nonce, `${path} has a nonce`).toBeTruthy();
    const hashes = scriptSources.filter((source) => source.startsWith("'sha256-"));

    const scripts = inlineScripts(await response.text());
    // Next.js inlines its runtime and the RSC payload: the reason a nonce is needed at all.
    expect(scripts.length, path).toBeGreaterThan(1);
    for (const script of scripts) {
      const hash = `'sha256-${createHash('sha256').update(script.text, 'utf8').digest('base64')}'`;
      expect(
        script.nonce === nonce || hashes.includes(hash),
        `${path}: ${script.text.slice(0, 60)}`,
      ).toBe(true);
    }
    // The theme script (the site's own) is allowed by its hash, worked out from the same string.
    const theme = scripts.find((script) => script.text.includes('data-theme'));
    expect(theme).toBeDefined();
    const themeHash = `'sha256-${createHash('sha256')
      .update(theme?.text ?? '', 'utf8')
      .digest('base64')}'`;
    expect(hashes).toContain(themeHash);

    expect(directive(policy, 'worker-src'), path).toEqual(["'self'"]);
    expect(response.headers()['cross-origin-opener-policy']).toBe('same-origin');
    expect(response.headers()['cross-origin-resource-policy']).toBe('same-origin');
    // HSTS is the deployer's to send over HTTPS (README); never on http://localhost.
    expect(response.headers()['strict-transport-security']).toBeUndefined();
  }
});

test('headers: each response gets a fresh nonce', async ({ request }) => {
  const nonces = new Set<string>();
  for (let i = 0; i < 3; i++) {
    const policy = (await request.get('/')).headers()['content-security-policy'] ?? '';
    nonces.add(directive(policy, 'script-src').find((s) => s.startsWith("'nonce-")) ?? '');
  }
  expect(nonces.size).toBe(3);
});

test('headers: the share card may be shown by other sites, nothing else may', async ({
  request,
}) => {
  const card = await request.get('/s/00000000000000000000/card');
  expect(card.headers()['cross-origin-resource-policy']).toBe('cross-origin');
});

test('headers: a lesson hydrates and runs Monaco’s and the analysis workers under the policy', async ({
  page,
}) => {
  // The project's test fixture fails the test on any securitypolicyviolation event.
  await page.goto(`/lessons/${first.slug}`);
  await waitForEditor(page);
  expect(await waitForFreshEstimate(page)).toBeGreaterThan(0);
  // Hydrated: a client-side control reacts.
  await page.getByRole('group', { name: 'Theme' }).getByRole('button', { name: 'Dark' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

plain(
  'headers: an injected inline script is blocked and reported (the check above can fail)',
  async ({ page }) => {
    const violations: string[] = [];
    await page.exposeFunction('__reportViolation', (entry: string) => violations.push(entry));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { __reportViolation: (e: string) => void }).__reportViolation(
          event.violatedDirective,
        ),
      );
    });
    await page.goto('/');
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = 1';
      document.body.append(script);
      return (window as unknown as { __injected?: number }).__injected;
    });
    expect(ran).toBeUndefined();
    await expect.poll(() => violations).toContain('script-src-elem');
  },
);

test('headers: an ARG value with a link shows in the hover as text, not as a link', async ({
  page,
}) => {
  const dockerfile = 'FROM alpine:3.20\nARG SITE=[x](http://evil.example)\nRUN echo $SITE\n';
  await page.goto(sharePath({ dockerfile, dockerignore: '' }));
  await waitForEditor(page);
  await waitForFreshEstimate(page);
  await hoverWord(page, 'SITE');
  const hover = visibleHover(page);
  await expect(hover).toContainText('[x](http://evil.example)');
  await expect(hover.locator('a[href*="evil"], a[data-href*="evil"]')).toHaveCount(0);
});
