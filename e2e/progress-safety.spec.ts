import { PROGRESS_KEY } from '../lib/progress';
import { focusEditor, getEditorText, setEditorText, waitForEditor } from './helpers/editor';
import { LESSONS, lessonDockerfile, seedRawProgress, storedProgress } from './helpers/site';
import { expect, seriousAxeViolations, test } from './helpers/test';

const [first] = LESSONS;

async function storedDraft(page: import('@playwright/test').Page, slug: string) {
  const stored = await storedProgress(page);
  return (stored?.drafts as Record<string, { dockerfile: string }> | undefined)?.[slug]?.dockerfile;
}

test('progress-safety: two tabs on one lesson offer keep mine, take theirs or see both', async ({
  context,
}) => {
  // Two pages with an editor each.
  test.setTimeout(120_000);
  const mine = `# typed in tab A\n${lessonDockerfile(first.slug, 'start')}`;
  const theirs = `# typed in tab B\n${lessonDockerfile(first.slug, 'solution')}`;

  const tabA = await context.newPage();
  await tabA.goto(`/lessons/${first.slug}`);
  await waitForEditor(tabA);
  const tabB = await context.newPage();
  await tabB.goto(`/lessons/${first.slug}`);
  await waitForEditor(tabB);

  await setEditorText(tabA, mine);
  await expect.poll(() => storedDraft(tabA, first.slug)).toBe(mine);
  // Tab B had the lesson open too: it is told, and its editor is not overwritten behind its back.
  const inB = tabB.getByRole('region', { name: 'This draft was changed in another tab' });
  await expect(inB).toBeVisible();

  await setEditorText(tabB, theirs);
  // While B's conflict is open, storage keeps A's text: nothing is lost from either tab.
  await tabB.waitForTimeout(1500);
  expect(await storedDraft(tabB, first.slug)).toBe(mine);

  await inB.getByRole('button', { name: 'See both' }).click();
  await expect(inB.getByRole('figure', { name: 'Mine (this tab)' })).toContainText(
    '# typed in tab B',
  );
  await expect(inB.getByRole('figure', { name: 'Theirs (other tab)' })).toContainText(
    '# typed in tab A',
  );
  expect(await seriousAxeViolations(tabB)).toEqual([]);
  await inB.getByRole('button', { name: 'Take theirs' }).click();
  await expect(inB).toBeHidden();
  await waitForEditor(tabB);
  await expect.poll(() => getEditorText(tabB)).toBe(mine);

  // Now A keeps typing; B settles the next conflict the other way.
  const later = `${mine}# and more from A\n`;
  await setEditorText(tabA, later);
  await expect(inB).toBeVisible();
  await inB.getByRole('button', { name: 'Keep mine' }).click();
  await expect(inB).toBeHidden();
  await expect.poll(() => storedDraft(tabB, first.slug)).toBe(mine);
  // A in turn is told that B kept its own text.
  await expect(
    tabA.getByRole('region', { name: 'This draft was changed in another tab' }),
  ).toBeVisible();
});

test('progress-safety: data from a newer version is backed up and restored from Settings', async ({
  page,
}) => {
  const raw = JSON.stringify({
    version: 7,
    completed: [first.slug],
    drafts: {},
    unlockAll: false,
    streaks: { days: 12 },
  });
  await seedRawProgress(page, raw);
  await page.goto('/settings');
  await expect(page.getByRole('status').filter({ hasText: 'newer version' })).toContainText(
    'A dated copy of the stored data was kept',
  );
  const backups = page.getByRole('list', { name: 'Backups' });
  await expect(backups.getByRole('listitem')).toHaveCount(1);
  await expect(backups).toContainText('Saved by a newer version (schema 7)');
  expect(await seriousAxeViolations(page)).toEqual([]);

  // A change here writes what this version understands, dropping the newer fields…
  await page.getByRole('checkbox', { name: 'Unlock all lessons' }).check();
  await expect.poll(() => storedProgress(page).then((p) => p?.streaks)).toBeUndefined();

  // …and restoring puts the stored text back byte for byte.
  await backups.getByRole('button', { name: /^Restore the backup of / }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restore backup' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Backup restored' })).toBeVisible();
  expect(await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY)).toBe(raw);
  // What was stored before the restore is a backup too.
  await expect(backups.getByRole('listitem')).toHaveCount(2);
});

test('progress-safety: an edit made just before the page is reloaded is kept', async ({ page }) => {
  await page.goto(`/lessons/${first.slug}`);
  await waitForEditor(page);
  await focusEditor(page);
  await page.keyboard.press('ControlOrMeta+End');
  // Typed and reloaded at once: well inside the autosave delay, so only the save made when the
  // page is hidden can keep it.
  await page.keyboard.type('# last words', { delay: 0 });
  await page.reload();
  await waitForEditor(page);
  await expect.poll(() => getEditorText(page)).toContain('# last words');
  expect(await storedDraft(page, first.slug)).toContain('# last words');
});
