import { setEditorText, waitForEditor, waitForFreshEstimate } from './helpers/editor';
import { expect, test } from './helpers/test';

test('base images: a Windows base says Windows images are not supported, with no size', async ({
  page,
}) => {
  await page.goto('/playground');
  await waitForEditor(page);
  await setEditorText(
    page,
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo hello > C:\\\\hello.txt\n',
  );
  // The estimate has no bytes to wait for: the base line itself answers once the worker has.
  const base = page.getByRole('definition').filter({ hasText: 'servercore' });
  await expect(base).toContainText('not sized: Windows images are not supported', {
    timeout: 30_000,
  });
  await expect(base).not.toContainText('a guess');
});

test('base images: another tag of a measured official build is sized as that build', async ({
  page,
}) => {
  await page.goto('/playground');
  await waitForEditor(page);
  // buildpack-deps:oldstable is the same build as buildpack-deps:bookworm (official-images);
  // only the tag index the worker loads on demand knows that.
  await setEditorText(page, 'FROM buildpack-deps:oldstable\nCMD ["bash"]\n');
  const bytes = await waitForFreshEstimate(page);
  expect(bytes).toBeGreaterThan(900e6);
  expect(bytes).toBeLessThan(960e6);
  await expect(
    page.getByRole('definition').filter({ hasText: 'buildpack-deps:bookworm' }),
  ).not.toContainText('a guess');
});
