import { getEditorText, setEditorText, waitForEditor } from './helpers/editor';
import { LESSONS, lessonDockerfile, seedRawProgress, storedProgress } from './helpers/site';
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
  expect((await getEditorText(page)).trimEnd()).toBe(draft.trimEnd());
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
