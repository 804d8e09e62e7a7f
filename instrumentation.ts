// Runs once when the server starts: a production start with missing or invalid configuration stops here,
// naming what is missing, instead of failing on the first request or falling back to the simulator.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { assertStartupConfig } = await import('@/lib/config/startup');
  assertStartupConfig();
}
