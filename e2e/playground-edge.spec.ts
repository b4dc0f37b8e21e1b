import {
  getEditorText,
  pasteIntoEditor,
  setEditorText,
  switchTab,
  waitForEditor,
} from './helpers/editor';
import { lessonDockerfile, sharePath } from './helpers/site';
import { expect, seriousAxeViolations, test } from './helpers/test';

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
  expect(await seriousAxeViolations(page), 'the playground with nothing to build').toEqual([]);

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

test('playground: "What rebuilds" offers only files sent to the builder, filtered, answer first', async ({
  page,
}) => {
  await page.goto('/playground');
  await waitForEditor(page);
  await page.getByLabel('Build context', { exact: true }).selectOption('dockerignore');
  await waitForEditor(page);
  await setEditorText(page, lessonDockerfile('dockerignore', 'start'));
  const pick = page.getByLabel('I edit');
  const offered = async () =>
    (await pick.locator('option').allTextContents()).filter((t) => !t.endsWith('…'));
  const hasGit = async () => (await offered()).some((t) => t.startsWith('.git/'));
  // An empty .dockerignore: the history is sent, so it can be picked.
  await switchTab(page, '.dockerignore');
  await setEditorText(page, '');
  await expect.poll(hasGit, { timeout: 20_000 }).toBe(true);

  await setEditorText(page, '.git\nnode_modules\n');
  await switchTab(page, 'Dockerfile');
  await expect.poll(hasGit, { timeout: 20_000 }).toBe(false);
  expect((await offered()).some((t) => t.startsWith('node_modules/'))).toBe(false);

  await page.getByLabel('Find a file').fill('server');
  await expect.poll(async () => (await offered()).length).toBeGreaterThan(0);
  // The file the answer is for (the app's main file until one is picked) stays selectable.
  const current = await pick.inputValue();
  expect(current, 'the panel answers for a file before any pick').not.toBe('');
  const matches = (await offered()).filter((t) => t !== current);
  expect(matches.every((t) => t.toLowerCase().includes('server'))).toBe(true);

  await pick.selectOption('src/server.js');
  const answer = page.getByText(/^Editing src\/server\.js reruns/);
  await expect(answer).toBeVisible();
  const answerBox = await answer.boundingBox();
  const treeBox = await page.getByRole('heading', { name: 'Files in the project' }).boundingBox();
  expect(answerBox && treeBox && answerBox.y < treeBox.y, 'the answer comes before the tree').toBe(
    true,
  );
  await answer.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('what-rebuilds.png') });
});

test('share link: a newcomer opening a shared later lesson is told the files are waiting', async ({
  page,
}) => {
  const slug = 'distroless';
  const shared = `${lessonDockerfile(slug, 'solution')}# shared with a friend\n`;
  await page.goto(sharePath({ dockerfile: shared, dockerignore: '', lesson: slug }));
  await page.getByRole('button', { name: 'Try it in my editor' }).click();
  await expect(page.getByRole('heading', { name: 'This lesson is locked' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByText('The shared files are waiting for you here.')).toBeVisible();
  expect(await seriousAxeViolations(page), 'the locked lesson with files waiting').toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.getByRole('heading', { name: 'This lesson is locked' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('locked-waiting-dark-375.png') });

  await page.getByRole('button', { name: 'View the shared files read-only' }).click();
  await waitForEditor(page);
  await expect.poll(() => getEditorText(page)).toBe(shared);
  await page.getByRole('button', { name: 'Open the lesson anyway to edit them' }).click();
  await waitForEditor(page);
  await expect.poll(() => getEditorText(page)).toBe(shared);
});
