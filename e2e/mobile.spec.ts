import { focusEditor, waitForEditor, waitForFreshEstimate } from './helpers/editor';
import { LESSONS, lessonDockerfile, sharePath } from './helpers/site';
import { expect, test } from './helpers/test';

const WIDTH = 375;
test.use({ viewport: { width: WIDTH, height: 740 }, hasTouch: true });

// A fresh profile: lesson 1, the playground and the share page show a workbench.
const PAGES: { path: string; hasWorkbench?: boolean }[] = [
  { path: '/' },
  ...LESSONS.map((lesson, index) => ({
    path: `/lessons/${lesson.slug}`,
    hasWorkbench: index === 0,
  })),
  { path: '/playground', hasWorkbench: true },
  { path: '/settings' },
  {
    path: sharePath({
      lesson: LESSONS[0].slug,
      dockerfile: lessonDockerfile(LESSONS[0].slug, 'start'),
      dockerignore: '',
    }),
    hasWorkbench: true,
  },
  { path: '/no-such-page' },
];

test(`mobile: no page scrolls sideways at ${WIDTH} px`, async ({ page }) => {
  const overflowing: string[] = [];
  for (const { path, hasWorkbench } of PAGES) {
    await page.goto(path);
    await expect(page.locator('main h1').first()).toBeVisible();
    if (hasWorkbench) {
      await waitForEditor(page);
      await waitForFreshEstimate(page);
    }
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    const scrollWidth = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
    if (scrollWidth > WIDTH) overflowing.push(`${path.split('#')[0]}: ${scrollWidth}px`);
  }
  expect(overflowing, 'pages wider than the screen').toEqual([]);
});

test(`mobile: the lesson's editor and size are reachable at ${WIDTH} px`, async ({ page }) => {
  await page.goto(`/lessons/${LESSONS[0].slug}`);
  await waitForEditor(page);
  await focusEditor(page);
  const size = page.getByTestId('estimated-size');
  await size.scrollIntoViewIfNeeded();
  await expect(size).toBeInViewport();
  expect(await waitForFreshEstimate(page)).toBeGreaterThan(0);
  const box = await size.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= WIDTH, 'the size fits the screen').toBe(true);
  const scrollWidth = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
  expect(scrollWidth).toBeLessThanOrEqual(WIDTH);
});

test(`mobile: each goal shows its detail on a line of its own at ${WIDTH} px`, async ({ page }) => {
  await page.goto(`/lessons/${LESSONS[0].slug}`);
  await waitForEditor(page);
  await waitForFreshEstimate(page);
  // A phone has no tooltip: what is still wrong must be readable, not cut after a few letters.
  const goals = page.getByTestId('goal');
  const sizeGoal = goals.filter({ hasText: /GB now/ });
  const label = await sizeGoal.getByText(/Image under \d+ MB$/).boundingBox();
  const detail = await sizeGoal.getByText(/GB now$/).boundingBox();
  expect(label && detail && detail.y >= label.y + label.height - 1, 'detail below label').toBe(
    true,
  );
  expect(detail && detail.x + detail.width <= WIDTH, 'the detail fits the screen').toBe(true);
  // Every row is as tall as the others, so the editor below keeps its place while goals change.
  const heights = await goals.evaluateAll((rows) =>
    rows.map((row) => Math.round(row.getBoundingClientRect().height)),
  );
  expect(new Set(heights).size).toBe(1);
});
