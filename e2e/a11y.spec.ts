import type { Page } from '@playwright/test';
import {
  pasteIntoEditor,
  waitForEditor,
  waitForEditorTheme,
  waitForFreshEstimate,
} from './helpers/editor';
import {
  LESSONS,
  lessonDockerfile,
  oneMegabyteDockerfile,
  seedProgress,
  sharePath,
  holdMonaco,
} from './helpers/site';
import { expect, seriousAxeViolations, test } from './helpers/test';

interface Target {
  name: string;
  path: string;
  /** The page shows a workbench: check it once the editor and the analysis are on screen. */
  hasWorkbench?: boolean;
}

// A fresh profile: lesson 1 is open (workbench), the later ones show the lock gate.
const TARGETS: Target[] = [
  { name: 'the course map', path: '/' },
  ...LESSONS.map((lesson, index) => ({
    name: `lesson ${lesson.slug}${index === 0 ? '' : ' (locked)'}`,
    path: `/lessons/${lesson.slug}`,
    hasWorkbench: index === 0,
  })),
  { name: 'the playground', path: '/playground', hasWorkbench: true },
  { name: 'settings', path: '/settings' },
  {
    name: 'a share link',
    path: sharePath({
      lesson: LESSONS[0].slug,
      dockerfile: lessonDockerfile(LESSONS[0].slug, 'solution'),
      dockerignore: '',
    }),
    hasWorkbench: true,
  },
  { name: 'the 404 page', path: '/no-such-page' },
];

async function settle(page: Page, target: Target): Promise<void> {
  await expect(page.locator('main h1').first()).toBeVisible();
  if (target.hasWorkbench) {
    await waitForEditor(page);
    await waitForFreshEstimate(page);
  }
  // Client components fill in after hydration (lesson states, settings): wait for them.
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

// Each page is checked in both themes: first dark, set before the first paint from stored
// progress (the site's theme script), then light, chosen with the header's theme switch.
for (const target of TARGETS) {
  test(`a11y: ${target.name} has no serious violations in the dark and light themes`, async ({
    page,
  }) => {
    await seedProgress(page, { theme: 'dark' });
    await page.goto(target.path);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await settle(page, target);
    if (target.hasWorkbench) await waitForEditorTheme(page, 'dark');
    const violations = (await seriousAxeViolations(page)).map((v) => `dark: ${v}`);

    await page.getByRole('group', { name: 'Theme' }).getByRole('button', { name: 'Light' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    if (target.hasWorkbench) await waitForEditorTheme(page, 'light');
    violations.push(...(await seriousAxeViolations(page)).map((v) => `light: ${v}`));

    expect(violations).toEqual([]);
  });
}

/** Both themes, as above, for a state the page is already in (the theme switch keeps it). */
async function violationsInBothThemes(page: Page, hasMonaco: boolean): Promise<string[]> {
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  if (hasMonaco) await waitForEditorTheme(page, 'dark');
  const violations = (await seriousAxeViolations(page)).map((v) => `dark: ${v}`);
  await page.getByRole('group', { name: 'Theme' }).getByRole('button', { name: 'Light' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  if (hasMonaco) await waitForEditorTheme(page, 'light');
  violations.push(...(await seriousAxeViolations(page)).map((v) => `light: ${v}`));
  return violations;
}

test('a11y: lesson 1 after a 1 MB paste (the too-big and not-autosaved messages, the text shown plain) has no serious violations', async ({
  page,
}) => {
  await seedProgress(page, { theme: 'dark' });
  await page.goto(`/lessons/${LESSONS[0].slug}`);
  await waitForEditor(page);
  await waitForFreshEstimate(page);
  await pasteIntoEditor(page, oneMegabyteDockerfile());
  await expect(
    page.getByRole('alert').filter({ hasText: /too big to analyse live/ }),
  ).toBeVisible();
  await expect(page.getByText(/too large to autosave/).first()).toBeVisible();
  expect(await violationsInBothThemes(page, true)).toEqual([]);
});

test('a11y: the plain editor refusing a 1 MB paste before Monaco is here has no serious violations', async ({
  page,
}) => {
  // Monaco is held back until the check is done: the plain editor stays.
  const releaseMonaco = await holdMonaco(page);
  await seedProgress(page, { theme: 'dark' });
  await page.goto(`/lessons/${LESSONS[0].slug}`);
  await expect(page.locator('[data-editor-ready="false"]')).toHaveCount(1);
  await waitForFreshEstimate(page);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(page.url()).origin,
  });
  await page.evaluate((value) => navigator.clipboard.writeText(value), oneMegabyteDockerfile());
  await page.locator('textarea[data-early-editor]').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect(page.getByRole('alert').filter({ hasText: /^Not pasted:/ })).toBeVisible();
  expect(await violationsInBothThemes(page, false)).toEqual([]);
  releaseMonaco();
  await waitForEditor(page);
});

test('a11y: lesson 1 at 375 px (the panels under the editor, their room held) has no serious violations', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await seedProgress(page, { theme: 'dark' });
  await page.goto(`/lessons/${LESSONS[0].slug}`);
  await settle(page, { name: 'lesson 1', path: '', hasWorkbench: true });
  expect(await violationsInBothThemes(page, true)).toEqual([]);
});
