/**
 * Where the dev-mode smoke test runs `npm run dev`: its own ports (overridable), away from a developer's
 * 3000/4010/4011, the production test stack's 3900/4900/4901 and the integration suites' own ports, so all can run at once.
 */
export const DEV_SMOKE_PORTS = {
  app: Number(process.env.DEV_SMOKE_APP_PORT ?? 3950),
  sim: Number(process.env.DEV_SMOKE_SIM_PORT ?? 4950),
  idp: Number(process.env.DEV_SMOKE_IDP_PORT ?? 4951),
};

/** What `npm run dev` prints and what APP_URL follows: localhost, though `next dev` listens on 127.0.0.1 only. */
export const DEV_SMOKE_APP_URL = `http://localhost:${DEV_SMOKE_PORTS.app}`;
export const DEV_SMOKE_SIM_URL = `http://127.0.0.1:${DEV_SMOKE_PORTS.sim}`;
