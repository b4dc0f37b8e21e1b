import { MAX_FRAGMENT_CHARS, MAX_JSON_BYTES, SHARE_REASONS } from '../lib/share';
import {
  getEditorText,
  setEditorText,
  waitForEditor,
  waitForFreshEstimate,
} from './helpers/editor';
import {
  LESSONS,
  handMadeSharePath,
  lessonDockerfile,
  seedProgress,
  sharePath,
  storedProgress,
} from './helpers/site';
import { expect, test } from './helpers/test';

const [first] = LESSONS;

async function draftOf(page: import('@playwright/test').Page, slug: string) {
  const stored = await storedProgress(page);
  return (stored?.drafts as Record<string, { dockerfile: string }> | undefined)?.[slug]?.dockerfile;
}

test('share-link: Share makes a link that opens read-only with its size and score', async ({
  page,
  context,
}) => {
  // Three pages with an editor each (about 35 s measured at load average 15).
  test.setTimeout(120_000);
  const shared = `# the shared version\n${lessonDockerfile(first.slug, 'solution')}`;
  const laterDraft = `# my later draft\n${lessonDockerfile(first.slug, 'start')}`;

  await page.goto(`/lessons/${first.slug}`);
  await waitForEditor(page);
  await setEditorText(page, shared);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  // A lesson's link carries the lesson's content version after the data (`&lv=`).
  expect(link).toMatch(/\/share#v2=[A-Za-z0-9_-]+(&lv=[0-9a-z]{10})?$/);

  // Keep editing after sharing: this draft must survive opening the link.
  await setEditorText(page, laterDraft);
  await expect.poll(() => draftOf(page, first.slug)).toBe(laterDraft);

  const viewer = await context.newPage();
  await viewer.goto(link);
  await expect(viewer.getByRole('heading', { level: 1 })).toBeVisible();
  await waitForEditor(viewer);
  expect(await getEditorText(viewer)).toBe(shared);
  expect(await waitForFreshEstimate(viewer)).toBeGreaterThan(0);
  // The solution is smaller than the lesson's start, and the view says so.
  await expect(viewer.getByText(/vs\. the start/).first()).toBeVisible();
  await expect(viewer.getByText(/smaller than the start/).first()).toBeAttached();
  await expect(viewer.getByRole('heading', { name: /^Score\b/ })).toContainText(/\d+/);

  // Read-only: typing into the editor changes nothing.
  await setEditorText(viewer, 'FROM scratch\n');
  expect(await getEditorText(viewer)).toBe(shared);

  // "Try it in my editor" asks before replacing a different draft, and keeping it keeps it.
  await viewer.getByRole('button', { name: 'Try it in my editor' }).click();
  const dialog = viewer.getByRole('dialog', { name: /replace your draft/i });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep my draft' }).click();
  await expect(dialog).toBeHidden();
  expect(viewer.url()).toContain('/share#v2=');
  expect(await draftOf(viewer, first.slug)).toBe(laterDraft);

  await viewer.getByRole('button', { name: 'Try it in my editor' }).click();
  await viewer.getByRole('dialog').getByRole('button', { name: 'Replace my draft' }).click();
  await viewer.waitForURL(`**/lessons/${first.slug}`);
  await waitForEditor(viewer);
  expect(await getEditorText(viewer)).toBe(shared);
});

test('share-link: the share links close with a button that hands focus back to Share', async ({
  page,
}) => {
  await page.goto(`/lessons/${first.slug}`);
  await waitForEditor(page);
  const share = page.getByRole('button', { name: 'Share', exact: true });
  await share.focus();
  await page.keyboard.press('Enter');
  const link = page.getByRole('textbox', { name: 'Share link' });
  await expect(link).toBeVisible();
  await page.getByRole('button', { name: 'Close share links' }).focus();
  await page.keyboard.press('Enter');
  await expect(link).toHaveCount(0);
  await expect(share).toBeFocused();
});

test('share-link: with no draft, "Try it in my editor" opens the lesson without asking', async ({
  page,
}) => {
  const shared = lessonDockerfile(first.slug, 'solution');
  await page.goto(sharePath({ lesson: first.slug, dockerfile: shared, dockerignore: '' }));
  await page.getByRole('button', { name: 'Try it in my editor' }).click();
  await page.waitForURL(`**/lessons/${first.slug}`);
  await waitForEditor(page);
  expect(await getEditorText(page)).toBe(shared);
});

const valid = sharePath({ lesson: first.slug, dockerfile: 'FROM alpine:3.20\n', dockerignore: '' });
const data = valid.slice(valid.indexOf('=') + 1);
// One character changed inside the check code: the payload no longer matches it.
const tampered = `${data.slice(0, 5)}${data[5] === 'A' ? 'B' : 'A'}${data.slice(6)}`;

/** The largest length <= `near` that leaves `remainder` characters after the last full group. */
function cutWithRemainder(near: number, remainder: number): number {
  return near - ((((near - remainder) % 4) + 4) % 4);
}

const BROKEN: { name: string; path: string; reason: string }[] = [
  { name: 'a link without "#v2="', path: '/share#hello', reason: SHARE_REASONS.notShare },
  { name: 'a link with nothing after "#"', path: '/share', reason: SHARE_REASONS.empty },
  // Cut at every remainder mod 4 a real truncation can leave (base64url groups are 4 characters).
  ...[0, 1, 2, 3].map((remainder) => ({
    name: `a link cut short (length ${remainder} mod 4)`,
    path: `/share#v2=${data.slice(0, cutWithRemainder(Math.floor(data.length / 2), remainder))}`,
    reason: SHARE_REASONS.truncated,
  })),
  { name: 'a tampered link', path: `/share#v2=${tampered}`, reason: SHARE_REASONS.checkFailed },
  {
    name: 'a link with a zero-padded version',
    path: `/share#v02=${data}`,
    reason: SHARE_REASONS.nonCanonical,
  },
  {
    name: 'a link with characters a link never has',
    path: `/share#v2=${data.slice(0, 8)}%%!!${data.slice(8)}`,
    reason: SHARE_REASONS.damaged,
  },
  { name: 'a link from a newer version', path: `/share#v99=${data}`, reason: SHARE_REASONS.newer },
  {
    name: 'a link whose field name was changed by hand',
    path: handMadeSharePath(
      '{"lessen":"base-image","dockerfile":"FROM alpine:3.20\\n","dockerignore":""}',
    ),
    reason: SHARE_REASONS.invalid,
  },
  {
    name: 'a link with a hand-edited payload',
    path: handMadeSharePath('{"dockerfile": 42, "dockerignore": ["x"]}'),
    reason: SHARE_REASONS.invalid,
  },
  {
    name: 'a link longer than any share link',
    path: `/share#v2=${'A'.repeat(MAX_FRAGMENT_CHARS + 1)}`,
    reason: SHARE_REASONS.tooLong,
  },
  {
    // A few hundred bytes that inflate past the cap: a zip bomb must not be expanded.
    name: 'a link that expands to more than a share link may hold',
    path: handMadeSharePath(
      JSON.stringify({ dockerfile: 'x'.repeat(MAX_JSON_BYTES * 2), dockerignore: '' }),
    ),
    reason: SHARE_REASONS.tooLarge,
  },
];

for (const { name, path, reason } of BROKEN) {
  test(`share-link: ${name} shows a clear message`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: /cannot be opened/i })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: /link/i })).toHaveText(reason);
    await expect(page.getByRole('link', { name: 'Go to the course' })).toBeVisible();
  });
}

