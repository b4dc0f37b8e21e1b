import type { Page } from '@playwright/test';
import { isEditorFocused, selectAllAndInsert, waitForEditor } from './helpers/editor';
import { LESSONS, lessonDockerfile } from './helpers/site';
import { expect, test } from './helpers/test';

const [first, second] = LESSONS;

/** Presses Tab (or Shift+Tab) until `isThere` holds; fails after `limit` presses. */
async function tabUntil(
  page: Page,
  isThere: () => Promise<boolean>,
  { backwards = false, limit = 120 } = {},
): Promise<number> {
  for (let presses = 0; presses < limit; presses++) {
    if (await isThere()) return presses;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Not reached after ${limit} presses of ${backwards ? 'Shift+Tab' : 'Tab'}`);
}

/** The href of the focused element (null when it is not a link). */
function focusedHref(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('href') ?? null);
}

test('keyboard: a lesson can be completed without the mouse', async ({ page }) => {
  await page.goto(`/lessons/${first.slug}`);
  await waitForEditor(page);

  // Tab from the top of the page into the editor.
  await tabUntil(page, () => isEditorFocused(page));
  await selectAllAndInsert(page, lessonDockerfile(first.slug, 'solution'));
  await expect(page.locator('[data-testid="goal"][data-met="false"]')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Lesson complete!' })).toBeVisible();

  // Ctrl+M makes Tab move focus instead of typing a tab character; then leave the editor.
  await page.keyboard.press('Control+M');
  await page.keyboard.press('Tab');
  expect(await isEditorFocused(page), 'Tab leaves the editor after Ctrl+M').toBe(false);

  const nextHref = `/lessons/${second.slug}`;
  await tabUntil(page, async () => (await focusedHref(page)) === nextHref);
  await page.keyboard.press('Enter');
  await page.waitForURL(`**${nextHref}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Reached by completing lesson 1, so the lesson is open, not behind the lock gate.
  await expect(page.getByRole('heading', { name: 'This lesson is locked' })).toHaveCount(0);
  await waitForEditor(page);
});
