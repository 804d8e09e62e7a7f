// The standalone server as the Docker image runs it (`node server.js` with PORT and HOSTNAME), on the simulator and
// the dev IdP, in the foreground until Ctrl-C: playwright.standalone.config.ts's webServer. Needs `npm run build`.
import { startStack } from '../stack/dev-stack';
import { onShutdownSignal } from '../stack/on-signal';
import { prepareStandaloneDir } from '../stack/standalone';
import { testAppEnv } from '../testing/runner/test-stack';
import { STANDALONE_PORTS } from '../testing/e2e/standalone-env';

const stack = await startStack({
  mode: 'standalone',
  standaloneDir: prepareStandaloneDir(),
  appPort: STANDALONE_PORTS.app,
  simPort: STANDALONE_PORTS.sim,
  idpPort: STANDALONE_PORTS.idp,
  env: testAppEnv(),
  appOutput: 'inherit',
});
onShutdownSignal(() => stack.close());
console.log(`standalone stack: app ${stack.appUrl}, simulator ${stack.simUrl ?? '-'}, dev IdP ${stack.idpUrl ?? '-'}`);
const code = await stack.app.exited;
await stack.close();
process.exit(code ?? 1);
