import {
  focusEditor,
  getEditorMarkers,
  getEditorText,
  pasteIntoEditor,
  setEditorText,
  waitForEditor,
  waitForFreshEstimate,
} from './helpers/editor';
import {
  LESSONS,
  holdScripts,
  lessonDockerfile,
  oneMegabyteDockerfile,
  seedProgress,
  storedProgress,
  holdMonaco,
} from './helpers/site';
import { expect, test } from './helpers/test';
import type { Page } from '@playwright/test';
import { PROGRESS_KEY } from '../lib/progress';

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
  const releaseMonaco = await holdMonaco(page, true);
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

/** The first lesson's plain editor (the HTML's prefilled one, then the adopted same element). */
const plainEditor = (page: Page) =>
  page.getByRole('textbox', { name: 'Dockerfile (plain text until the full editor has loaded)' });

/**
 * Opens the first lesson with its scripts held back and puts the cursor at the end of the
 * prefilled editor, as a learner who starts typing at once: `release` lets the scripts run.
 */
async function typeBeforeScripts(page: Page) {
  const release = await holdScripts(page);
  await page.goto(`/lessons/${first.slug}`, { waitUntil: 'commit' });
  const plain = plainEditor(page);
  await expect(plain).toBeEditable();
  await plain.click();
  await page.keyboard.press('ControlOrMeta+End');
  return { release, plain };
}

const SAVED = 'FROM alpine:3.20\nCMD ["sh"]\n';

test('workbench: the first lesson takes typing before any of its scripts has run, and keeps text, cursor and undo once they have', async ({
  page,
}) => {
  const start = lessonDockerfile(first.slug, 'start');
  const { release, plain } = await typeBeforeScripts(page);
  await expect(plain).toHaveValue(start);
  await page.keyboard.type('# typed before the scripts');
  await page.keyboard.press('Enter');
  await page.keyboard.type('# two');
  const typed = `${start}# typed before the scripts\n# two`;
  await expect(plain).toHaveValue(typed);
  // Nothing of the site's own code has run: no workbench, no full editor.
  await expect(page.locator('[data-editor-ready]')).toHaveCount(0);

  release();
  await waitForEditor(page);
  expect(await getEditorText(page)).toBe(typed);
  // The focus and the cursor came along: typing goes on at the end.
  await page.keyboard.type('!');
  await expect.poll(() => getEditorText(page)).toBe(`${typed}!`);
  await expect
    .poll(async () => (await storedProgress(page))?.drafts)
    .toMatchObject({ [first.slug]: { dockerfile: `${typed}!` } });
  // What was typed before the scripts is one undo step back to the start.
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => getEditorText(page)).toBe(typed);
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => getEditorText(page)).toBe(start);
});

test("workbench: a saved draft keeps the first lesson's early editor read-only until the draft is on screen", async ({
  page,
}) => {
  await seedProgress(page, { drafts: { [first.slug]: { dockerfile: SAVED, dockerignore: '' } } });
  const release = await holdScripts(page);
  await page.goto(`/lessons/${first.slug}`, { waitUntil: 'commit' });
  const plain = plainEditor(page);
  await expect(plain).toBeVisible();
  await expect(plain).not.toBeEditable();
  await expect(page.getByText('Loading your saved work…')).toBeVisible();
  release();
  await waitForEditor(page);
  expect(await getEditorText(page)).toBe(SAVED);
});

test('workbench: typed before the page had read a different saved draft, both are kept until the learner chooses', async ({
  page,
}) => {
  const start = lessonDockerfile(first.slug, 'start');
  const { release } = await typeBeforeScripts(page);
  await page.keyboard.type('# mine');
  // Another tab saves a draft now, after the HTML (and its check for a draft) was read.
  const saved = { dockerfile: SAVED, dockerignore: '', savedAt: '2026-01-01T00:00:00.000Z' };
  await page.evaluate(({ key, value }) => window.localStorage.setItem(key, value), {
    key: PROGRESS_KEY,
    value: JSON.stringify({
      version: 1,
      completed: [],
      drafts: { [first.slug]: saved },
      unlockAll: false,
    }),
  });
  release();
  await expect(
    page.getByRole('heading', { name: 'You have a saved draft of this lesson' }),
  ).toBeVisible();
  await waitForEditor(page);
  expect(await getEditorText(page)).toBe(`${start}# mine`);
  // Until the learner chooses, storage keeps the saved draft, even as they type on.
  await page.keyboard.type('!');
  await expect.poll(() => getEditorText(page)).toBe(`${start}# mine!`);
  await page.waitForTimeout(1000);
  expect((await storedProgress(page))?.drafts).toMatchObject({
    [first.slug]: { dockerfile: SAVED },
  });
  await page.getByRole('button', { name: 'See both' }).click();
  await expect(page.getByRole('figure', { name: 'Your saved draft' })).toContainText(
    'FROM alpine:3.20',
  );
  await page.getByRole('button', { name: 'Open my saved draft' }).click();
  await waitForEditor(page);
  await expect.poll(() => getEditorText(page)).toBe(SAVED);
  await expect(
    page.getByRole('heading', { name: 'You have a saved draft of this lesson' }),
  ).toHaveCount(0);
});

