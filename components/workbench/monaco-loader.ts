/**
 * Starts downloading Monaco (the big chunk, monaco-setup.ts) without pulling it into the bundle
 * of whoever asks. On a lesson page it comes when the learner first shows they will use the
 * editor (wantMonaco: a pointer over it, its focus, a key in it, a feature that needs it), or a
 * while after the page has settled, whichever is first (scheduleMonaco).
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

let isWanted = false;
const wantListeners = new Set<() => void>();

/**
 * The learner is about to use the editor (pointer over it or down on it, its focus, a key in
 * it) or a feature that needs Monaco (the diff view, a quick fix, going to a finding's line):
 * the schedule loads it now, at the next pause in their typing. Idempotent.
 */
export function wantMonaco(): void {
  if (isWanted) return;
  isWanted = true;
  for (const listener of [...wantListeners]) listener();
  wantListeners.clear();
}

/** Monaco waits for this pause in the learner's use of the plain editor. */
export const TYPING_PAUSE_MS = 600;

/**
 * Without a sign of intent, Monaco still comes this long after the schedule started on a visible
 * page (then at the next idle moment and typing pause): late enough that its first run (a long
 * task of ~250 ms) falls after the page's load has settled, measured with `npm run
 * bench:lighthouse` (its long tasks list).
 */
export const UNASKED_AFTER_MS = 8000;

/**
 * Loads Monaco once it is wanted (wantMonaco) or UNASKED_AFTER_MS after the start on a visible
 * page, when the main thread is idle and, while the plain editor is in use, once the learner
 * pauses: its first run (~3 MB of script, then the editor) blocks the main thread for a moment,
 * which must not fall between keystrokes. `lastActivityAt` gives performance.now() of the last
 * key, click or focus there (-Infinity when none).
 */
export function scheduleMonaco(lastActivityAt: () => number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let fallbackTimer: ReturnType<typeof setTimeout> | undefined;
  let idleHandle: number | undefined;
  let isCancelled = false;
  let isStarted = false;
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
  const start = () => {
    if (isCancelled || isStarted) return;
    isStarted = true;
    clearTimeout(fallbackTimer);
    document.removeEventListener('visibilitychange', onVisibility);
    wantListeners.delete(start);
    idle(attempt);
  };
  // The unasked load counts only the time the page is on screen.
  const onVisibility = () => {
    clearTimeout(fallbackTimer);
    if (document.visibilityState === 'visible') fallbackTimer = setTimeout(start, UNASKED_AFTER_MS);
  };
  if (isWanted) start();
  else {
    wantListeners.add(start);
    document.addEventListener('visibilitychange', onVisibility);
    onVisibility();
  }
  return () => {
    isCancelled = true;
    wantListeners.delete(start);
    document.removeEventListener('visibilitychange', onVisibility);
    clearTimeout(fallbackTimer);
    clearTimeout(timer);
    if (idleHandle !== undefined) window.cancelIdleCallback?.(idleHandle);
  };
}
