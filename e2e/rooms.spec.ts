import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { setEditorText, waitForDiff, waitForEditor } from './helpers/editor';
import { LESSONS, lessonDockerfile } from './helpers/site';
import { expect, seriousAxeViolations, test } from './helpers/test';

const FIRST = LESSONS[0].slug;
const SECOND = LESSONS[1].slug;

interface Room {
  code: string;
  trainerPath: string;
}

/** Creates a room on /rooms/new as a trainer would and returns its code and trainer link. */
async function createRoom(page: Page, name: string): Promise<Room> {
  await page.goto('/rooms/new');
  await page.getByLabel('Room name').fill(name);
  await page.getByRole('button', { name: 'Create room' }).click();
  const code = (await page.getByTestId('room-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  const href = await page.getByTestId('trainer-link').getAttribute('href');
  expect(href).toMatch(new RegExp(`^/rooms/${code}/board#key=.+`));
  await expect(page.getByRole('img', { name: /QR code for the join link/ })).toBeVisible();
  return { code, trainerPath: href ?? '' };
}

/** A learner in a fresh browser context who joined by code with `nickname`. */
async function joinAs(browser: Browser, code: string, nickname: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/join');
  await page.getByLabel('Room code').fill(code.toLowerCase());
  await page.getByLabel('Nickname').fill(nickname);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`as ${nickname}$`) })).toBeVisible();
  await expect(page.getByTestId('room-banner')).toHaveAttribute('data-state', 'connected');
  return page;
}

function row(board: Page, nickname: string): Locator {
  return board.locator(`[data-testid="board-row"][data-nickname="${nickname}"]`);
}

function cell(board: Page, nickname: string, lesson: string): Locator {
  return row(board, nickname).locator(`[data-testid="board-cell"][data-lesson="${lesson}"]`);
}

async function memberToken(page: Page): Promise<string> {
  const raw = await page.evaluate(() => window.localStorage.getItem('layerlab:room'));
  return (JSON.parse(raw ?? '{}') as { token: string }).token;
}

async function boardState(page: Page, room: Room, secret: string) {
  const answer = await page.request.get(`/api/rooms/${room.code}/board`, {
    headers: { authorization: `Bearer ${secret}` },
  });
  expect(answer.status()).toBe(200);
  return (await answer.json()) as { pacing: { open: string[] }; members: unknown[]; seq: number };
}

test.describe.configure({ timeout: 180_000 });

