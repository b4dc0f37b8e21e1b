import type { Browser, Page } from '@playwright/test';
import { ALTERNATIVES } from '../content/lessons/variants';
import { lessons } from '../content/lessons/generated';
import { lessonVersion } from '../lib/gallery/lesson-version';
import { ROOM_MEMBERSHIP_KEY } from '../lib/gallery/room-membership';
import { solutionId } from '../lib/gallery/short-id';
import { codeFromRandom } from '../lib/rooms/code';
import { setEditorText, waitForDiff, waitForEditor } from './helpers/editor';
import { LESSONS, lessonDockerfile, seedProgress, storedProgress } from './helpers/site';
import { expect, seriousAxeViolations, test } from './helpers/test';

const [first] = LESSONS;
const reference = lessonDockerfile(first.slug, 'solution');
const start = lessonDockerfile(first.slug, 'start');
// A second correct answer with a different size (another Python on another Debian release).
const other = ALTERNATIVES[first.slug].find((a) => a.name.startsWith('slim on trixie'));
if (!other) throw new Error('the lesson-1 alternative "slim on trixie…" is missing');

/** Solves lesson 1 in the editor with `dockerfile`, then Share → Publish to gallery. */
async function solveAndPublish(page: Page, dockerfile: string, nickname: string) {
  await page.goto(`/lessons/${first.slug}`);
  await waitForEditor(page);
  await setEditorText(page, dockerfile);
  await expect(page.getByRole('heading', { name: 'Lesson complete!' })).toBeVisible({
    timeout: 20_000,
  });
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const shortLink = page.getByTestId('short-link');
  await expect(shortLink).toHaveValue(/\/s\/[0-9a-z]{20}$/);
  await expect(page.getByTestId('fragment-link')).toHaveValue(
    /\/share#v2=[A-Za-z0-9_-]+&lv=[0-9a-z]{10}$/,
  );
  await expect(page.getByTestId('share-markdown')).toContainText(/ → .*\(−\d+%\), score \d+\]/);
  if (nickname) {
    await page.getByRole('textbox', { name: /nickname in the gallery/i }).fill(nickname);
  }
  expect(await seriousAxeViolations(page), 'the share panel').toEqual([]);
  await page.getByRole('button', { name: 'Publish to gallery' }).click();
  await expect(page.getByText('This solution is in the gallery.')).toBeVisible();
  return new URL(await shortLink.inputValue()).pathname;
}

async function newLearner(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL });
  return { context, page: await context.newPage() };
}

test('gallery: published solutions stay hidden until solved, then rank by size', async ({
  page,
  browser,
  baseURL,
}) => {
  // Two learners, each solving the lesson in an editor, then two gallery pages.
  test.setTimeout(180_000);
  const ada = await solveAndPublish(page, reference, 'Ada');

  const bea = await newLearner(browser, baseURL);
  await bea.page.goto(`/lessons/${first.slug}/solutions`);
  await expect(bea.page.getByTestId('gallery-locked')).toBeVisible();
  await expect(bea.page.getByRole('heading', { name: 'Solve it first' })).toBeVisible();
  await expect(bea.page.getByTestId('gallery-entry')).toHaveCount(0);
  expect(await seriousAxeViolations(bea.page), 'the locked gallery').toEqual([]);

  const beaLink = await solveAndPublish(bea.page, other.dockerfile, '');
  expect(beaLink).not.toBe(ada);
  await bea.page.goto(`/lessons/${first.slug}/solutions`);
  const entries = bea.page.getByTestId('gallery-entry');
  await expect(entries.first()).toBeVisible();
  expect(await seriousAxeViolations(bea.page), 'the open gallery').toEqual([]);

  // Every entry in rank order: sizes never go down (earlier runs may have left entries too).
  const rows = await entries.evaluateAll((items) =>
    items.map((item) => ({
      bytes: Number(item.getAttribute('data-bytes')),
      count: Number(item.getAttribute('data-count')),
      links: [...item.querySelectorAll('a')].map((a) => a.getAttribute('href')),
    })),
  );
  for (const row of rows) {
    expect(Number.isInteger(row.bytes) && row.bytes > 0).toBe(true);
    expect(row.count).toBeGreaterThanOrEqual(1);
  }
  for (let i = 1; i < rows.length; i++)
    expect(rows[i].bytes).toBeGreaterThanOrEqual(rows[i - 1].bytes);
  // The same text always gets the same link, so each solution's group carries our link.
  const indexOf = (path: string) => rows.findIndex((row) => row.links.includes(path));
  const [adaAt, beaAt] = [indexOf(ada), indexOf(beaLink)];
  expect(adaAt, 'Ada’s entry is listed').toBeGreaterThanOrEqual(0);
  expect(beaAt, 'Bea’s entry is listed').toBeGreaterThanOrEqual(0);
  expect(rows[adaAt].bytes, 'the two solutions differ in size').not.toBe(rows[beaAt].bytes);
  expect(adaAt < beaAt).toBe(rows[adaAt].bytes < rows[beaAt].bytes);

  // Bea withdraws hers: her browser holds the key.
  await bea.page.getByRole('button', { name: 'Withdraw my entry' }).first().click();
  await expect(bea.page.getByText('Your entry was withdrawn.')).toBeVisible();
  await expect(bea.page.getByRole('button', { name: 'Withdraw my entry' })).toHaveCount(0);
  await bea.context.close();
});

