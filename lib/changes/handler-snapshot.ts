import 'server-only';

import { certFingerprint, certPublicKeyHash } from '@/lib/callback-handler/fingerprint';
import { normalizePem } from '@/lib/callback-handler/pem-rules';
import { publicKeyFingerprint } from '@/lib/cosigners/api-key-summary';
import type { FireblocksCallbackHandler } from '@/lib/fireblocks/upstream-schemas';

import type { HandlerSnapshot } from './change-api-schemas';

/** The handler a change asks for, as validated by lib/callback-handler (PEM normalised). */
export interface RequestedHandler {
  url: string;
  publicKey?: string;
  cert?: string;
}

/** The live handler a change is made against; null when the key has none. */
export function snapshotOfLive(handler: FireblocksCallbackHandler): HandlerSnapshot | null {
  if (!handler) return null;
  if (handler.publicKey !== undefined) {
    return {
      url: handler.url,
      mode: 'publicKey',
      publicKey: handler.publicKey,
      publicKeyFingerprint: publicKeyFingerprint(handler.publicKey),
    };
  }
  return {
    url: handler.url,
    mode: 'cert',
    ...(handler.certPublicKeyHash ? { certPublicKeyHash: handler.certPublicKeyHash } : {}),
  };
}

/** The handler to send, with its fingerprints; the PEM stays on the change row. */
export function snapshotOfRequested(handler: RequestedHandler): HandlerSnapshot {
  if (handler.cert !== undefined) {
    return {
      url: handler.url,
      mode: 'cert',
      cert: handler.cert,
      certFingerprint: certFingerprint(handler.cert),
      certPublicKeyHash: certPublicKeyHash(handler.cert),
    };
  }
  const publicKey = handler.publicKey ?? '';
  return { url: handler.url, mode: 'publicKey', publicKey, publicKeyFingerprint: publicKeyFingerprint(publicKey) };
}

/** What an audit event says of a handler: URL, mode and fingerprints, never PEM text. */
export function auditHandler(snapshot: HandlerSnapshot | null): Record<string, string | null> | null {
  if (!snapshot) return null;
  const { publicKey: _publicKey, cert: _cert, ...rest } = snapshot;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
}

/**
 * Whether the key's live handler is the one a change asked for: same URL, and the same public key (by SPKI
 * fingerprint, or by normalised PEM when the text is not a readable SPKI) or the same certificate key (Fireblocks'
 * `certPublicKeyHash`, computed as the simulator does: lib/callback-handler/fingerprint.ts).
 */
export function liveHandlerMatches(live: FireblocksCallbackHandler, wanted: HandlerSnapshot): boolean {
  if (!live || live.url !== wanted.url) return false;
  if (wanted.mode === 'cert')
    return (
      live.publicKey === undefined &&
      live.certPublicKeyHash !== undefined &&
      live.certPublicKeyHash === wanted.certPublicKeyHash
    );
  if (live.publicKey === undefined || wanted.publicKey === undefined) return false;
  const liveFingerprint = publicKeyFingerprint(live.publicKey);
  if (liveFingerprint !== null && wanted.publicKeyFingerprint) return liveFingerprint === wanted.publicKeyFingerprint;
  return normalizePem(live.publicKey) === normalizePem(wanted.publicKey);
}

/** The handler a recorded change sends: its `after`, as the PATCH body's callbackHandler. */
export function requestedOf(after: HandlerSnapshot): RequestedHandler {
  return after.mode === 'cert'
    ? { url: after.url, cert: after.cert ?? '' }
    : { url: after.url, publicKey: after.publicKey ?? '' };
}

/**
 * The drift guard: whether the key's live handler is still the one a change was made against (its `before`): same
 * presence, URL and mode, and the same public key (SPKI fingerprint, or normalised PEM when unreadable) or the same
 * certificate key (`certPublicKeyHash`).
 */
export function liveHandlerIs(live: FireblocksCallbackHandler, before: HandlerSnapshot | null): boolean {
  const now = snapshotOfLive(live);
  if (!now || !before) return !now && !before;
  if (now.url !== before.url || now.mode !== before.mode) return false;
  if (now.mode === 'cert') return now.certPublicKeyHash === before.certPublicKeyHash;
  if (now.publicKeyFingerprint && before.publicKeyFingerprint)
    return now.publicKeyFingerprint === before.publicKeyFingerprint;
  return normalizePem(now.publicKey ?? '') === normalizePem(before.publicKey ?? '');
}
