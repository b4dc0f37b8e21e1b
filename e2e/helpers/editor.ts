import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Every Monaco-specific selector of the end-to-end suite lives here (STYLE.md §3), so a Monaco
 * upgrade or a workbench refactor breaks one file, not every spec.
 */

/** The editor frame the workbench marks `data-editor-ready="true"` once Monaco is mounted. */
const READY_FRAME = '[data-editor-ready="true"]';
/** Monaco's text surface: clicking it puts the caret in the editor. */
const VIEW_LINES = '.view-lines';
/** Monaco's hidden textarea, which holds keyboard focus while the editor is focused. */
const INPUT_AREA = 'textarea.inputarea, .native-edit-context';

export type EditorTab = 'Dockerfile' | '.dockerignore';

/** The workbench's editor (a page shows one; the solution diff view is not it). */
function editor(page: Page): Locator {
  return page.locator(READY_FRAME).first().locator('.monaco-editor').first();
}

/** The editor's frame, whether Monaco is there yet or the plain editor stands in. */
const ANY_FRAME = '[data-editor-ready]';

/**
 * Waits until Monaco has mounted and its text is on screen (workers included). Monaco comes
 * when the learner moves towards the editor: the pointer goes over it first, as theirs would
 * (no click, so focus stays where it is).
 */
export async function waitForEditor(page: Page, timeout = 30_000): Promise<void> {
  const frame = page.locator(ANY_FRAME).first();
  if ((await frame.getAttribute('data-editor-ready', { timeout })) !== 'true')
    await frame.hover({ timeout });
  await expect(page.locator(READY_FRAME).first()).toBeVisible({ timeout });
  await expect(editor(page).locator(VIEW_LINES)).toBeVisible({ timeout });
}

/** The editor's frame on the page (for layout checks: where the editor is, how big). */
export function editorFrame(page: Page): Locator {
  return page.locator(READY_FRAME).first();
}

/**
 * Empties the current tab, then types `text` with real key presses, `delayMs` between keys
 * (`\n` is a press of Enter), as a person types: suggestions pop up, brackets auto-close.
 */
export async function typeKeyByKey(page: Page, text: string, delayMs: number): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text, { delay: delayMs });
}

/** True when keyboard focus is inside the Monaco editor. */
export async function isEditorFocused(page: Page): Promise<boolean> {
  return page.evaluate(() => Boolean(document.activeElement?.closest('.monaco-editor')));
}

/** Puts the caret in the editor by clicking its text (for mouse-driven tests). */
export async function focusEditor(page: Page): Promise<void> {
  await editor(page).locator(VIEW_LINES).click();
  await expect(editor(page).locator(INPUT_AREA).first()).toBeFocused();
}

/**
 * Replaces the whole text of the current tab as the learner would: select all, then insert the
 * text in one input event. `insertText` is exact: unlike `type()`, Enter can't accept a
 * completion and nothing is auto-indented or auto-closed.
 */
export async function setEditorText(page: Page, text: string): Promise<void> {
  await focusEditor(page);
  await selectAllAndInsert(page, text);
}

/** Like `setEditorText` for an editor that already has keyboard focus (keyboard-only tests). */
export async function selectAllAndInsert(page: Page, text: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+A');
  // Inserting nothing is no edit at all: delete the selection instead.
  if (text === '') await page.keyboard.press('Backspace');
  else await page.keyboard.insertText(text);
}

/**
 * Pastes `text` over the whole text of the current tab through the real clipboard (select all,
 * then Ctrl+V), as a learner pasting a file would. Use it for big texts: one `insertText` of a
 * megabyte stalls in Chromium's input pipeline, while a paste goes through Monaco's paste path.
 * Returns how long the paste kept the page busy, in milliseconds.
 */
export async function pasteIntoEditor(page: Page, text: string): Promise<number> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(page.url()).origin,
  });
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await focusEditor(page);
  await page.keyboard.press('ControlOrMeta+A');
  const startedAt = Date.now();
  await page.keyboard.press('ControlOrMeta+V');
  return Date.now() - startedAt;
}

/**
 * The whole text of the current tab, read from Monaco's model through the workbench's test hook
 * `window.__layerlab.editorText()` (Monaco renders only the lines on screen, so the DOM can't be
 * trusted for it). Fails with a clear message when the hook is missing.
 */
export async function getEditorText(page: Page): Promise<string> {
  const text = await page.evaluate(() => {
    const hook = (window as unknown as { __layerlab?: { editorText?: () => string } }).__layerlab;
    return typeof hook?.editorText === 'function' ? hook.editorText() : null;
  });
  if (text === null) {
    throw new Error('window.__layerlab.editorText() is missing: the workbench must expose it.');
  }
  return text;
}

/**
 * The markers (squiggles) on the Dockerfile, read from Monaco through the workbench's test hook
 * `window.__layerlab.editorMarkers()` (Monaco draws only the lines on screen).
 */
export async function getEditorMarkers(page: Page): Promise<{ line: number; message: string }[]> {
  const markers = await page.evaluate(() => {
    const hook = (
      window as unknown as {
        __layerlab?: { editorMarkers?: () => { line: number; message: string }[] };
      }
    ).__layerlab;
    return typeof hook?.editorMarkers === 'function' ? hook.editorMarkers() : null;
  });
  if (markers === null) {
    throw new Error('window.__layerlab.editorMarkers() is missing: the workbench must expose it.');
  }
  return markers;
}

/** Switches the workbench to a file tab (the tabs are named "Dockerfile" and ".dockerignore"). */
export async function switchTab(page: Page, tab: EditorTab): Promise<void> {
  const button = page.getByRole('tab', { name: tab, exact: true }).first();
  await button.click();
  await expect(button).toHaveAttribute('aria-selected', 'true');
}

/** Waits until the estimate on screen answers the latest edit (the panel is not stale). */
export async function waitForFreshEstimate(page: Page): Promise<number> {
  const size = page.getByTestId('estimated-size').first();
  // The first answer waits for the analysis worker to start and load its size tables.
  await expect(size).toHaveAttribute('data-stale', 'false', { timeout: 20_000 });
  const bytes = Number(await size.getAttribute('data-bytes'));
  expect(bytes, 'data-bytes is an integer number of bytes').toBeGreaterThan(0);
  return bytes;
}

/** Hovers the first rendered occurrence of `word` in the editor (to open Monaco's hover). */
export async function hoverWord(page: Page, word: string): Promise<void> {
  await editor(page).locator('.view-line span span', { hasText: word }).first().hover();
}

/** Waits until Monaco paints with the light or dark theme (its root carries the base theme class). */
export async function waitForEditorTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  const root = editor(page);
  if (theme === 'dark') await expect(root).toHaveClass(/\bvs-dark\b/);
  else await expect(root).not.toHaveClass(/\bvs-dark\b|\bhc-black\b/);
}

/** Waits until a diff view (reference solution, "Compare with mine") has Monaco's diff editor up. */
export async function waitForDiff(page: Page, timeout = 30_000): Promise<void> {
  await expect(page.getByTestId('diff-view').locator('.monaco-diff-editor').first()).toBeVisible({
    timeout,
  });
}

/** Monaco's hover widget while it is shown (for reading what a hover says). */
export function visibleHover(page: Page): Locator {
  return page.locator('.monaco-hover:not(.hidden)').first();
}
