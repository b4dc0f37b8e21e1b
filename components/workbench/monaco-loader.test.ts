import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('./monaco-setup', () => ({ loaded: true }));

/** A document that can be hidden and shown, for the schedule's visibility listener. */
function fakeDocument(visibility: 'visible' | 'hidden') {
  const target = new EventTarget();
  return Object.assign(target, {
    visibilityState: visibility,
    show() {
      this.visibilityState = 'visible';
      target.dispatchEvent(new Event('visibilitychange'));
    },
  });
}

async function freshLoader(visibility: 'visible' | 'hidden' = 'visible') {
  vi.resetModules();
  const doc = fakeDocument(visibility);
  vi.stubGlobal('document', doc);
  // No requestIdleCallback: the schedule falls back to a timer, which the fake clock runs.
  vi.stubGlobal('window', {});
  const loader = await import('./monaco-loader');
  let settled = false;
  void loader.whenMonacoRequested().then(() => (settled = true));
  const isRequested = async () => {
    await vi.advanceTimersByTimeAsync(0);
    return settled;
  };
  return { loader, doc, isRequested };
}

describe('scheduleMonaco', () => {
  beforeEach(() =>
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'],
    }),
  );
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('does not ask for Monaco on idle alone, before the unasked delay', async () => {
    const { loader, isRequested } = await freshLoader();
    loader.scheduleMonaco(() => -Infinity);
    await vi.advanceTimersByTimeAsync(loader.UNASKED_AFTER_MS - 100);
    expect(await isRequested()).toBe(false);
  });

  it('asks for Monaco at once when the learner moves towards the editor', async () => {
    const { loader, isRequested } = await freshLoader();
    loader.scheduleMonaco(() => -Infinity);
    await vi.advanceTimersByTimeAsync(50);
    expect(await isRequested()).toBe(false);
    loader.wantMonaco();
    await vi.advanceTimersByTimeAsync(10);
    expect(await isRequested()).toBe(true);
  });

  it('waits for a pause in typing after the intent', async () => {
    const { loader, isRequested } = await freshLoader();
    let lastKeyAt = performance.now();
    loader.scheduleMonaco(() => lastKeyAt);
    loader.wantMonaco();
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(loader.TYPING_PAUSE_MS / 2);
      lastKeyAt = performance.now();
      expect(await isRequested()).toBe(false);
    }
    await vi.advanceTimersByTimeAsync(loader.TYPING_PAUSE_MS + 10);
    expect(await isRequested()).toBe(true);
  });

  it('an intent before the schedule starts counts', async () => {
    const { loader, isRequested } = await freshLoader();
    loader.wantMonaco();
    loader.scheduleMonaco(() => -Infinity);
    await vi.advanceTimersByTimeAsync(10);
    expect(await isRequested()).toBe(true);
  });

  it('comes unasked after the delay on a visible page', async () => {
    const { loader, isRequested } = await freshLoader();
    loader.scheduleMonaco(() => -Infinity);
    await vi.advanceTimersByTimeAsync(loader.UNASKED_AFTER_MS + 10);
    expect(await isRequested()).toBe(true);
  });

  it('counts only the time the page is visible', async () => {
    const { loader, doc, isRequested } = await freshLoader('hidden');
    loader.scheduleMonaco(() => -Infinity);
    await vi.advanceTimersByTimeAsync(loader.UNASKED_AFTER_MS * 3);
    expect(await isRequested()).toBe(false);
    doc.show();
    await vi.advanceTimersByTimeAsync(loader.UNASKED_AFTER_MS - 100);
    expect(await isRequested()).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(await isRequested()).toBe(true);
  });

  it('a cancelled schedule asks for nothing', async () => {
    const { loader, isRequested } = await freshLoader();
    const cancel = loader.scheduleMonaco(() => -Infinity);
    cancel();
    await vi.advanceTimersByTimeAsync(loader.UNASKED_AFTER_MS * 2);
    expect(await isRequested()).toBe(false);
  });
});
