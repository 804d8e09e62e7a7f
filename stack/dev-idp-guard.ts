/** The opt-in that lets the any-password dev IdP front a real Fireblocks workspace; its value says what it means. */
export const DEV_IDP_OPT_IN = {
  name: 'DEV_IDP_WITH_REAL_FIREBLOCKS',
  value: 'i-understand-anyone-can-sign-in',
} as const;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The URL's hostname, or `undefined` when it is not a URL (then it cannot count as loopback). */
function hostnameOf(value: string): string | undefined {
  try {
    return new URL(value).hostname;
  } catch {
    return undefined;
  }
}

const set = (v: string | undefined): v is string => typeof v === 'string' && v.trim() !== '';

/**
 * Whether the dev IdP may be embedded, as a problem line or `undefined`. The dev IdP signs anyone in as alice (an
 * admin) with any password, so in front of a real Fireblocks workspace (any non-loopback FIREBLOCKS_BASE_URL) it
 * would hand every local user, and anything that can reach the port, the power to change callback handlers.
 * That needs a real IdP (OIDC_ISSUER), or the opt-in with its exact value.
 */
export function devIdpRefusal(env: Record<string, string | undefined>): string | undefined {
  const base = env.FIREBLOCKS_BASE_URL;
  if (set(env.OIDC_ISSUER) || !set(base)) return undefined;
  const hostname = hostnameOf(base);
  if (hostname && LOOPBACK.has(hostname)) return undefined;
  if (env[DEV_IDP_OPT_IN.name] === DEV_IDP_OPT_IN.value) return undefined;
  return (
    `FIREBLOCKS_BASE_URL points at a real Fireblocks workspace (${hostname ?? base}), and the dev IdP lets anyone ` +
    'sign in as an admin with any password. Set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET to use your real IdP, ' +
    `or, only on a machine no one else can reach, opt in with ${DEV_IDP_OPT_IN.name}=${DEV_IDP_OPT_IN.value}`
  );
}
