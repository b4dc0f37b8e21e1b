import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createDatabase, startTestPostgres } from '../server/testing/postgres-server';
import {
  openEventStream,
  roomClient,
  startAppServer,
  type AppServer,
  type StreamEvent,
} from './helpers/server-process';

// These tests start production servers of their own (next start from the build the e2e run
// made), so they can kill them and run two side by side; they need no browser.
test.describe.configure({ mode: 'serial' });

const report = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  lesson: 'base-image',
  at: new Date().toISOString(),
  bytes: 150_000_000,
  goalsMet: 1,
  goalsTotal: 2,
  isCompleted: false,
  ...over,
});

async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

test('rooms server: a server killed mid-session comes back with the board and progress intact, nothing counted twice', async () => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'layerlab-crash-'));
  const env = { LAYERLAB_DATA_DIR: dataDir };
  const servers: AppServer[] = [];
  try {
    const first = await startAppServer({ env });
    servers.push(first);
    const api = roomClient(first.url);
    const created = await api('POST', '/api/rooms', {
      body: { name: 'Crash', open: ['base-image'] },
    });
    expect(created.status).toBe(201);
    const { code, trainerSecret } = created.body;

    const learners: { nickname: string; memberId: string; token: string }[] = [];
    for (const nickname of ['Ada', 'Grace', 'Linus']) {
      const joined = await api('POST', `/api/rooms/${code}/members`, { body: { nickname } });
      expect(joined.status).toBe(201);
      learners.push({ nickname, ...joined.body });
    }
    const batches = learners.map((learner, i) => ({
      reports: [
        report(`${learner.memberId}-r1`, { bytes: 200_000_000 + i }),
        report(`${learner.memberId}-r2`, {
          bytes: 7_000_000 + i,
          goalsMet: 2,
          isCompleted: i === 0,
          dockerfile: 'FROM alpine:3.20\n',
        }),
      ],
    }));
    for (const [i, learner] of learners.entries()) {
      const sent = await api('POST', `/api/rooms/${code}/progress`, {
        token: learner.token,
        body: batches[i],
      });
      expect(sent.body.acked).toEqual(batches[i].reports.map((r) => r.id));
    }
    await api('POST', `/api/rooms/${code}/hand`, {
      token: learners[1].token,
      body: { raised: true },
    });
    const before = await api('GET', `/api/rooms/${code}/board`, { token: trainerSecret });
    expect(before.status).toBe(200);
    expect(before.body.members).toHaveLength(3);

    // A crash: no signal handler runs, nothing is flushed, the folder lock stays behind.
    await first.stop('SIGKILL');
    const second = await startAppServer({ env, port: first.port });
    servers.push(second);
    const again = roomClient(second.url);

    const after = await again('GET', `/api/rooms/${code}/board`, { token: trainerSecret });
    expect(after.status).toBe(200);
    expect(after.body).toEqual(before.body);
    expect(after.body.progress[learners[0].memberId]['base-image']).toMatchObject({
      state: 'completed',
      bytes: 7_000_000,
      attempts: 2,
    });
    expect(after.body.members[1].handRaisedAt).toEqual(expect.any(String));

    // The outboxes did not hear the acknowledgements and send everything again.
    for (const [i, learner] of learners.entries()) {
      const resent = await again('POST', `/api/rooms/${code}/progress`, {
        token: learner.token,
        body: batches[i],
      });
      expect(resent.status).toBe(200);
      expect(resent.body.acked).toEqual(batches[i].reports.map((r) => r.id));
    }
    const resentBoard = await again('GET', `/api/rooms/${code}/board`, { token: trainerSecret });
    expect(resentBoard.body).toEqual(before.body);
    const mine = await again('GET', `/api/rooms/${code}/me`, { token: learners[2].token });
    expect(mine.body.progress).toEqual([
      expect.objectContaining({ lesson: 'base-image', bytes: 7_000_002, attempts: 2 }),
    ]);
    const csv = await again('GET', `/api/rooms/${code}/export?format=csv`, {
      token: trainerSecret,
    });
    expect(String(csv.body).trim().split('\r\n')).toEqual([
      'nickname,lesson,completedAt,finalBytes,score,attempts',
      expect.stringMatching(/^Ada,base-image,[^,]+,7000000,,2$/),
    ]);

    // A board that reconnects with Last-Event-ID gets what came after, and only that.
    const seen: StreamEvent[] = [];
    const stream = await openEventStream(
      second.url,
      code,
      trainerSecret,
      (e) => seen.push(e),
      before.body.seq,
    );
    expect(stream.status).toBe(200);
    await again('POST', `/api/rooms/${code}/progress`, {
      token: learners[1].token,
      body: { reports: [report('after-restart-1', { bytes: 9_000_000 })] },
    });
    await waitFor(() => seen.length > 0, 'the event after the restart');
    stream.close();
    expect(seen.map((e) => e.id)).toEqual([before.body.seq + 1]);
  } finally {
    for (const server of servers) await server.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('rooms server: two app instances on one PostgreSQL share a room live', async () => {
  test.setTimeout(240_000);
  const postgres = await startTestPostgres();
  const servers: AppServer[] = [];
  try {
    const url = await createDatabase(postgres.url, `e2e_${Date.now()}`);
    const env = { DATABASE_URL: url };
    // One after the other: both migrate at start-up under an advisory lock either way.
    servers.push(await startAppServer({ env }));
    servers.push(await startAppServer({ env }));
    const [a, b] = servers;
    const onA = roomClient(a.url);
    const onB = roomClient(b.url);

    const created = await onA('POST', '/api/rooms', { body: { name: 'Scale', open: [] } });
    const { code, trainerSecret } = created.body;
    const joined = await onB('POST', `/api/rooms/${code}/members`, { body: { nickname: 'Ada' } });
    expect(joined.status).toBe(201);

    const onBoard: StreamEvent[] = [];
    const board = await openEventStream(b.url, code, trainerSecret, (e) => onBoard.push(e), 1);
    const onLearner: StreamEvent[] = [];
    const learner = await openEventStream(
      a.url,
      code,
      joined.body.token,
      (e) => onLearner.push(e),
      1,
    );
    expect([board.status, learner.status]).toEqual([200, 200]);

    const sentAt = Date.now();
    await onA('POST', `/api/rooms/${code}/progress`, {
      token: joined.body.token,
      body: { reports: [report('scale-0001')] },
    });
    await waitFor(
      () => onBoard.some((e) => (e.data as { kind: string }).kind === 'progress'),
      'progress on B',
    );
    const fanOutMs = Date.now() - sentAt;
    // Well under the feed's 5 s safety poll: the event came by NOTIFY.
    expect(fanOutMs).toBeLessThan(3000);

    await onB('POST', `/api/rooms/${code}/broadcast`, {
      token: trainerSecret,
      body: { text: 'from B' },
    });
    await waitFor(
      () => onLearner.some((e) => JSON.stringify(e.data).includes('from B')),
      'message on A',
    );
    await onB('POST', `/api/rooms/${code}/pacing`, {
      token: trainerSecret,
      body: { action: 'open-next' },
    });
    await waitFor(
      () => onLearner.some((e) => (e.data as { kind: string }).kind === 'pacing'),
      'pacing on A',
    );
    board.close();
    learner.close();
    // Both saw the same numbered events in order, each once.
    const ids = onBoard.map((e) => e.id);
    expect(ids).toEqual([...new Set(ids)].sort((x, y) => x! - y!));
    const learnerIds = onLearner.map((e) => e.id);
    expect(learnerIds).toEqual([...new Set(learnerIds)].sort((x, y) => x! - y!));
    test.info().annotations.push({ type: 'fan-out', description: `${fanOutMs} ms A → B` });
  } finally {
    for (const server of servers) await server.stop('SIGKILL');
    await postgres.stop();
  }
});
