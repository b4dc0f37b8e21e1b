import {
  getEditorText,
  setEditorText,
  waitForEditor,
  waitForFreshEstimate,
} from './helpers/editor';
import { LESSONS, lessonDockerfile } from './helpers/site';
import { expect, test } from './helpers/test';

const [first, second] = LESSONS;

test('challenge: solving lesson 1 in Monaco unlocks the next lesson', async ({ page }) => {
  await page.goto(`/lessons/${first.slug}`);
  await waitForEditor(page);
  expect(await getEditorText(page)).toBe(lessonDockerfile(first.slug, 'start'));

  const goals = page.getByTestId('goal');
  const unmetGoals = page.locator('[data-testid="goal"][data-met="false"]');
  await expect(unmetGoals.first(), 'the starting Dockerfile fails a goal').toBeVisible();
  const startBytes = await waitForFreshEstimate(page);

  await setEditorText(page, lessonDockerfile(first.slug, 'solution'));

  await expect(unmetGoals).toHaveCount(0);
  const goalCount = await goals.count();
  expect(goalCount).toBeGreaterThan(0);
  await expect(page.locator('[data-testid="goal"][data-met="true"]')).toHaveCount(goalCount);
  const solvedBytes = await waitForFreshEstimate(page);
  expect(solvedBytes, 'the fix makes the image smaller').toBeLessThan(startBytes);

  await expect(page.getByRole('heading', { name: 'Lesson complete!' })).toBeVisible();
  // The start's size comes from the same analysis as the solution's (its start comparison).
  await expect(page.getByText(/Your image went from .+ to .+/)).toBeVisible();
  const nextLink = page.getByRole('link', { name: /next lesson unlocked/i });
  await expect(nextLink).toHaveAttribute('href', `/lessons/${second.slug}`);

  await page.getByRole('link', { name: 'Course', exact: true }).click();
  const card = (slug: string) => page.locator(`[data-testid="lesson-card"][data-slug="${slug}"]`);
  await expect(card(first.slug)).toHaveAttribute('data-state', 'completed');
  await expect(card(second.slug)).toHaveAttribute('data-state', 'available');
  await expect(card(LESSONS[2].slug)).toHaveAttribute('data-state', 'locked');
});

test('challenge: emptying the Dockerfile does not complete the lesson', async ({ page }) => {
  await page.goto(`/lessons/${first.slug}`);
  await waitForEditor(page);
  await waitForFreshEstimate(page);

  // An empty file, as the editor holds for a moment when a selection is replaced: nothing to build,
  // so the size panel gives way to the problem.
  await setEditorText(page, '');
  await expect(page.getByRole('list', { name: 'Problems reading the Dockerfile' })).toContainText(
    'No FROM instruction',
    { timeout: 20_000 },
  );
  await expect(page.getByTestId('estimated-size')).toHaveCount(0);

  await expect(page.locator('[data-testid="goal"][data-met="false"]').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Lesson complete!' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Course', exact: true }).click();
  await expect(
    page.locator(`[data-testid="lesson-card"][data-slug="${first.slug}"]`),
  ).toHaveAttribute('data-state', 'available');
  await expect(
    page.locator(`[data-testid="lesson-card"][data-slug="${second.slug}"]`),
  ).toHaveAttribute('data-state', 'locked');
});
