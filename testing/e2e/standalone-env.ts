/**
 * Where the standalone smoke test runs `node server.js` (with the simulator and dev IdP): its own ports
 * (overridable), away from the production test stack's 3900/4900/4901 and the dev smoke's 3950/4950/4951.
 */
export const STANDALONE_PORTS = {
  app: Number(process.env.STANDALONE_APP_PORT ?? 3960),
  sim: Number(process.env.STANDALONE_SIM_PORT ?? 4960),
  idp: Number(process.env.STANDALONE_IDP_PORT ?? 4961),
};

/** The APP_URL the stack gives the server (localhost, though it listens on 127.0.0.1 only). */
export const STANDALONE_APP_URL = `http://localhost:${STANDALONE_PORTS.app}`;
export const STANDALONE_SIM_URL = `http://127.0.0.1:${STANDALONE_PORTS.sim}`;
