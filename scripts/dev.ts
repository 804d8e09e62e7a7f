// npm run dev: the dashboard on the embedded default (simulator + dev IdP), filling only unset configuration.
import { startStack, type Stack } from '../stack/dev-stack';
import { onShutdownSignal } from '../stack/on-signal';

const DEV_USERS = [
  ['alice', 'console-admins', 'admin'],
  ['bob', 'console-admins', 'admin'],
  ['vera', 'console-viewers', 'viewer'],
  ['nora', '(none)', 'no access'],
] as const;

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

let stack: Stack | undefined;
onShutdownSignal(async () => stack?.close());

try {
  stack = await startStack({
    mode: 'dev',
    appPort: port('PORT', 3000),
    simPort: port('SIM_PORT', 4010),
    idpPort: port('IDP_PORT', 4011),
    // The dev default of WATCH_INTERVAL: a shorter interval, so what the background worker does shows quickly.
    env: { ...process.env, WATCH_INTERVAL: process.env.WATCH_INTERVAL?.trim() || '10s' },
    appOutput: 'inherit',
    // `npm run dev -- --webpack` runs next dev on webpack instead of Turbopack.
    devBundler: process.argv.includes('--webpack') ? 'webpack' : 'turbopack',
  });
} catch (error) {
  console.error(`\nnpm run dev could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

printWelcome(stack);
const code = await stack.app.exited;
await stack.close();
process.exit(code ?? 1);

function printWelcome(s: Stack): void {
  const lines = [
    '',
    `  Cosigner Console is running: ${s.appUrl}`,
    s.simUrl
      ? `  Fireblocks: SIMULATED at ${s.simUrl}/v1 (dev API user key in .dev/)`
      : `  Fireblocks: ${s.appEnv.FIREBLOCKS_BASE_URL}`,
    s.idpUrl ? `  Sign-in:    dev IdP at ${s.idpUrl}, any password:` : `  Sign-in:    ${s.appEnv.OIDC_ISSUER}`,
    ...(s.idpUrl
      ? DEV_USERS.map(([login, groups, role]) => `                ${login.padEnd(6)} ${groups.padEnd(16)} ${role}`)
      : []),
    '  Ctrl-C stops everything.',
    '',
  ];
  console.log(lines.join('\n'));
}
