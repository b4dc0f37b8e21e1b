import {
  getEditorText,
  pasteIntoEditor,
  switchTab,
  waitForEditor,
  waitForFreshEstimate,
} from './helpers/editor';
import { oneMegabyteDockerfile } from './helpers/site';
import { expect, test } from './helpers/test';

const HEAVY = `FROM python:3.11-bookworm
WORKDIR /app
COPY . .
RUN apt-get update && apt-get install -y gcc
RUN pip install -r requirements.txt
CMD ["python", "-m", "app"]
`;

const LIGHTER = `FROM python:3.11-slim-bookworm
WORKDIR /app
COPY . .
RUN apt-get update && apt-get install -y --no-install-recommends gcc \\
    && rm -rf /var/lib/apt/lists/*
RUN pip install --no-cache-dir -r requirements.txt
CMD ["python", "-m", "app"]
`;

test('playground: a pasted Dockerfile shows its estimate and findings', async ({ page }) => {
  await page.goto('/playground');
  await waitForEditor(page);

  await pasteIntoEditor(page, HEAVY);
  await expect(
    page.locator('[data-testid="finding"][data-rule="apt-lists-not-removed"]'),
  ).toHaveCount(1);
  const heavyBytes = await waitForFreshEstimate(page);
  // python:3.11-bookworm alone is several hundred MB (BASE-IMAGES.md); an estimate below 300 MB
  // or above 5 GB would mean the base image was not sized at all.
  expect(heavyBytes).toBeGreaterThan(300e6);
  expect(heavyBytes).toBeLessThan(5e9);

  await pasteIntoEditor(page, LIGHTER);
  await expect(
    page.locator('[data-testid="finding"][data-rule="apt-lists-not-removed"]'),
  ).toHaveCount(0);
  await expect
    .poll(() => waitForFreshEstimate(page), { message: 'slim and cleaned up is smaller' })
    .toBeLessThan(heavyBytes);
});

test('playground: the panels do not jump when the first estimate arrives', async ({ page }) => {
  // Layout shifts not caused by input (the browser's own measure, summed as CLS).
  await page.addInitScript(() => {
    const w = window as unknown as { __shift: number };
    w.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[]) {
        if (!entry.hadRecentInput) w.__shift += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('/playground');
  await waitForEditor(page);
  await waitForFreshEstimate(page);
  await expect(page.getByRole('heading', { name: /^Build context:/ })).toBeVisible();
  const shift = await page.evaluate(() => (window as unknown as { __shift: number }).__shift);
  // 0.1 is where "good" ends for Core Web Vitals; the build context panel shown before the
  // estimate used to jump a screen down and score about 0.14 at 1280 × 800.
  expect(shift, 'cumulative layout shift').toBeLessThan(0.1);
});

test('playground: a 1 MB paste keeps the page responsive and ends in a clear message', async ({
  page,
}) => {
  const huge = oneMegabyteDockerfile();
  expect(huge.length).toBeGreaterThanOrEqual(1_000_000);
  await page.goto('/playground');
  await waitForEditor(page);

  const pasteMs = await pasteIntoEditor(page, huge);
  test.info().annotations.push({ type: 'paste of 1 MB (ms)', description: String(pasteMs) });
  // Monaco inserts the text on the main thread: 2.1 s measured here with a load average of 15 on
  // 2 cores. Past 5 s the learner would think the tab had hung.
  expect(pasteMs, 'ms the paste kept the page busy').toBeLessThan(5_000);

  // The page still answers the keyboard and mouse within a couple of seconds.
  const dockerignoreTab = page.getByRole('tab', { name: '.dockerignore', exact: true });
  let startedAt = Date.now();
  await dockerignoreTab.click({ timeout: 2_000 });
  await expect(dockerignoreTab).toHaveAttribute('aria-selected', 'true', { timeout: 2_000 });
  expect(Date.now() - startedAt, 'ms for a tab click to respond').toBeLessThan(2_000);
  await switchTab(page, 'Dockerfile');

  await expect(page.getByText(/too large|too long/i).first()).toBeVisible({ timeout: 20_000 });

  // The text is still in the editor, whole.
  const kept = await getEditorText(page);
  expect(kept.length).toBe(huge.length);
  expect(kept === huge, 'the editor holds exactly the pasted text').toBe(true);

  // Sharing it says why it can't, instead of making a link no browser would open.
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /too long to share/i })).toBeVisible();

  startedAt = Date.now();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Settings' })
    .click({ timeout: 2_000 });
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible({
    timeout: 5_000,
  });
  expect(Date.now() - startedAt, 'ms for the header link to navigate').toBeLessThan(5_000);
});
