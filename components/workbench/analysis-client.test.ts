import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnalysisClient } from './analysis-client';
import type { LiveAnalysis } from './analysis-client';
import type { WorkerRequest, WorkerResponse } from './analysis-protocol';

/** A stand-in for the analysis worker: records requests, answers when the test says so. */
class FakeWorker {
  static all: FakeWorker[] = [];
  requests: WorkerRequest[] = [];
  isTerminated = false;
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(request: WorkerRequest) {
    this.requests.push(request);
  }
  terminate() {
    this.isTerminated = true;
  }
  answer(index: number, result: unknown) {
    const id = this.requests[index].id;
    this.onmessage?.({ data: { id, ok: true, result } } as MessageEvent<WorkerResponse>);
  }
  fail(index: number, error: string) {
    const id = this.requests[index].id;
    this.onmessage?.({ data: { id, ok: false, error } } as MessageEvent<WorkerResponse>);
  }
  crash(message: string) {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
}

const input = (dockerfile: string) => ({ dockerfile });
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup() {
  const live: LiveAnalysis[] = [];
  const statuses: (string | undefined)[] = [];
  const client = new AnalysisClient(
    () => new FakeWorker() as unknown as Worker,
    (answer) => live.push(answer),
    (status) => statuses.push(status),
  );
  return { client, live, statuses };
}

beforeEach(() => {
  FakeWorker.all = [];
});

afterEach(() => {
  vi.useRealTimers();
});

describe('AnalysisClient', () => {
  it('keeps one analysis in flight and sends only the newest text after it (latest wins)', async () => {
    const { client, live } = setup();
    const worker = FakeWorker.all[0];
    client.analyzeLatest(input('FROM a'), []);
    client.analyzeLatest(input('FROM ab'), []);
    client.analyzeLatest(input('FROM abc'), []);
    expect(worker.requests).toHaveLength(1);

    worker.answer(0, { tag: 'first' });
    await flush();
    expect(worker.requests).toHaveLength(2);
    const second = worker.requests[1];
    expect(second.method === 'analyze' && second.args.input.dockerfile).toBe('FROM abc');

    worker.answer(1, { tag: 'newest' });
    await flush();
    expect(live.map((l) => l.seq)).toEqual([1, 3]);
    expect(live[1].result).toEqual({ tag: 'newest' });
  });

  it('reports an analysis error without restarting the worker', async () => {
    const { client, live } = setup();
    client.analyzeLatest(input('FROM a'), []);
    FakeWorker.all[0].fail(0, 'boom');
    await flush();
    expect(live[0].error).toBe('boom');
    expect(FakeWorker.all).toHaveLength(1);
  });

  it('restarts a crashed worker, says so, and analyses again', async () => {
    const { client, live, statuses } = setup();
    client.analyzeLatest(input('FROM a'), []);
    FakeWorker.all[0].crash('out of memory');
    await flush();
    expect(FakeWorker.all[0].isTerminated).toBe(true);
    expect(FakeWorker.all).toHaveLength(2);
    expect(statuses.at(-1)).toMatch(/restarted/);
    expect(live[0].error).toMatch(/out of memory/);

    client.analyzeLatest(input('FROM b'), []);
    FakeWorker.all[1].answer(0, { ok: 1 });
    await flush();
    expect(live.at(-1)?.result).toEqual({ ok: 1 });
  });

  it('replaces a worker that hangs', async () => {
    vi.useFakeTimers();
    const { client, statuses } = setup();
    client.analyzeLatest(input('FROM a'), []);
    await vi.advanceTimersByTimeAsync(16_000);
    expect(FakeWorker.all[0].isTerminated).toBe(true);
    expect(FakeWorker.all).toHaveLength(2);
    expect(statuses.at(-1)).toMatch(/longer than/);
  });

  it('pauses after repeated crashes instead of restarting forever', async () => {
    const { client, statuses } = setup();
    for (let i = 0; i < 5; i++) {
      client.analyzeLatest(input(`FROM ${i}`), []);
      FakeWorker.all.at(-1)!.crash('bad');
      await flush();
    }
    expect(statuses.at(-1)).toMatch(/paused/);
    const count = FakeWorker.all.length;
    client.analyzeLatest(input('FROM again'), []);
    expect(FakeWorker.all).toHaveLength(count);
  });
});
