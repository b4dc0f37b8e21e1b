import { getEditorText, setEditorText, waitForEditor } from './helpers/editor';
import {
  LESSONS,
  lessonDockerfile,
  seedProgress,
  seedRawProgress,
  storedProgress,
} from './helpers/site';
import { expect, test } from './helpers/test';

const [first, second] = LESSONS;

test('progress: a completed lesson and the draft survive a reload', async ({ page }) => {
  const draft = `# my own note, kept across reloads\n${lessonDockerfile(first.slug, 'solution')}`;
  await page.goto(`/lessons/${first.slug}`);
  await waitForEditor(page);
  await setEditorText(page, draft);
  await expect(page.getByRole('heading', { name: 'Lesson complete!' })).toBeVisible();
  // Autosave is debounced: wait for the draft to reach storage rather than sleeping.
  await expect
    .poll(async () => {
      const stored = await storedProgress(page);
      const drafts = stored?.drafts as Record<string, { dockerfile: string }> | undefined;
      return drafts?.[first.slug]?.dockerfile;
    })
    .toBe(draft);

  await page.reload();
  await waitForEditor(page);
  expect(await getEditorText(page)).toBe(draft);
  await expect(page.getByText('✓ Completed').first()).toBeVisible();

  await page.goto('/');
  const card = (slug: string) => page.locator(`[data-testid="lesson-card"][data-slug="${slug}"]`);
  await expect(card(first.slug)).toHaveAttribute('data-state', 'completed');
  await expect(card(second.slug)).toHaveAttribute('data-state', 'available');
});

const DAMAGED: { reason: string; raw: string }[] = [
  { reason: 'not JSON at all', raw: '{"completed": ["base-image", oops' },
  { reason: 'JSON of the wrong shape', raw: '[1, 2, 3]' },
  {
    reason: 'fields of the wrong types',
    raw: '{"version":1,"completed":42,"drafts":"none","unlockAll":"yes"}',
  },
];

for (const { reason, raw } of DAMAGED) {
  test(`progress: damaged saved data (${reason}) shows a notice, not a crash`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await seedRawProgress(page, raw);
    await page.goto('/');

    await expect(
      page
        .getByRole('status')
        .filter({ hasText: /progress/i })
        .first(),
    ).toContainText(/damaged|could not be read|not in a format|skipped|reset/i);
    const cards = page.getByTestId('lesson-card');
    await expect(cards).toHaveCount(LESSONS.length);
    await expect(cards.first()).toHaveAttribute('data-state', 'available');
    await expect(page.getByRole('button', { name: 'Dismiss' })).toBeVisible();

    // The lesson still opens with its editor on the recovered progress.
    await page.getByRole('link', { name: /start the course|continue where you left off/i }).click();
    await waitForEditor(page);
    expect(errors, 'uncaught errors on the page').toEqual([]);
  });
}

test('progress: exported progress comes back after a reset by importing the file', async ({
  page,
}) => {
  const draft = lessonDockerfile(first.slug, 'solution');
  await seedProgress(page, {
    completed: [first.slug],
    drafts: { [first.slug]: { dockerfile: draft, dockerignore: '' } },
  });
  await page.goto('/settings');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const file = await (await download).path();

  await page.getByRole('button', { name: 'Reset progress' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reset progress' }).click();
  await expect.poll(async () => (await storedProgress(page))?.completed).toEqual([]);

  await page.getByLabel('Progress file to import').setInputFiles(file);
  const dialog = page.getByRole('dialog', { name: 'Import this progress?' });
  await expect(dialog).toContainText('1 completed lesson');
  await dialog.getByRole('button', { name: 'Replace my progress' }).click();

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Course' })
    .click();
  const card = (slug: string) => page.locator(`[data-testid="lesson-card"][data-slug="${slug}"]`);
  await expect(card(first.slug)).toHaveAttribute('data-state', 'completed');
  await expect(card(second.slug)).toHaveAttribute('data-state', 'available');
  const stored = await storedProgress(page);
  expect((stored?.drafts as Record<string, { dockerfile: string }>)[first.slug]?.dockerfile).toBe(
    draft,
  );
});
