/**
 * Starts downloading Monaco (the big chunk, monaco-setup.ts) without pulling it into the bundle
 * of whoever asks: the lesson page calls it as soon as its plain editor is on screen, long before
 * the workbench's own chunk has arrived.
 */
let monacoModule: Promise<typeof import('./monaco-setup')> | undefined;

/** Starts downloading Monaco (idempotent); a failed download is tried again on the next call. */
export function preloadMonaco(): Promise<typeof import('./monaco-setup')> {
  monacoModule ??= import('./monaco-setup').catch((error: unknown) => {
    monacoModule = undefined;
    throw error;
  });
  return monacoModule;
}