test('gallery: a short link opened in a fresh context compares with my draft and asks before taking a line', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const made = await request.post('/api/short-links', {
    headers: { origin: new URL(baseURL ?? '').origin },
    data: { lesson: first.slug, dockerfile: reference, dockerignore: '' },
  });
  expect(made.ok()).toBe(true);
  const { path } = (await made.json()) as { path: string };

  const myDraft = `${start}# my own attempt\n`;
  await seedProgress(page, { drafts: { [first.slug]: { dockerfile: myDraft, dockerignore: '' } } });
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: /base image/i })).toBeVisible();
  await page.getByRole('button', { name: 'Compare with mine' }).click();
  await waitForDiff(page);
  const reports = page.getByTestId('compare-report');
  await expect(reports).toHaveCount(2);
  const [sharedBytes, draftBytes] = await reports.evaluateAll((items) =>
    items.map((item) => Number(item.getAttribute('data-bytes'))),
  );
  expect(sharedBytes).toBeLessThan(draftBytes);
  await expect(reports.first()).toContainText(/shipped layers?/);

  // Line 1 differs (the FROM line): taking it asks first, and "Keep my draft" keeps it.
  const take = page.getByRole('button', { name: 'Take this line' });
  await expect(take).toBeEnabled();
  await take.click();
  const dialog = page.getByRole('dialog', { name: 'Change your draft?' });
  await dialog.getByRole('button', { name: 'Keep my draft' }).click();
  await expect(dialog).toBeHidden();
  const draftOf = async () =>
    ((await storedProgress(page))?.drafts as Record<string, { dockerfile: string }> | undefined)?.[
      first.slug
    ]?.dockerfile;
  expect(await draftOf()).toBe(myDraft);

  await take.click();
  await dialog.getByRole('button', { name: 'Replace the line' }).click();
  await expect.poll(draftOf).toBe(myDraft.replace(start.split('\n')[0], reference.split('\n')[0]));

  // The card: an SVG drawn on the server, with the lesson's title.
  const card = await request.get(`${path}/card`);
  expect(card.status()).toBe(200);
  expect(card.headers()['content-type']).toMatch(/^image\/svg\+xml/);
  expect(await card.text()).toContain('base image');
  const image = page.getByTestId('solution-card');
  await expect
    .poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth))
    .toBeGreaterThan(0);
});

