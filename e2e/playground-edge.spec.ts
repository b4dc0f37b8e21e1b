import { pasteIntoEditor, setEditorText, waitForEditor } from './helpers/editor';
import { expect, test } from './helpers/test';

test('playground: an empty Dockerfile shows only the "No FROM" problem', async ({ page }) => {
  await page.goto('/playground');
  await waitForEditor(page);
  await expect(page.getByRole('heading', { name: /^Score/ })).toBeVisible({ timeout: 20_000 });

  await setEditorText(page, '');
  const problems = page.getByRole('list', { name: 'Problems reading the Dockerfile' });
  await expect(problems).toContainText('No FROM instruction', { timeout: 20_000 });
  // No size change, no score, no tips, no "all clear".
  await expect(page.getByRole('heading', { name: /^Score/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Estimated size' })).toHaveCount(0);
  await expect(page.getByText(/−100 %|-100 %/)).toHaveCount(0);
  await expect(page.getByText(/runs as root/i)).toHaveCount(0);
  await expect(page.getByText(/^No findings/)).toHaveCount(0);
  await expect(problems.getByRole('listitem')).toHaveCount(1);

  for (const [theme, width] of [
    ['light', 1280],
    ['dark', 375],
  ] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.setViewportSize({ width, height: 900 });
    await problems.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`empty-${theme}-${width}.png`) });
  }

  // A FROM brings the figures back.
  await setEditorText(page, 'FROM alpine:3.20\n');
  await expect(page.getByRole('heading', { name: /^Score/ })).toBeVisible({ timeout: 20_000 });
  await expect(problems).toHaveCount(0);
});

test('playground: pasted binary junk says "not a text file" once', async ({ page }) => {
  await page.goto('/playground');
  await waitForEditor(page);
  await setEditorText(
    page,
    '\u0000\u0001\u0002PK\u0003\u0004\u0000garbage\nmore\u0000junk\nRUN x\n\u0007\u0008END\n',
  );
  const problems = page.getByRole('list', { name: 'Problems reading the Dockerfile' });
  await expect(problems).toContainText('not a text file', { timeout: 20_000 });
  await expect(problems.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByText(/before the first FROM/)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /^Score/ })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('binary.png') });
});

test('playground: the autosave limit notice goes once the text is back under it', async ({
  page,
}) => {
  await page.goto('/playground');
  await waitForEditor(page);
  // Over the 200,000-character draft limit, then a normal Dockerfile again.
  const big = `FROM alpine:3.20\n${`RUN echo "${'x'.repeat(60)}"\n`.repeat(3_500)}`;
  expect(big.length).toBeGreaterThan(200_000);
  await pasteIntoEditor(page, big);
  const notice = page.getByText(/too large to autosave/);
  await expect(notice).toBeVisible({ timeout: 20_000 });

  await setEditorText(page, 'FROM alpine:3.20\nRUN echo small\n');
  await expect(notice).toHaveCount(0, { timeout: 10_000 });
});
