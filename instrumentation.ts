// Runs once when the server starts: a production start with missing or invalid configuration stops here,
// naming what is missing, instead of failing on the first request or falling back to the simulator. Then the
// database is migrated; a database migrated by a newer version stops the start too. Open changes left by an earlier
// run are then reconciled in the background, never delaying or failing the start. SIGTERM drains the replica.
export async function register() {
  // The imports stay inside this test (not after an early return) so that webpack (`npm run dev -- --webpack`) drops
  // them from the edge build of this file, where better-sqlite3 and pg cannot resolve `fs`.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { assertStartupConfig } = await import('@/lib/config/startup');
    assertStartupConfig();
    const { migrateOnStart } = await import('@/lib/db/startup');
    await migrateOnStart();
    const { reconcileOpenChangesOnStart } = await import('@/lib/changes/reconcile-on-start');
    void reconcileOpenChangesOnStart();
    const { installDrainOnSignals } = await import('@/lib/lifecycle/drain');
    installDrainOnSignals();
  }
}
