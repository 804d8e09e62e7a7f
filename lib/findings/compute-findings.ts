import 'server-only';

import { appendedRouteSuffix, correctedCallbackUrl } from '@/lib/callback-handler/url-rules';
import { formatDay } from '@/lib/callback-handler/verdict';
import { editKeyPath } from '@/lib/page-paths';
import type { OpenChangeRef } from '@/lib/change-model/states';
import { keyRefOf } from '@/lib/db/read-open-changes';
import type { IndexedKey, KeyIndex } from '@/lib/search/key-index-types';

import {
  CERT_EXPIRY_WARNING_DAYS,
  FINDING_KINDS,
  NOT_SEEN_DAYS,
  type Finding,
  type FindingKind,
} from './findings-api-schemas';

const DAY_MS = 86_400_000;
/** A shared_url finding names at most this many of the other keys (its summary counts them all). */
const SHARED_WITH_SHOWN = 10;

/** A certificate the console itself sent in a completed change (certs-on-record.ts): what it knows of its expiry. */
export interface CertOnRecord {
  certPublicKeyHash: string;
  /** The certificate's notAfter (ISO). */
  notAfter: string;
}

export interface ComputeFindingsOptions {
  index: KeyIndex;
  /** By keyRefOf(cosignerId, apiKeyId). */
  certsOnRecord: ReadonlyMap<string, CertOnRecord>;
  /** Each key's open change, by keyRefOf(cosignerId, apiKeyId): its findings name it and offer no fix on top of it. */
  openChanges?: ReadonlyMap<string, OpenChangeRef>;
  now: Date;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const editPath = (key: IndexedKey) => editKeyPath(key.cosignerId, key.apiKeyId);

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** The same handler whatever the spelling of its host's case or a trailing slash. */
function sameHandlerUrl(text: string): string {
  const url = parseUrl(text);
  if (!url) return text;
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}${url.search}`;
}

type FindingOf = Omit<Finding, 'cosignerId' | 'cosignerName' | 'apiKeyId' | 'url'>;

/** The transaction route the Co-Signer appends for the key's mode (docs/fireblocks.md): JWT with a public key. */
const appendedRoute = (key: IndexedKey) =>
  key.certPublicKeyHash && key.publicKeyFingerprint === undefined ? '/tx_sign_request' : '/v2/tx_sign_request';

function misrouted(url: string, key: IndexedKey): FindingOf | null {
  const parsed = parseUrl(url);
  const route = parsed && appendedRouteSuffix(parsed);
  if (!parsed || !route) return null;
  // Spelled as the form and the inspection spell it; never with user-info (a password is not repeated into a link).
  const corrected = correctedCallbackUrl(url) ?? undefined;
  return {
    kind: 'misrouted_url',
    severity: 'critical',
    summary: `The URL already ends in ${route}, but the Co-Signer appends its routes itself: it calls …${route}${appendedRoute(key)}.`,
    action: corrected ? `Change the URL to ${corrected}.` : `Remove ${route} from the end of the URL.`,
    ...(corrected && { correctedUrl: corrected, fixPath: `${editPath(key)}?url=${encodeURIComponent(corrected)}` }),
  };
}

function certExpiry(key: IndexedKey, cert: CertOnRecord | undefined, nowMs: number): FindingOf | null {
  // Only a certificate the console sent and that is still the live one (same key hash): any other expiry is unknown.
  if (!cert || !key.certPublicKeyHash || cert.certPublicKeyHash !== key.certPublicKeyHash.toLowerCase()) return null;
  const notAfterMs = Date.parse(cert.notAfter);
  if (notAfterMs <= nowMs) {
    return {
      kind: 'cert_expired',
      severity: 'critical',
      summary: `The pinned certificate expired on ${formatDay(notAfterMs)}; the Co-Signer cannot reach the handler.`,
      action: "Pin the handler's renewed certificate.",
      expiresAt: cert.notAfter,
    };
  }
  const days = Math.ceil((notAfterMs - nowMs) / DAY_MS);
  if (days > CERT_EXPIRY_WARNING_DAYS) return null;
  return {
    kind: 'cert_expiring',
    severity: 'warning',
    summary: `The pinned certificate expires in ${plural(days, 'day')}, on ${formatDay(notAfterMs)}.`,
    action: "Renew the handler's certificate and pin the new one before it expires.",
    expiresAt: cert.notAfter,
  };
}

function notSeen(key: IndexedKey, nowMs: number): FindingOf | null {
  const seenMs = key.lastSeen ? Date.parse(key.lastSeen) : NaN;
  // Never seen (no lastSeen) is a freshly paired key, not a stale one; an unreadable date says nothing either.
  if (Number.isNaN(seenMs)) return null;
  const days = Math.floor((nowMs - seenMs) / DAY_MS);
  if (days < NOT_SEEN_DAYS) return null;
  return {
    kind: 'not_seen',
    severity: 'info',
    summary: `Not seen for ${plural(days, 'day')} (last seen ${formatDay(seenMs)}).`,
    action: 'Check whether this API user is still in use, and unpair it if not.',
    lastSeen: key.lastSeen,
  };
}

/**
 * What is wrong with the workspace's handlers, from one walk of it and the certificates on record. Archived cosigners
 * are left out: their keys cannot be changed, so nothing about them can be acted on. Sorted by kind (FINDING_KINDS
 * order, the most urgent first), then the walk's order.
 */
export function computeFindings({
  index,
  certsOnRecord,
  openChanges = new Map(),
  now,
}: ComputeFindingsOptions): Finding[] {
  const nowMs = now.getTime();
  const keys = index.keys.filter((k) => !k.cosignerArchived);
  const byUrl = new Map<string, IndexedKey[]>();
  for (const key of keys) {
    if (!key.url) continue;
    const same = sameHandlerUrl(key.url);
    byUrl.set(same, [...(byUrl.get(same) ?? []), key]);
  }

  const findings: Finding[] = [];
  for (const key of keys) {
    const found: FindingOf[] = [];
    if (!key.url) {
      found.push({
        kind: 'no_handler',
        severity: 'warning',
        summary: 'No callback handler: the Co-Signer signs what this API user asks without any check.',
        action: 'Configure a callback handler, or unpair the API user if it is no longer used.',
      });
    } else {
      const route = misrouted(key.url, key);
      if (route) found.push(route);
      const others = (byUrl.get(sameHandlerUrl(key.url)) ?? []).filter((k) => k.cosignerId !== key.cosignerId);
      if (others.length > 0) {
        const cosignerCount = new Set(others.map((k) => k.cosignerId)).size;
        found.push({
          kind: 'shared_url',
          severity: 'info',
          summary: `The same handler URL serves ${plural(others.length, 'key')} of ${plural(cosignerCount, 'other cosigner')}.`,
          action: 'Check that one handler is meant to serve these cosigners; give each its own URL if not.',
          sharedWith: others
            .slice(0, SHARED_WITH_SHOWN)
            .map((k) => ({ cosignerId: k.cosignerId, cosignerName: k.cosignerName, apiKeyId: k.apiKeyId })),
        });
      }
    }
    const cert = certExpiry(key, certsOnRecord.get(keyRefOf(key.cosignerId, key.apiKeyId)), nowMs);
    if (cert) found.push(cert);
    const stale = notSeen(key, nowMs);
    if (stale) found.push(stale);
    const openChange = openChanges.get(keyRefOf(key.cosignerId, key.apiKeyId));
    for (const { fixPath, ...f } of found) {
      findings.push({
        ...f,
        // One change at a time per key: while one is open, the finding points at it rather than at a new fix.
        ...(openChange ? { openChange } : fixPath ? { fixPath } : {}),
        cosignerId: key.cosignerId,
        cosignerName: key.cosignerName,
        apiKeyId: key.apiKeyId,
        url: key.url,
      });
    }
  }
  const order = (kind: FindingKind) => FINDING_KINDS.indexOf(kind);
  return findings.sort((a, b) => order(a.kind) - order(b.kind));
}