test('rooms: a trainer and three learners — progress, hand, pacing, broadcast, spotlight, export', async ({
  browser,
  page: trainer,
  baseURL,
}) => {
  const room = await createRoom(trainer, 'Platform team');
  const secret = decodeURIComponent(room.trainerPath.split('#key=')[1]);
  await trainer.goto(room.trainerPath);
  // The key moves to this tab's storage and leaves the address bar.
  await expect(trainer).toHaveURL(new RegExp(`/rooms/${room.code}/board$`));
  await expect(trainer.getByRole('heading', { name: 'Platform team' })).toBeVisible();
  await expect(trainer.getByTestId('board-connection')).toHaveAttribute('data-state', 'connected');

  const ada = await joinAs(browser, room.code, 'Ada');
  const bo = await joinAs(browser, room.code, 'Bo');
  const cy = await joinAs(browser, room.code, 'Cy');
  await expect(trainer.getByTestId('board-row')).toHaveCount(3);
  for (const name of ['Ada', 'Bo', 'Cy'])
    await expect(cell(trainer, name, FIRST)).toHaveAttribute('data-state', 'not-started');

  // Progress appears on the board: Ada solves lesson 1, Bo is working on it.
  await ada.goto(`/lessons/${FIRST}`);
  await waitForEditor(ada);
  await setEditorText(ada, lessonDockerfile(FIRST, 'solution'));
  await expect(cell(trainer, 'Ada', FIRST)).toHaveAttribute('data-state', 'completed');
  expect(Number(await cell(trainer, 'Ada', FIRST).getAttribute('data-bytes'))).toBeGreaterThan(0);

  await bo.goto(`/lessons/${FIRST}`);
  await waitForEditor(bo);
  await setEditorText(bo, `${lessonDockerfile(FIRST, 'start')}\n# trying things\n`);
  await expect(cell(trainer, 'Bo', FIRST)).toHaveAttribute('data-state', 'working');
  expect(Number(await cell(trainer, 'Bo', FIRST).getAttribute('data-bytes'))).toBeGreaterThan(0);

  // A raised hand shows at once, and sorting by "stuck" puts it first.
  await cy.getByRole('button', { name: 'Raise hand' }).click();
  await expect(row(trainer, 'Cy').getByTestId('raised-hand')).toBeVisible();
  await trainer.getByLabel('Sort by').selectOption('stuck');
  await expect(trainer.getByTestId('board-row').first()).toHaveAttribute('data-nickname', 'Cy');

  // Lesson 2 stays closed in the room although Ada's own progress would unlock it...
  await ada.goto(`/lessons/${SECOND}`);
  await expect(ada.getByRole('heading', { name: 'This lesson is not open yet' })).toBeVisible();
  // ...until the trainer opens it for the room: it unlocks on her screen without a reload.
  await trainer.getByRole('button', { name: 'Open next lesson' }).click();
  await expect(ada.getByRole('heading', { name: 'This lesson is not open yet' })).toHaveCount(0);
  await waitForEditor(ada);
  // Holding the room at lesson 1 closes lesson 2 again; opening it brings it back.
  await trainer.getByLabel('Hold the room at').selectOption(FIRST);
  await trainer.getByRole('button', { name: 'Hold', exact: true }).click();
  await expect(ada.getByRole('heading', { name: 'This lesson is not open yet' })).toBeVisible();
  await trainer.getByRole('button', { name: 'Open next lesson' }).click();
  await waitForEditor(ada);

  // A broadcast reaches every learner.
  await trainer.getByLabel('Message').fill('Try a slim base image <b>now</b>');
  await trainer.getByRole('button', { name: 'Broadcast' }).click();
  for (const learner of [ada, bo, cy])
    await expect(learner.getByTestId('room-message')).toHaveText(
      'Try a slim base image <b>now</b>',
    );

  // Spotlight Ada's solution, name hidden: every learner sees it read-only, then it goes.
  await trainer.getByRole('button', { name: /Open Ada’s solution of/ }).click();
  // Focus moves to the opened solution (below the table), and its diff is axe-clean.
  await expect(trainer.getByRole('heading', { name: /Ada’s solution of/ })).toBeFocused();
  await waitForDiff(trainer);
  expect(await seriousAxeViolations(trainer), 'the solution diff').toEqual([]);
  await trainer.getByRole('button', { name: 'Spotlight this solution' }).click();
  const firstLine = lessonDockerfile(FIRST, 'solution').split('\n')[0];
  for (const learner of [ada, bo, cy]) {
    const spotlight = learner.getByTestId('room-spotlight');
    await expect(spotlight).toContainText(firstLine);
    await expect(spotlight).toContainText('Estimated size');
    await expect(spotlight).not.toContainText('Ada');
  }
  // The spotlight's long lines scroll inside it: the page still fits a 375 px screen.
  await cy.setViewportSize({ width: 375, height: 800 });
  // Once laid out for the new width (the editors re-lay out a frame or more later).
  await expect
    .poll(
      () =>
        cy.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        ),
      { message: 'a spotlight at 375 px scrolls the page sideways', timeout: 5_000 },
    )
    .toBeLessThanOrEqual(0);
  await cy.setViewportSize({ width: 1280, height: 720 });
  await trainer.getByRole('button', { name: 'Take down spotlight' }).click();
  for (const learner of [ada, bo, cy])
    await expect(learner.getByTestId('room-spotlight')).toHaveCount(0);

  // The export has one row per completed lesson: only Ada's.
  const download = trainer.waitForEvent('download');
  await trainer.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await readFile((await (await download).path()) ?? '', 'utf8');
  const lines = csv.trim().split(/\r\n/);
  expect(lines[0]).toBe('nickname,lesson,completedAt,finalBytes,score,attempts');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(new RegExp(`^Ada,${FIRST},\\d{4}-\\d\\d-\\d\\dT[^,]+,\\d+,\\d+,1$`));

  // A learner cannot act as the trainer: her token opens no trainer route and changes nothing.
  const before = await boardState(trainer, room, secret);
  const token = await memberToken(ada);
  const origin = new URL(baseURL ?? '').origin;
  for (const [path, body] of [
    ['pacing', { action: 'open-all' }],
    ['broadcast', { text: 'I am the trainer now' }],
    ['close', {}],
  ] as const) {
    const answer = await ada.request.post(`/api/rooms/${room.code}/${path}`, {
      headers: { authorization: `Bearer ${token}`, origin },
      data: body,
    });
    expect([401, 403], `${path} with a learner token`).toContain(answer.status());
  }
  const board = await ada.request.get(`/api/rooms/${room.code}/board`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect([401, 403]).toContain(board.status());

  // A malformed request gets a 4xx with a sentence and changes nothing.
  const malformed = await ada.request.post(`/api/rooms/${room.code}/progress`, {
    headers: { authorization: `Bearer ${token}`, origin },
    data: { reports: [{ id: 'x', lesson: '../etc', goalsMet: -1 }] },
  });
  expect(malformed.status()).toBe(400);
  expect(((await malformed.json()) as { error: string }).error).toBeTruthy();
  const after = await boardState(trainer, room, secret);
  expect(after).toEqual(before);
  await expect(ada.getByTestId('room-message')).toHaveText('Try a slim base image <b>now</b>');

  for (const learner of [ada, bo, cy]) await learner.context().close();
});