test('gallery: a fragment link made before short links still opens, with Compare with mine', async ({
  page,
}) => {
  // A link from the first release (lib/share/share-link.test.ts keeps it as a fixture).
  await page.goto(
    '/share#v1=PY7BCsJADER_JeQotgWPgieLIFIrBRExIrWNZW03W3ZrL-K_m4J4GUgymXlv7DgEJ7jEexk4MrZsGOdYu6pl_zAd62VT5BmIq3m5WEShM5bklBe7dFtAUvY9yTo_nKEvq1afZ_FT8yBOSIrjHqS3UBmIImfNsKp5_LmDr9SjqnOWwoVwKiCcA6Fuk8B-ZK9ZhFeSP5FpxPmJaXLfrKtfyk8SN2ZQZdF4_HwB',
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose the right base image');
  await expect(page.getByTestId('version-notice')).toContainText(/does not say which version/);
  await expect(page.getByRole('button', { name: 'Compare with mine' })).toBeVisible();
  await waitForEditor(page);
});

test('gallery: a changed or unknown short link gets a clear page', async ({ page }) => {
  const id = solutionId({
    dockerfile: `FROM alpine:3.20\n# never stored ${Date.now()}\n`,
    dockerignore: '',
  });
  await page.goto(`/s/${id}`);
  await expect(page.getByRole('heading', { name: 'No solution under this link' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the course' })).toBeVisible();

  const changed = `${id.slice(0, 5)}${id[5] === 'a' ? 'b' : 'a'}${id.slice(6)}`;
  await page.goto(`/s/${changed}`);
  await expect(page.getByRole('heading', { name: 'This short link was changed' })).toBeVisible();
  await expect(page.getByTestId('link-problem').getByRole('alert')).toContainText(/check/i);

  await page.goto('/s/not-a-link');
  await expect(page.getByRole('heading', { name: 'This is not a short link' })).toBeVisible();
});

test('gallery: without the server, Share says so and the fragment link still works', async ({
  page,
}) => {
  await page.route('**/api/short-links', (route) => route.abort('connectionrefused'));
  await page.goto('/playground');
  await waitForEditor(page);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: /server is not available/i }),
  ).toBeVisible();
  await expect(page.getByTestId('short-link')).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Copy short link' })).toBeDisabled();
  const fragment = await page.getByTestId('fragment-link').inputValue();
  expect(fragment).toMatch(/\/share#v2=[A-Za-z0-9_-]+$/);
  await page.goto(fragment);
  await waitForEditor(page);
  await expect(page.getByRole('button', { name: 'Compare with mine' })).toBeVisible();
});

test('gallery: "Look anyway" asks first and records the look on progress', async ({ page }) => {
  await page.goto(`/lessons/${first.slug}/solutions`);
  await expect(page.getByTestId('gallery-locked')).toBeVisible();
  await page.getByRole('button', { name: 'Look anyway' }).click();
  const dialog = page.getByRole('dialog', { name: /before solving/i });
  await dialog.getByRole('button', { name: 'Keep them hidden' }).click();
  await expect(page.getByTestId('gallery-locked')).toBeVisible();
  expect((await storedProgress(page))?.looked).toBeUndefined();

  await page.getByRole('button', { name: 'Look anyway' }).click();
  await dialog.getByRole('button', { name: 'Show the solutions' }).click();
  await expect(page.getByTestId('gallery-locked')).toHaveCount(0);
  await expect(page.getByText(/You looked at these before solving/)).toBeVisible();
  await expect.poll(async () => (await storedProgress(page))?.looked).toEqual([first.slug]);
});

test('gallery: a learner in a room can show only their room’s solutions', async ({
  page,
  request,
  baseURL,
}) => {
  // A fresh room code per run, so entries from earlier runs never show up in it.
  const lesson = lessons.find((item) => item.slug === first.slug);
  if (!lesson) throw new Error(`no lesson ${first.slug}`);
  const room = codeFromRandom(crypto.getRandomValues(new Uint8Array(32)));
  const published = await request.post(`/api/gallery/${first.slug}`, {
    headers: { origin: new URL(baseURL ?? '').origin },
    data: {
      lessonVersion: lessonVersion(lesson),
      dockerfile: reference,
      dockerignore: lesson.solutionDockerignore ?? '',
      nickname: 'Room mate',
      withdrawKey: 'R'.repeat(43),
      room,
    },
  });
  expect(published.status()).toBe(201);
  const { solutionId: id } = (await published.json()) as { solutionId: string };

  await seedProgress(page, { completed: [first.slug], theme: 'dark' });
  await page.addInitScript(
    ([key, code]) => window.localStorage.setItem(key, JSON.stringify({ code })),
    [ROOM_MEMBERSHIP_KEY, room] as const,
  );
  await page.goto(`/lessons/${first.slug}/solutions?room=${room}`);
  const mine = page.getByRole('button', { name: `My room (${room})` });
  await expect(mine).toHaveAttribute('aria-pressed', 'true');
  const entries = page.getByTestId('gallery-entry');
  await expect(entries).toHaveCount(1);
  await expect(entries).toHaveAttribute('data-count', '1');
  await expect(entries.getByRole('link', { name: `/s/${id}` })).toBeVisible();
  await expect(entries).toContainText('Room mate');
  expect(await seriousAxeViolations(page), 'the room’s gallery in the dark theme').toEqual([]);

  await page.getByRole('button', { name: 'Everyone' }).click();
  await expect(page.getByRole('button', { name: 'Everyone' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  expect(new URL(page.url()).searchParams.get('room')).toBeNull();
});

test.describe('at 375 px', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true });

  test('gallery: the gallery, the share panel and the comparison fit a phone screen', async ({
    page,
    request,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    const scrollWidth = () => page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
    const made = await request.post('/api/short-links', {
      headers: { origin: new URL(baseURL ?? '').origin },
      data: { lesson: first.slug, dockerfile: reference, dockerignore: '' },
    });
    const { path } = (await made.json()) as { path: string };
    await seedProgress(page, { completed: [first.slug] });

    await page.goto(`/lessons/${first.slug}/solutions`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText(/Loading the solutions/)).toHaveCount(0);
    expect(await scrollWidth(), 'the gallery').toBeLessThanOrEqual(375);

    await page.goto(`/lessons/${first.slug}`);
    await waitForEditor(page);
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await expect(page.getByTestId('short-link')).toHaveValue(/\/s\//);
    await expect(page.getByRole('button', { name: 'Publish to gallery' })).toBeVisible();
    expect(await scrollWidth(), 'the share panel').toBeLessThanOrEqual(375);

    await page.goto(path);
    await page.getByRole('button', { name: 'Compare with mine' }).click();
    await waitForDiff(page);
    expect(await scrollWidth(), 'the comparison').toBeLessThanOrEqual(375);
  });
});
