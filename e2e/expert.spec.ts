import {
  editorFrame,
  getEditorText,
  isEditorFocused,
  typeKeyByKey,
  waitForEditor,
  waitForFreshEstimate,
} from './helpers/editor';
import { LESSONS, lessonDockerfile, seedProgress } from './helpers/site';
import type { Page } from '@playwright/test';
import { expect, test } from './helpers/test';

const [first, , third] = LESSONS;

test('expert: typing lesson 1’s solution key by key (30 ms a key, Enter included) gives exactly that text', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(`/lessons/${first.slug}`);
  await waitForEditor(page);
  const solution = lessonDockerfile(first.slug, 'solution');
  await typeKeyByKey(page, solution, 30);
  // Suggestions open at line ends while typing; Enter must break the line, never accept one.
  await expect.poll(() => getEditorText(page)).toBe(solution);
  await expect(page.locator('[data-testid="goal"][data-met="false"]')).toHaveCount(0);
});

test('expert: typing lesson 3’s solution key by key keeps its indentation exactly (continuation lines, no pile-up)', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await seedProgress(page, { unlockAll: true });
  await page.goto(`/lessons/${third.slug}`);
  await waitForEditor(page);
  const solution = lessonDockerfile(third.slug, 'solution');
  await typeKeyByKey(page, solution, 30);
  await expect.poll(() => getEditorText(page)).toBe(solution);
});

test('expert: every quick fix in lesson 3 keeps the image building, and Ctrl+Z undoes it from the editor', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await seedProgress(page, { unlockAll: true });
  await page.goto(`/lessons/${third.slug}`);
  await waitForEditor(page);
  await waitForFreshEstimate(page);
  const start = lessonDockerfile(third.slug, 'start');
  const fixButtons = page.getByRole('button', { name: /^Fix: / });
  const count = await fixButtons.count();
  expect(count, 'lesson 3 offers quick fixes').toBeGreaterThan(0);
  const noErrors = page.getByTestId('goal').filter({ hasText: 'No errors' });
  for (let i = 0; i < count; i++) {
    const button = fixButtons.nth(i);
    const title = await button.innerText();
    await button.click();
    await expect.poll(() => getEditorText(page), title).not.toBe(start);
    await waitForFreshEstimate(page);
    await expect(noErrors, `${title}: the image still builds and starts`).toHaveAttribute(
      'data-met',
      'true',
    );
    expect(await isEditorFocused(page), `${title}: focus is back in the editor`).toBe(true);
    await page.keyboard.press('ControlOrMeta+Z');
    await expect.poll(() => getEditorText(page), `${title}: undone`).toBe(start);
    await waitForFreshEstimate(page);
  }
});

/**
 * Goals, the summary size and the layer strip are wholly on screen, with at least `editorPx` of
 * the editor below them, and neither the editor nor the goals sit in a box that scrolls on its
 * own (the page scrolls).
 */
async function expectFeedbackBesideEditor(page: Page, viewportHeight: number, editorPx: number) {
  const goals = page.getByRole('region', { name: 'Goals' });
  await expect(goals).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('summary-size')).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('layer-strip')).toBeInViewport({ ratio: 1 });
  const frame = await editorFrame(page).boundingBox();
  expect(frame).not.toBeNull();
  expect(frame!.y).toBeGreaterThanOrEqual(0);
  expect(viewportHeight - frame!.y, 'editor height on screen').toBeGreaterThanOrEqual(editorPx);
  const scrollers = (el: Element): string[] => {
    const out: string[] = [];
    for (let at = el.parentElement; at && at !== document.body; at = at.parentElement) {
      const style = getComputedStyle(at);
      if (/(auto|scroll)/.test(style.overflowY) && at.scrollHeight > at.clientHeight + 1)
        out.push(at.className || at.tagName);
    }
    return out;
  };
  const nested = [
    ...(await editorFrame(page).evaluate(scrollers)),
    ...(await goals.evaluate(scrollers)),
  ];
  expect(nested).toEqual([]);
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  test(`expert: goals, size, the layer strip and the editor are in view together at ${viewport.width}×${viewport.height}`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize(viewport);
    await page.goto(`/lessons/${first.slug}`);
    await waitForEditor(page);
    await waitForFreshEstimate(page);
    await expectFeedbackBesideEditor(page, viewport.height, 240);
    await page.screenshot({ path: testInfo.outputPath(`lesson-${viewport.width}.png`) });
  });
}

test('expert: the capstone’s 12 goals, the size and 300 px of editor fit 1280×720 together', async ({
  page,
}, testInfo) => {
  const capstone = LESSONS[LESSONS.length - 1];
  await seedProgress(page, { unlockAll: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`/lessons/${capstone.slug}`);
  await waitForEditor(page);
  await waitForFreshEstimate(page);
  await expect(page.getByTestId('goal')).toHaveCount(12);
  await expectFeedbackBesideEditor(page, 720, 300);
  await page.screenshot({ path: testInfo.outputPath('capstone-1280.png') });
});

test('expert: at 375 px a link jumps to the editor and the size and goal count stay in sight', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(`/lessons/${first.slug}`);
  await waitForEditor(page);
  await waitForFreshEstimate(page);
  await page.getByRole('link', { name: 'Jump to the editor' }).click();
  await expect(editorFrame(page)).toBeInViewport();
  await page.mouse.wheel(0, 600);
  await expect(page.getByText(/\d+\/\d+ goals/)).toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath('lesson-375.png') });
});

test('expert: "What rebuilds?" already answers for the app’s main source file', async ({
  page,
}) => {
  await page.goto(`/lessons/${first.slug}`);
  await waitForEditor(page);
  await waitForFreshEstimate(page);
  await expect(page.getByLabel('I edit')).toHaveValue('app/main.py');
  await expect(page.getByText(/^Editing app\/main\.py reruns \d+ layers?/)).toBeVisible();
});
