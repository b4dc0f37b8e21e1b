import {
  focusEditor,
  getEditorText,
  setEditorText,
  waitForEditor,
  waitForFreshEstimate,
} from './helpers/editor';
import { LESSONS, lessonDockerfile, seedProgress } from './helpers/site';
import { expect, test } from './helpers/test';

const [first] = LESSONS;

const NEEDS_CLEANUP = `FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y curl
CMD ["curl", "--version"]
`;

test('workbench: a quick fix in the findings list shrinks the estimate, and Ctrl+Z undoes it', async ({
  page,
}) => {
  await seedProgress(page, {
    drafts: { playground: { dockerfile: NEEDS_CLEANUP, dockerignore: '' } },
  });
  await page.goto('/playground');
  await waitForEditor(page);
  expect(await getEditorText(page)).toBe(NEEDS_CLEANUP);

  const finding = page.locator('[data-testid="finding"][data-rule="apt-lists-not-removed"]');
  await expect(finding).toHaveCount(1);
  const before = await waitForFreshEstimate(page);
  await finding.getByRole('button', { name: /^Fix:/ }).first().click();

  await expect(finding).toHaveCount(0);
  expect(await getEditorText(page)).toContain('/var/lib/apt/lists');
  await expect.poll(() => waitForFreshEstimate(page)).toBeLessThan(before);

  await focusEditor(page);
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => getEditorText(page)).toBe(NEEDS_CLEANUP);
  await expect(finding).toHaveCount(1);
});

test('workbench: Reset asks first, then brings back the starting Dockerfile', async ({ page }) => {
  const draft = lessonDockerfile(first.slug, 'solution');
  await seedProgress(page, { drafts: { [first.slug]: { dockerfile: draft, dockerignore: '' } } });
  await page.goto(`/lessons/${first.slug}`);
  await waitForEditor(page);
  expect(await getEditorText(page)).toBe(draft);

  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /reset to the start/i });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: /cancel|keep/i }).click();
  await expect(dialog).toBeHidden();
  expect(await getEditorText(page)).toBe(draft);

  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reset', exact: true }).click();
  await expect.poll(() => getEditorText(page)).toBe(lessonDockerfile(first.slug, 'start'));
});

test('workbench: hints are revealed one at a time', async ({ page }) => {
  await page.goto(`/lessons/${first.slug}`);
  await waitForEditor(page);
  const hints = page.getByRole('region', { name: 'Hints' }).getByRole('listitem');
  await expect(hints).toHaveCount(0);
  await page.getByRole('button', { name: /show a hint/i }).click();
  await expect(hints).toHaveCount(1);
  await page.getByRole('button', { name: /next hint/i }).click();
  await expect(hints).toHaveCount(2);
  expect(await hints.nth(1).innerText()).not.toBe(await hints.nth(0).innerText());
});

test('workbench: "What rebuilds" shows fewer layers rerun once the manifests are copied first', async ({
  page,
}) => {
  const lesson = LESSONS.find((item) => item.slug === 'copy-only-needed') ?? LESSONS[5];
  await seedProgress(page, { unlockAll: true });
  await page.goto(`/lessons/${lesson.slug}`);
  await waitForEditor(page);
  await waitForFreshEstimate(page);

  await page.getByLabel('I edit').selectOption('src/server.js');
  const answer = page.getByText(/^Editing src\/server\.js reruns/);
  const rerunLayers = async () =>
    Number(/reruns (\d+) layers?/.exec(await answer.innerText())?.[1]);
  await expect(answer).toBeVisible();
  const before = await rerunLayers();
  // COPY . . sends the sources before `npm install`: the install reruns on every edit.
  expect(before).toBeGreaterThanOrEqual(2);

  await setEditorText(page, lessonDockerfile(lesson.slug, 'solution'));
  await expect.poll(rerunLayers).toBeLessThan(before);
});

test('workbench: typing before Monaco has loaded goes into the plain editor, and Monaco takes over text, cursor and undo', async ({
  page,
}) => {
  // Hold back the one script over 1 MB (Monaco) until the plain editor has been used.
  let releaseMonaco: () => void = () => {};
  const monacoHeld = new Promise<void>((resolve) => (releaseMonaco = resolve));
  await page.route('**/_next/static/chunks/*.js', async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    if (body.length > 1_000_000) await monacoHeld;
    await route.fulfill({ response, body });
  });
  const start = lessonDockerfile(first.slug, 'start');
  await page.goto(`/lessons/${first.slug}`);
  const plain = page.locator('textarea[data-early-editor]');
  await expect(plain).toBeVisible();
  await expect(page.locator('[data-editor-ready="true"]')).toHaveCount(0);
  await plain.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('# one');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(plain).toHaveValue(`${start}# one`);
  await page.keyboard.press('Enter');
  await page.keyboard.type('# two');

  releaseMonaco();
  await waitForEditor(page);
  await expect(plain).toHaveCount(0);
  const typed = `${start}# one\n# two`;
  expect(await getEditorText(page)).toBe(typed);
  // The cursor stayed at the end and the focus in the editor: typing goes on where it was.
  await page.keyboard.type('!');
  await expect.poll(() => getEditorText(page)).toBe(`${typed}!`);
  // Each step typed before Monaco is one undo step in it.
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => getEditorText(page)).toBe(typed);
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => getEditorText(page)).toBe(`${start}# one\n`);
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => getEditorText(page)).toBe(`${start}# one`);
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => getEditorText(page)).toBe(start);
});

test('workbench: a long text entered as one input event is one edit, one analysis and one undo step', async ({
  page,
}) => {
  const start = lessonDockerfile(first.slug, 'start');
  await page.goto(`/lessons/${first.slug}`);
  await waitForEditor(page);
  await waitForFreshEstimate(page);
  const size = page.getByTestId('estimated-size').first();
  const seqBefore = Number(await size.getAttribute('data-seq'));
  // What an IME commit or dictation gives: Monaco would type it a character at a time.
  const lines = ['FROM node:20-alpine', 'WORKDIR /app', 'COPY package.json ./'];
  for (let i = 0; i < 40; i++) lines.push(`RUN echo ${i} > /tmp/f${i}`);
  const text = `${lines.join('\n')}\n`;
  await setEditorText(page, text);
  expect(await getEditorText(page)).toBe(text);
  await waitForFreshEstimate(page);
  // One report of the change, so one analysis request for the whole text.
  expect(Number(await size.getAttribute('data-seq'))).toBe(seqBefore + 1);
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => getEditorText(page)).toBe(start);
});
