/**
 * Talks to analysis.worker.ts: request/response calls by id, a latest-wins live analysis
 * (at most one analysis in flight; newer text replaces any waiting one; stale answers dropped by
 * sequence number), a watchdog for runaway analyses, and a restart when the worker crashes.
 */
import type { AnalyzeInput } from '@/lib/analyzer';
import type { Goal } from '@/lib/lessons';
import type {
  AnalysisResult,
  MethodName,
  WorkerMethods,
  WorkerRequest,
  WorkerResponse,
} from './analysis-protocol';

/** An analysis longer than this is treated as hung: the worker is replaced. */
const WATCHDOG_MS = 15_000;
/** More crashes than this within CRASH_WINDOW_MS and we stop restarting. */
const MAX_CRASHES = 4;
const CRASH_WINDOW_MS = 30_000;

export interface LiveAnalysis {
  seq: number;
  input: AnalyzeInput;
  result?: AnalysisResult;
  /** Set when this analysis failed; the previous result stays on screen. */
  error?: string;
}

/** The starting texts a live analysis compares against. */
type StartFiles = { dockerfile: string; dockerignore: string };

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer?: ReturnType<typeof setTimeout>;
}

export class AnalysisClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private latestSeq = 0;
  private inFlight: object | undefined;
  private lastShownSeq = 0;
  private queued:
    { seq: number; input: AnalyzeInput; goals: Goal[]; start?: StartFiles } | undefined;
  private crashes: number[] = [];
  private disposed = false;

  constructor(
    private readonly createWorker: () => Worker,
    private readonly onLive: (live: LiveAnalysis) => void,
    private readonly onStatus: (message: string | undefined) => void,
  ) {
    this.start();
  }

  /**
   * Queues an analysis of this text (with the change vs. `start` when given); only the newest
   * request is ever answered.
   */
  analyzeLatest(input: AnalyzeInput, goals: Goal[], start?: StartFiles): number {
    const seq = ++this.latestSeq;
    // Paused after repeated crashes: new text gets a fresh try once the crash window has passed.
    if (
      !this.worker &&
      !this.disposed &&
      this.crashes.every((t) => Date.now() - t >= CRASH_WINDOW_MS)
    ) {
      this.crashes = [];
      this.onStatus(undefined);
      this.start();
    }
    this.queued = { seq, input, goals, start };
    this.pump();
    return seq;
  }

  /** One call to the worker; rejects on error, crash or timeout. */
  call<M extends MethodName>(
    method: M,
    args: WorkerMethods[M]['args'],
    timeoutMs = WATCHDOG_MS,
  ): Promise<WorkerMethods[M]['result']> {
    if (!this.worker) return Promise.reject(new Error('The analysis worker is not running.'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const entry: Pending = {
        resolve: resolve as (value: unknown) => void,
        reject,
        timer: setTimeout(() => this.hung(id), timeoutMs),
      };
      this.pending.set(id, entry);
      this.worker!.postMessage({ id, method, args } as WorkerRequest);
    });
  }

  dispose(): void {
    this.disposed = true;
    this.stop(new Error('The workbench closed.'));
  }

  private pump(): void {
    if (this.inFlight || !this.queued || !this.worker) return;
    const job = this.queued;
    this.queued = undefined;
    this.inFlight = job;
    // Answers arrive in order (one in flight), so an answer is shown unless a newer one already
    // was (after a restart): intermediate results keep the panel moving while someone types.
    this.call('analyze', {
      input: job.input,
      goals: job.goals,
      ...(job.start ? { start: job.start } : {}),
    })
      .then(
        (result) => {
          if (job.seq <= this.lastShownSeq) return;
          this.lastShownSeq = job.seq;
          this.onLive({ seq: job.seq, input: job.input, result });
        },
        (error: Error) => {
          if (job.seq <= this.lastShownSeq) return;
          this.lastShownSeq = job.seq;
          this.onLive({ seq: job.seq, input: job.input, error: error.message });
        },
      )
      .finally(() => {
        if (this.inFlight !== job) return;
        this.inFlight = undefined;
        this.pump();
      });
  }

  private start(): void {
    let worker: Worker;
    try {
      worker = this.createWorker();
    } catch (error) {
      this.onStatus(`The analysis could not start: ${(error as Error).message}`);
      return;
    }
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      if (message.id === -1) return;
      const entry = this.pending.get(message.id);
      if (!entry) return;
      this.pending.delete(message.id);
      clearTimeout(entry.timer);
      if (message.ok) entry.resolve(message.result);
      else entry.reject(new Error(message.error));
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      this.crashed(event.message || 'the worker failed to load');
    };
    worker.onmessageerror = () => this.crashed('a message could not be read');
    this.worker = worker;
  }

  private stop(reason: Error): void {
    this.worker?.terminate();
    this.worker = undefined;
    for (const entry of this.pending.values()) {
      clearTimeout(entry.timer);
      entry.reject(reason);
    }
    this.pending.clear();
  }

  private hung(id: number): void {
    if (!this.pending.has(id)) return;
    this.crashed(`it took longer than ${WATCHDOG_MS / 1000} s`);
  }

  private crashed(why: string): void {
    if (this.disposed) return;
    this.stop(new Error(`The analysis stopped (${why}). Your text is safe; it restarted.`));
    const now = Date.now();
    this.crashes = [...this.crashes.filter((t) => now - t < CRASH_WINDOW_MS), now];
    if (this.crashes.length > MAX_CRASHES) {
      this.onStatus(
        `The analysis keeps failing (${why}), so it is paused for half a minute. Your text is safe; edit it to try again after that.`,
      );
      return;
    }
    this.onStatus(`The analysis stopped (${why}) and was restarted. Your text is safe.`);
    this.inFlight = undefined;
    this.start();
    this.pump();
  }
}
