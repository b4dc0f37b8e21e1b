/**
 * Starts downloading Monaco (the big chunk, monaco-setup.ts) without pulling it into the bundle
 * of whoever asks: the lesson page calls it as soon as its plain editor is on screen, long before
 * the workbench's own chunk has arrived.
 */
type MonacoModule = typeof import('./monaco-setup');
let monacoModule: Promise<MonacoModule> | undefined;
let resolveRequested: (module: Promise<MonacoModule>) => void = () => {};
/** Settles with Monaco once someone has asked for it (preloadMonaco), not before. */
const requested = new Promise<MonacoModule>((resolve) => {
  resolveRequested = resolve;
});

/** Monaco, once scheduleMonaco (or anyone) has asked for it: for a plain editor that waits. */
export function whenMonacoRequested(): Promise<MonacoModule> {
  return requested;
}

/** Starts downloading Monaco (idempotent); a failed download is tried again on the next call. */
export function preloadMonaco(): Promise<typeof import('./monaco-setup')> {
  monacoModule ??= import('./monaco-setup').catch((error: unknown) => {
    monacoModule = undefined;
    throw error;
  });
  resolveRequested(monacoModule);
  return monacoModule;
}

/** Monaco waits for this pause in the learner's use of the plain editor. */
export const TYPING_PAUSE_MS = 600;

/**
 * Loads Monaco once the main thread is idle and, while the plain editor is in use, once the
 * learner pauses: its first run (~3 MB of script, then the editor) blocks the main thread for a
 * moment, which must not fall between keystrokes. `lastActivityAt` gives performance.now() of
 * the last key, click or focus there (-Infinity when none).
 */
export function scheduleMonaco(lastActivityAt: () => number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idleHandle: number | undefined;
  let isCancelled = false;
  const idle = (run: () => void) => {
    if (typeof window.requestIdleCallback === 'function')
      idleHandle = window.requestIdleCallback(run, { timeout: 1000 });
    else timer = setTimeout(run, 1);
  };
  const attempt = () => {
    if (isCancelled) return;
    const quietFor = performance.now() - lastActivityAt();
    if (quietFor < TYPING_PAUSE_MS) {
      timer = setTimeout(() => idle(attempt), TYPING_PAUSE_MS - quietFor);
      return;
    }
    void preloadMonaco().catch(() => undefined);
  };
  idle(attempt);
  return () => {
    isCancelled = true;
    clearTimeout(timer);
    if (idleHandle !== undefined) window.cancelIdleCallback?.(idleHandle);
  };
}
