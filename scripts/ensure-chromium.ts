import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's Chromium: Playwright drives it instead of downloading its own browser (blocked on these machines). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Makes sure Chromium is installed: as root it installs Debian's package; otherwise it says exactly what to run.
 * Returns a one-line result for the test summary, or throws with the instructions.
 */
export function ensureChromium(): string {
  if (existsSync(CHROMIUM_PATH)) return `found ${CHROMIUM_PATH}`;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH}. Install it with \`sudo apt-get update && sudo apt-get install -y chromium\` ` +
        '(Debian/Ubuntu), or set CHROMIUM_PATH to an installed Chromium, then run the tests again.',
    );
  }
  console.log(`Chromium is missing at ${CHROMIUM_PATH}: installing Debian's chromium package...`);
  for (const args of [['update'], ['install', '-y', 'chromium']]) {
    const run = spawnSync('apt-get', args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (run.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${run.status ?? 'signal'})`);
  }
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`apt-get installed chromium, but ${CHROMIUM_PATH} still does not exist`);
  return `installed ${CHROMIUM_PATH}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(ensureChromium());
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
