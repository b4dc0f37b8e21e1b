import { focusEditor, hoverWord, setEditorText, switchTab, waitForEditor, waitForFreshEstimate } from './helpers/editor';
import { LESSONS, lessonDockerfile, seedProgress, sharePath } from './helpers/site';
import { expect, test } from './helpers/test';

test("offline: no request leaves the site's origin", async ({ page, context, baseURL }) => {
  // It opens every page and every lesson's editor in one go: give it room on a busy CI machine.
  test.setTimeout(180_000);
  const origin = new URL(baseURL ?? 'http://localhost:3000').origin;
  const attempted: string[] = [];
  // Block (and record) anything bound elsewhere, for the page and any worker it starts; the
  // project's fixture also fails the test on any foreign request the page makes.
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
  // Every lesson opens its workbench, so every editor and worker loads.
  await seedProgress(page, { unlockAll: true });

  await page.goto('/');
  await expect(page.getByTestId('lesson-card')).toHaveCount(LESSONS.length);

  for (const lesson of LESSONS) {
    await page.goto(`/lessons/${lesson.slug}`);
    await waitForEditor(page);
    await waitForFreshEstimate(page);
  }

  await page.goto('/playground');
  await waitForEditor(page);
  // Image-tag completion in dockerfile-language-service would ask a registry online.
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

  await page.goto('/settings');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await page.goto(sharePath({ dockerfile: 'FROM alpine:3.20\n', dockerignore: '' }));
  await waitForEditor(page);
  await waitForFreshEstimate(page);
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();

  expect(attempted, 'requests to other origins').toEqual([]);
});
