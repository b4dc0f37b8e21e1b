import {
  focusEditor,
  hoverWord,
  setEditorText,
  switchTab,
  waitForEditor,
  waitForFreshEstimate,
} from './helpers/editor';
import { LESSONS, lessonDockerfile, seedProgress, sharePath } from './helpers/site';
import { expect, test } from './helpers/test';

// Without the site's Content-Security-Policy as a safety net: the policy would stop a foreign
// request before it is sent, and inside a Web Worker it does so silently (no request event, no
// violation event on the page). Bypassing it here lets every attempt, from the page or any
// worker, reach the route below, so the test checks what the code does, not what the policy hides.
test.use({ bypassCSP: true });

test("offline: no request leaves the site's origin", async ({ page, context, baseURL }) => {
  // Every page and every lesson's editor in one go (about 50 s measured at load average 15): give
  // it room on a busy CI machine.
  test.setTimeout(180_000);
  const origin = new URL(baseURL ?? 'http://localhost:3000').origin;
  const attempted: string[] = [];
  // Block (and record) anything bound elsewhere, for the page and any worker it starts (the
  // project's fixture also fails the test on any foreign request a page makes).
  await context.route(
    (url) => !['data:', 'blob:', 'about:'].includes(url.protocol) && url.origin !== origin,
    (route) => {
      attempted.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith('http') && url.origin !== origin) attempted.push(request.url());
  });
  const visit = async (path: string, whenLoaded: () => Promise<void>) => {
    await page.goto(path);
    await whenLoaded();
  };
  // Every lesson opens its workbench, so every editor and worker loads.
  await seedProgress(page, { unlockAll: true });

  await visit('/', () => expect(page.getByTestId('lesson-card')).toHaveCount(LESSONS.length));
  for (const lesson of LESSONS) {
    await visit(`/lessons/${lesson.slug}`, async () => {
      await waitForEditor(page);
      await waitForFreshEstimate(page);
    });
  }

  await visit('/playground', async () => {
    await waitForEditor(page);
    // Image-tag completion in dockerfile-language-service would ask a registry when online.
    await setEditorText(page, 'FROM node:');
    await page.keyboard.press('Control+Space');
    await page.keyboard.press('Escape');
    await setEditorText(page, lessonDockerfile(LESSONS[0].slug, 'start'));
    await waitForFreshEstimate(page);
    // Hovers come from the language service too.
    await hoverWord(page, 'FROM');
    await switchTab(page, '.dockerignore');
    await focusEditor(page);
    await page.keyboard.insertText('node_modules\n');
    await waitForFreshEstimate(page);
  });
  await visit('/settings', () =>
    expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible(),
  );
  await visit(sharePath({ dockerfile: 'FROM alpine:3.20\n', dockerignore: '' }), async () => {
    await waitForEditor(page);
    await waitForFreshEstimate(page);
  });
  await visit('/no-such-page', () =>
    expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible(),
  );

  expect(attempted, 'requests to other origins').toEqual([]);
});
