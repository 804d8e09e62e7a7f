// Runs once when the server starts: a production start with missing or invalid configuration stops here, naming
// what is missing, instead of failing on the first request or falling back to the simulator (lib/lifecycle).
export async function register() {
  // The import stays inside this test (not after an early return) so that webpack (`npm run dev -- --webpack`) drops
  // it from the edge build of this file, where better-sqlite3 and pg cannot resolve `fs`.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startServer } = await import('@/lib/lifecycle/start-server');
    await startServer();
  }
}
