/**
 * Runs once when a server process starts (Next.js's instrumentation hook). It opens the database
 * at once, so the first short link, gallery entry or room does not wait for the embedded engine
 * to initialise its data folder and run the migrations (seconds on a new folder). A failure is
 * logged and not cached: the first request that needs the database tries again and answers with
 * its own clear error.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getDatabase } = await import('./server/db/instance');
  getDatabase().catch((error: unknown) => {
    console.error(
      `layerlab: the database could not be opened at start; requests will try again (${String(error)})`,
    );
  });
}