test('workbench: after a 1 MB paste no marker of the text before it stays, and the page says the text is too big', async ({
  page,
}) => {
  const start = lessonDockerfile(first.slug, 'start');
  await page.goto(`/lessons/${first.slug}`);
  await waitForEditor(page);
  await waitForFreshEstimate(page);
  // The start has findings, shown as markers on its lines.
  await expect.poll(async () => (await getEditorMarkers(page)).length).toBeGreaterThan(0);

  // An edit whose analysis is still on its way when the paste lands.
  await focusEditor(page);
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('RUN apt-get install -y curl\n');
  const pasteMs = await pasteIntoEditor(page, oneMegabyteDockerfile());
  // The page stayed usable (see the playground's test of the same paste for the figure).
  expect(pasteMs, 'ms the paste kept the page busy').toBeLessThan(5_000);
  await expect(page.getByText(/too big to analyse live/).first()).toBeVisible({ timeout: 20_000 });
  // Any answer that was on its way has come back by now; none may bring back old markers.
  await page.waitForTimeout(2_000);
  expect(await getEditorMarkers(page)).toEqual([]);

  // Undone, the text before the paste is analysed again and gets its own markers back.
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => getEditorText(page)).toBe(`${start}RUN apt-get install -y curl\n`);
  await waitForFreshEstimate(page);
  await expect.poll(async () => (await getEditorMarkers(page)).length).toBeGreaterThan(0);
});

test('workbench: typing and then a 1 MB paste at once: keys are still answered, the page says what it does with the text, and a reload brings the typing back', async ({
  page,
}) => {
  const start = lessonDockerfile(first.slug, 'start');
  const typed = 'RUN echo typed-before-the-paste\n';
  await page.goto(`/lessons/${first.slug}`);
  await waitForEditor(page);
  await waitForFreshEstimate(page);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(page.url()).origin,
  });
  await page.evaluate((value) => navigator.clipboard.writeText(value), oneMegabyteDockerfile());
  await focusEditor(page);
  await page.keyboard.press('ControlOrMeta+End');
  // Pasted over within the autosave's pause after the typing: the typing has no save of its own.
  await page.keyboard.type(typed);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');

  // The page answers the keyboard: a key typed now lands in the editor, after the pasted text.
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('#');
  await expect.poll(async () => (await getEditorText(page)).endsWith('\n#')).toBe(true);
  expect((await getEditorText(page)).length).toBeGreaterThan(1_000_000);
  // What becomes of the text, said plainly: not analysed live, not autosaved.
  await expect(
    page.getByRole('alert').filter({ hasText: /too big to analyse live/ }),
  ).toBeVisible();
  await expect(page.getByText(/too large to autosave/).first()).toBeVisible();

  // The typing before the paste was autosaved all the same: the reload opens it.
  await page.reload();
  await waitForEditor(page);
  await expect.poll(() => getEditorText(page)).toBe(`${start}${typed}`);
});

test('workbench: the plain editor refuses a 1 MB paste with a message and keeps taking keys and smaller pastes until Monaco is here', async ({
  page,
}) => {
  const start = lessonDockerfile(first.slug, 'start');
  const releaseMonaco = await holdMonaco(page);
  await page.goto(`/lessons/${first.slug}`);
  // The workbench is here (its plain editor handles the paste), Monaco is not.
  await expect(page.locator('[data-editor-ready="false"]')).toHaveCount(1);
  const plain = page.locator('textarea[data-early-editor]');
  await expect(plain).toBeEditable();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(page.url()).origin,
  });
  await page.evaluate((value) => navigator.clipboard.writeText(value), oneMegabyteDockerfile());
  await plain.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect(page.getByRole('alert').filter({ hasText: /^Not pasted:/ })).toContainText(
    'Your text is unchanged',
  );
  await expect(plain).toHaveValue(start);

  // Keys still land in it, and a paste within the cap is taken, as one undo step.
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('# kept');
  await expect(plain).toHaveValue(`${start}# kept`);
  await expect(page.getByText(/^Not pasted:/)).toHaveCount(0);
  const small = 'FROM alpine:3.20\r\nRUN echo pasted\r\n';
  await page.evaluate((value) => navigator.clipboard.writeText(value), small);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect(plain).toHaveValue('FROM alpine:3.20\nRUN echo pasted\n');
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(plain).toHaveValue(`${start}# kept`);

  // Monaco takes the text over as it is.
  releaseMonaco();
  await waitForEditor(page);
  await expect.poll(() => getEditorText(page)).toBe(`${start}# kept`);
});

test('workbench: a quick fix pressed before Monaco has loaded is applied when it arrives, and Ctrl+Z undoes it', async ({
  page,
}) => {
  await seedProgress(page, {
    drafts: { playground: { dockerfile: NEEDS_CLEANUP, dockerignore: '' } },
  });
  // Hold back Monaco's script (over 1 MB; the analysis worker's size tables are too, and must
  // come: the findings are the worker's) until the fix has been pressed.
  const releaseMonaco = await holdMonaco(page);
  await page.goto('/playground');
  await waitForFreshEstimate(page);
  await expect(page.locator('[data-editor-ready="true"]')).toHaveCount(0);
  const finding = page.locator('[data-testid="finding"][data-rule="apt-lists-not-removed"]');
  const fixButton = finding.getByRole('button', { name: /^Fix:/ }).first();
  await fixButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/applied as soon as the full editor has loaded/)).toBeVisible();
  await expect(page.locator('textarea[data-early-editor]')).toHaveValue(NEEDS_CLEANUP);

  releaseMonaco();
  await waitForEditor(page);
  await expect(page.getByText(/^Applied: .*Ctrl\+Z undoes it\.$/)).toBeVisible();
  await expect.poll(() => getEditorText(page)).toContain('/var/lib/apt/lists');
  await expect(finding).toHaveCount(0);
  // The fix is one undo step in Monaco, and the editor has the focus for it.
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => getEditorText(page)).toBe(NEEDS_CLEANUP);
});
