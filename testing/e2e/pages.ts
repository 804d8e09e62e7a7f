import { buildSeed, DEFAULT_SEED, type SeedSummary } from '../../sim/seed';
import type { UserName } from './users';

export interface ConsolePage {
  /** File-name-safe name, for screenshots. */
  name: string;
  path: string;
  /** Who looks at it; null: signed out. */
  user: UserName | null;
  /**
   * Text that shows the page has rendered its data: never text an error state or a skeleton shows (the
   * accessibility check also fails a page that shows an error or is still loading).
   */
  ready: string | RegExp;
}

const INSPECTED = /^(Looks right|Acceptable, with warnings|Cannot be used|Not complete yet)$/;

/** Every page of the console, as the role that sees it: the accessibility check and the screenshots walk this. */
export function consolePages(seed: SeedSummary): ConsolePage[] {
  const key = seed.keyWithPublicKey;
  const cert = seed.keyWithCert;
  const none = seed.keyWithNoHandler;
  const keyPage = (ref: { cosignerId: string; apiKeyId: string }) =>
    `/cosigners/${ref.cosignerId}/api-keys/${ref.apiKeyId}`;
  // A live cosigner below the version remote configuration needs (lib/cosigners/edit-gate.ts): no Edit, and why.
  const tooOld = buildSeed(DEFAULT_SEED).find((c) => c.cosigner.name === 'Branch Office SGX');
  const tooOldKey = tooOld?.keys[0] ? { cosignerId: tooOld.cosigner.id, apiKeyId: tooOld.keys[0].id } : null;
  return [
    { name: 'landing', path: '/', user: null, ready: /sign in/i },
    { name: 'cosigners', path: '/cosigners', user: 'alice', ready: 'Treasury SGX' },
    { name: 'cosigners-viewer', path: '/cosigners?pageSize=25&order=ASC', user: 'vera', ready: 'Treasury SGX' },
    { name: 'cosigner', path: `/cosigners/${seed.bigCosignerId}`, user: 'alice', ready: 'API keys' },
    { name: 'cosigner-viewer', path: `/cosigners/${cert.cosignerId}`, user: 'vera', ready: 'API keys' },
    { name: 'key-public-key', path: keyPage(key), user: 'alice', ready: 'SHA-256 fingerprint' },
    { name: 'key-certificate-viewer', path: keyPage(cert), user: 'vera', ready: 'Certificate key hash' },
    { name: 'key-no-handler', path: keyPage(none), user: 'alice', ready: 'No callback handler' },
    // The edit form inspects its initial values once hydrated: ready when the inspection's verdict is in.
    {
      name: 'edit-public-key',
      path: `/cosigners/${key.cosignerId}/api-keys/${key.apiKeyId}/edit`,
      user: 'alice',
      ready: INSPECTED,
    },
    {
      name: 'edit-certificate',
      path: `/cosigners/${cert.cosignerId}/api-keys/${cert.apiKeyId}/edit`,
      user: 'alice',
      ready: INSPECTED,
    },
    { name: 'cosigner-archived', path: `/cosigners/${seed.archivedCosignerId}`, user: 'alice', ready: /is archived/ },
    ...(tooOldKey
      ? [
          {
            name: 'edit-version-too-old',
            path: `${keyPage(tooOldKey)}/edit`,
            user: 'alice' as const,
            ready: /needs SGX 3\.7\.1 or newer/,
          },
        ]
      : []),
    { name: 'sessions', path: '/account/sessions', user: 'vera', ready: 'This browser' },
    // What needs alice: changes to approve and her changes that moved, or the sections' empty words.
    { name: 'inbox', path: '/inbox', user: 'alice', ready: 'Your changes that moved' },
    { name: 'inbox-viewer', path: '/inbox', user: 'vera', ready: 'Only admins approve changes' },
    // Events from sign-ins and the journeys, or the empty state on a fresh database: either is the page rendered.
    { name: 'audit-viewer', path: '/audit', user: 'vera', ready: /\d+ events? on this page|No audit events yet/ },
    // Empty or not depending on the journeys run before: ready either way once the list is in.
    { name: 'changes', path: '/changes', user: 'vera', ready: /^(View|No changes)$/ },
    { name: 'changes-open', path: '/changes?state=open', user: 'alice', ready: /^(View|No changes)$/ },
    {
      name: 'change-not-found',
      path: '/changes/00000000-0000-4000-8000-000000000000',
      user: 'alice',
      ready: 'Page not found',
    },
    // Search across every page, and the findings: read in the browser from the server's walk of the workspace.
    { name: 'search', path: '/search', user: 'vera', ready: 'Search every page of every cosigner' },
    { name: 'search-results', path: '/search?q=treasury', user: 'alice', ready: /match “treasury”/ },
    { name: 'findings', path: '/findings', user: 'alice', ready: 'URL ends in a Co-Signer route' },
    {
      name: 'findings-viewer',
      path: `/findings?cosignerId=${seed.keyMisrouted.cosignerId}`,
      user: 'vera',
      ready: 'URL ends in a Co-Signer route',
    },
    { name: 'no-access', path: '/no-access', user: 'nora', ready: /access/i },
    {
      name: 'not-found',
      path: '/cosigners/00000000-0000-4000-8000-000000000000',
      user: 'alice',
      ready: 'Page not found',
    },
  ];
}