test('share-link: markup in a shared Dockerfile is shown as text, never run', async ({ page }) => {
  const payload = '<img src=x onerror="window.__pwned = 1"><script>window.__pwned = 2</script>';
  const dockerfile = `# ${payload}\nFROM alpine:3.20\nLABEL note="${payload.replace(/"/g, "'")}"\n`;
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await page.goto(sharePath({ dockerfile, dockerignore: `# ${payload}\n` }));
  await waitForEditor(page);
  await waitForFreshEstimate(page);
  expect(await getEditorText(page)).toContain('<img src=x onerror=');
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(requested.filter((path) => path.endsWith('/x'))).toEqual([]);
  expect(dialogs).toEqual([]);
});

test('share-link: pressing Share again on the same text reuses the short link; an edit makes a new one', async ({
  page,
}) => {
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/short-links')
      posts.push(request.url());
  });
  await page.goto('/playground');
  await waitForEditor(page);
  const share = page.getByRole('button', { name: 'Share', exact: true });
  const short = page.getByTestId('short-link');
  const links: string[] = [];
  for (let press = 0; press < 3; press++) {
    await share.click();
    await expect(short).toHaveAttribute('data-state', 'ok');
    links.push(await short.inputValue());
  }
  expect(new Set(links).size, `links: ${links.join(', ')}`).toBe(1);
  expect(links[0]).toMatch(/\/s\/[0-9a-z]{20}$/);
  expect(posts, 'requests to make a short link').toHaveLength(1);

  await setEditorText(page, 'FROM alpine:3.20\nCMD ["sh"]\n');
  await share.click();
  await expect(short).toHaveAttribute('data-state', 'ok');
  await expect(short).not.toHaveValue(links[0]);
  expect(posts).toHaveLength(2);
});

const MY_DRAFT = 'FROM python:3.11-slim\n# my own work\n';

for (const { name, suffix, says } of [
  { name: 'empty', suffix: '&lv=', says: /lesson-version part \(lv=\) is empty/ },
  {
    name: 'garbage',
    suffix: '&lv=%3Cb%3Ehi%3C%2Fb%3E!!',
    says: /characters a Layerlab link never has there/,
  },
  { name: 'huge', suffix: `&lv=${'a'.repeat(50_000)}`, says: /is 50,000 characters long/ },
]) {
  test(`share-link: a link whose lv= part is ${name} says so, shows the solution and leaves my draft alone`, async ({
    page,
  }) => {
    await seedProgress(page, {
      drafts: { [first.slug]: { dockerfile: MY_DRAFT, dockerignore: '' } },
    });
    const shared = lessonDockerfile(first.slug, 'solution');
    const path = sharePath({ lesson: first.slug, dockerfile: shared, dockerignore: '' });
    await page.goto(`${path}${suffix}`);
    const problem = page.getByTestId('link-part-problem');
    await expect(problem).toBeVisible();
    await expect(problem).toContainText(says);
    await expect(problem).toContainText('which version of the lesson it was made for is unknown');
    // Said once, not guessed at again by the version notice.
    await expect(page.getByTestId('version-notice')).toHaveCount(0);
    // The solution itself is shown as the link holds it (read-only).
    await waitForEditor(page);
    expect(await getEditorText(page)).toBe(shared);
    // Nothing the link says is markup, and the learner's own draft is untouched.
    await expect(page.locator('main b')).toHaveCount(0);
    expect(await draftOf(page, first.slug)).toBe(MY_DRAFT);
  });
}

test('share-link: a link damaged both in its data and after it says both', async ({ page }) => {
  const path = sharePath({
    lesson: first.slug,
    dockerfile: 'FROM alpine:3.20\n',
    dockerignore: '',
  });
  await page.goto(`${path.slice(0, -3)}&lv=`);
  const problem = page.getByTestId('link-problem');
  await expect(problem).toContainText('This share link cannot be opened');
  await expect(problem).toContainText('lesson-version part (lv=) is empty');
});
