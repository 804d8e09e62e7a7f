/**
 * How long `next start` keeps an idle client connection open (ms): longer than a load balancer's idle timeout (60 s
 * on the common ones), so the balancer, not the app, closes idle connections; otherwise a request sent on a
 * connection the app is closing at that instant fails with a reset. `npm start` and the Dockerfile set the same
 * value (`--keepAliveTimeout`, `KEEP_ALIVE_TIMEOUT`); docs/operations.md.
 */
export const APP_KEEP_ALIVE_MS = 65_000;
