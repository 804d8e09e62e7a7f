/**
 * The console's page paths, ids encoded, in one place: a link and the page it names cannot drift apart, and an id
 * is never pasted into a path unencoded. No imports: the server (redirects, notification links, finding fixes) and
 * the browser (links) both use it. The app's HTTP API paths are lib/queries/api-paths.ts.
 */
const seg = encodeURIComponent;

const COSIGNERS_PATH = '/cosigners';
const CHANGES_PATH = '/changes';
const SEARCH_PATH = '/search';

export const cosignerPath = (cosignerId: string) => `${COSIGNERS_PATH}/${seg(cosignerId)}`;

/** One key's read-only page. */
export const keyPagePath = (cosignerId: string, apiKeyId: string) =>
  `${cosignerPath(cosignerId)}/api-keys/${seg(apiKeyId)}`;

/** The key's edit form. */
export const editKeyPath = (cosignerId: string, apiKeyId: string) => `${keyPagePath(cosignerId, apiKeyId)}/edit`;

/** The edit form filled from a closed change's values and reason. */
export const resubmitPath = (cosignerId: string, apiKeyId: string, changeId: string) =>
  `${editKeyPath(cosignerId, apiKeyId)}?from=${seg(changeId)}`;

export const changePath = (changeId: string) => `${CHANGES_PATH}/${seg(changeId)}`;

/** The findings of one cosigner. */
export const cosignerFindingsPath = (cosignerId: string) => `/findings?cosignerId=${seg(cosignerId)}`;

/** The audit trail filtered by one actor. */
export const actorAuditPath = (sub: string) => `/audit?actor=${seg(sub)}`;

/** Search across every page; the bare page without a query. */
export const searchPath = (q: string) => (q ? `${SEARCH_PATH}?${new URLSearchParams({ q })}` : SEARCH_PATH);

/** Sign-in at the IdP, then back to `returnTo`; `stepUp` asks for a fresh authentication (an approval). */
export const signInPath = (returnTo: string, o: { stepUp?: boolean } = {}) =>
  `/auth/login?${o.stepUp ? 'stepUp=1&' : ''}returnTo=${seg(returnTo)}`;
