// `npm run sim -- --port 4010 --api-user KEY=PUBLIC_KEY.pem ...`: the Fireblocks simulator on its own.
import { parseCliArgs, USAGE } from './cli-args';
import { startSimulator } from './server';

async function main(): Promise<void> {
  let opts;
  try {
    opts = parseCliArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`fireblocks-sim: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    process.exit(2);
  }
  const sim = await startSimulator(opts);
  // One line, stable wording: scripts wait for "ready at" and read the URL from it.
  console.log(`Fireblocks simulator ready at ${sim.baseUrl} (seed ${sim.seed}, ${opts.apiUsers.length} API user(s))`);
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`fireblocks-sim: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