test('rooms: reports lost on the way are resent until acknowledged, with nothing counted twice', async ({
  browser,
  page: trainer,
}) => {
  const room = await createRoom(trainer, 'Outbox check');
  await trainer.goto(room.trainerPath);
  const learner = await joinAs(browser, room.code, 'Dee');
  const context: BrowserContext = learner.context();

  // The first answers to progress reports never arrive (the server records them, the browser
  // does not hear back); then the network goes away altogether.
  let dropped = 0;
  await context.route('**/api/rooms/*/progress', async (route) => {
    if (dropped < 2) {
      try {
        await route.fetch();
        dropped++;
      } catch {
        // Offline: the request never left, which is the other way of losing it.
      }
      await route.abort('connectionreset');
      return;
    }
    await route.continue();
  });
  await learner.goto(`/lessons/${FIRST}`);
  await waitForEditor(learner);
  await context.setOffline(true);
  await expect(learner.getByTestId('room-banner')).not.toHaveAttribute('data-state', 'connected');
  await setEditorText(learner, lessonDockerfile(FIRST, 'solution'));
  await context.setOffline(false);

  await expect(learner.getByTestId('room-banner')).toHaveAttribute('data-state', 'connected', {
    timeout: 20_000,
  });
  await expect(cell(trainer, 'Dee', FIRST)).toHaveAttribute('data-state', 'completed', {
    timeout: 20_000,
  });
  await expect
    .poll(() =>
      learner.evaluate((code) => localStorage.getItem(`layerlab:room-outbox:${code}`), room.code),
    )
    .toContain('"pending":[]');

  const download = trainer.waitForEvent('download');
  await trainer.getByRole('button', { name: 'Export JSON' }).click();
  const exported = JSON.parse(await readFile((await (await download).path()) ?? '', 'utf8')) as {
    code: string;
    rows: { nickname: string; lesson: string; attempts: number }[];
  };
  expect(exported.code).toBe(room.code);
  expect(exported.rows).toEqual([
    expect.objectContaining({ nickname: 'Dee', lesson: FIRST, attempts: 1 }),
  ]);
  await context.close();
});

