import { waitForEditor, waitForFreshEstimate } from './helpers/editor';
import { LESSONS, seedProgress } from './helpers/site';
import { expect, test } from './helpers/test';

test('lessons: every lesson page shows its prose and its workbench', async ({ page }) => {
  // Eight editors in a row: room for a busy CI machine (about 40 s measured at load average 15).
  test.setTimeout(150_000);
  await seedProgress(page, { unlockAll: true });
  const titles = new Set<string>();
  for (const lesson of LESSONS) {
    const response = await page.goto(`/lessons/${lesson.slug}`);
    expect(response?.status()).toBe(200);
    const title = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
    expect(title.length, `${lesson.slug} has a title`).toBeGreaterThan(0);
    titles.add(title);
    const proseText = await page.getByRole('article', { name: title }).innerText();
    expect(proseText.length, `${lesson.slug} has prose`).toBeGreaterThan(title.length + 400);
    await expect(page.getByRole('tab', { name: 'Dockerfile', exact: true })).toBeVisible();
    await expect(page.getByRole('tab', { name: '.dockerignore', exact: true })).toBeVisible();
    await waitForEditor(page);
    await waitForFreshEstimate(page);
    await expect(page.getByTestId('goal').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Share', exact: true })).toBeVisible();
  }
  expect(titles.size, 'every lesson has its own title').toBe(LESSONS.length);
});

test('lessons: an unknown lesson shows the 404 page', async ({ page }) => {
  const response = await page.goto('/lessons/no-such-lesson');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to the course' })).toBeVisible();
});

test('lessons: the course map lists the eight lessons in order, only the first open', async ({
  page,
}) => {
  expect(LESSONS).toHaveLength(8);
  await page.goto('/');
  const cards = page.getByTestId('lesson-card');
  await expect(cards).toHaveCount(LESSONS.length);
  await expect(cards.first()).toHaveAttribute('data-state', 'available');
  expect(await cards.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-slug')))).toEqual(
    LESSONS.map((lesson) => lesson.slug),
  );
  expect(
    await cards.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-state'))),
  ).toEqual(LESSONS.map((_, index) => (index === 0 ? 'available' : 'locked')));
});

test('lessons: unlocking every lesson in Settings makes them all available', async ({ page }) => {
  await page.goto('/settings');
  await page.getByRole('checkbox', { name: 'Unlock all lessons' }).check();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Course' })
    .click();
  const cards = page.getByTestId('lesson-card');
  await expect(cards).toHaveCount(LESSONS.length);
  await expect(cards.first()).toHaveAttribute('data-state', 'available');
  expect(
    await cards.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-state'))),
  ).toEqual(LESSONS.map(() => 'available'));

  // The setting survives a reload, and a later lesson opens straight into its workbench.
  await page.goto(`/lessons/${LESSONS[LESSONS.length - 1].slug}`);
  await expect(page.getByRole('heading', { name: 'This lesson is locked' })).toHaveCount(0);
  await waitForEditor(page);
});