test('rooms: joining says clearly when the code is unknown, the nickname taken or the room closed', async ({
  browser,
  page: trainer,
}) => {
  const room = await createRoom(trainer, 'Messages');
  const first = await joinAs(browser, room.code, 'Eve');

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/join/${room.code}`);
  await expect(page.getByLabel('Room code')).toHaveValue(room.code);
  await page.getByLabel('Nickname').fill('eve');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toContainText('already called');

  const unknown = room.code === 'AAAAAA' ? 'CCCCCC' : 'AAAAAA';
  await page.getByLabel('Room code').fill(unknown);
  await page.getByLabel('Nickname').fill('Fay');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toContainText(
    `No room has the code ${unknown}`,
  );

  await trainer.goto(room.trainerPath);
  // A second trainer gets a key of their own, and it opens the board.
  await trainer.getByRole('button', { name: 'Invite another trainer' }).click();
  const invited = (await trainer.getByTestId('invited-trainer-link').textContent()) ?? '';
  expect(invited).toMatch(new RegExp(`/rooms/${room.code}/board#key=`));
  expect(invited).not.toContain(room.trainerPath.split('#key=')[1]);
  const second = await (await browser.newContext()).newPage();
  await second.goto(invited);
  await expect(second.getByRole('heading', { name: 'Messages' })).toBeVisible();
  await expect(second.getByTestId('board-row')).toHaveCount(1);
  await second.context().close();

  await trainer.getByRole('button', { name: 'Close room' }).click();
  await trainer.getByRole('dialog').getByRole('button', { name: 'Close room' }).click();
  await expect(trainer.getByText('closed (read-only)')).toBeVisible();
  await page.getByLabel('Room code').fill(room.code);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toContainText('is closed');

  // Leaving is one click, and the learner's own progress stays.
  await expect(first.getByTestId('room-banner')).toContainText('(closed)');
  await first.getByRole('button', { name: 'Leave room' }).first().click();
  await expect(first.getByTestId('room-banner')).toHaveCount(0);
  await expect(first.getByLabel('Room code')).toBeVisible();
  await context.close();
  await first.context().close();
});

test('rooms: the new pages are axe-clean in both themes, keyboard usable and fit 375 px', async ({
  browser,
  page,
}) => {
  // Create a room with the keyboard only.
  await page.goto('/rooms/new');
  await page.getByLabel('Room name').focus();
  await page.keyboard.type('Keyboard room');
  await page.keyboard.press('Enter');
  const code = (await page.getByTestId('room-code').textContent())?.trim() ?? '';
  const trainerPath = (await page.getByTestId('trainer-link').getAttribute('href')) ?? '';
  const learner = await joinAs(browser, code, 'Gus');
  await learner.getByRole('button', { name: 'Raise hand' }).focus();
  await learner.keyboard.press('Enter');
  await expect(learner.getByRole('button', { name: 'Lower hand' })).toBeVisible();

  const trainerContext = await browser.newContext();
  const board = await trainerContext.newPage();
  await board.goto(trainerPath);
  await expect(board.getByTestId('board-row')).toHaveCount(1);

  const pages: [string, Page, string | undefined][] = [
    ['the created room', page, undefined],
    ['the board', board, undefined],
    ['the join page', learner, undefined],
    ['a lesson with the room banner', learner, `/lessons/${FIRST}`],
  ];
  const blank = await (await browser.newContext()).newPage();
  await blank.goto('/rooms/new');
  pages.push(['the create form', blank, undefined]);

  for (const [name, target, path] of pages) {
    if (path) {
      await target.goto(path);
      await waitForEditor(target);
    }
    for (const theme of ['Dark', 'Light']) {
      await target
        .getByRole('group', { name: 'Theme' })
        .getByRole('button', { name: theme })
        .click();
      await expect(target.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
      expect(await seriousAxeViolations(target), `${name}, ${theme}`).toEqual([]);
    }
    await target.setViewportSize({ width: 375, height: 800 });
    // Measured once the page has laid itself out for the new width (Monaco re-lays out from a
    // ResizeObserver, a frame or more later on a busy machine); an overflow that stays fails.
    await expect
      .poll(
        () =>
          target.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          ),
        { message: `${name} scrolls sideways at 375 px`, timeout: 5_000 },
      )
      .toBeLessThanOrEqual(0);
    await target.setViewportSize({ width: 1280, height: 800 });
  }
  await trainerContext.close();
  await learner.context().close();
  await blank.context().close();
});
