/** One side of the confirm dialog: what a handler is, reduced to what an admin must compare. */
export interface HandlerSide {
  url: string;
  mode: 'publicKey' | 'cert' | 'none';
  /**
   * Lowercase hex identifying the key: the SPKI SHA-256 of a public key, or for a certificate the SHA-256 of
   * its public key (Fireblocks' certPublicKeyHash / the inspection's publicKeySha256), so both sides compare.
   */
  keyHash?: string;
}

export interface HandlerChange {
  urlChanged: boolean;
  /** The URL now points at another machine: the most dangerous part of a change. */
  hostChanged: boolean;
  beforeHost: string | null;
  afterHost: string | null;
  /** Set when authentication switches kind (public key <-> certificate, or from none). */
  modeSwitch: { from: HandlerSide['mode']; to: HandlerSide['mode'] } | null;
  /** Whether the key differs; null when one side's key is unknown. */
  keyChanged: boolean | null;
}

/** Host (with port) of a URL, lowercased; null when it does not parse. */
export function hostOf(url: string): string | null {
  try {
    return new URL(url.trim()).host.toLowerCase();
  } catch {
    return null;
  }
}

/** What a change does, for the confirm dialog's callouts. `before` is null when the key has no handler yet. */
export function describeChange(before: HandlerSide | null, after: HandlerSide): HandlerChange {
  const beforeHost = before ? hostOf(before.url) : null;
  const afterHost = hostOf(after.url);
  const beforeMode = before?.mode ?? 'none';
  const keyChanged =
    before?.keyHash && after.keyHash
      ? before.keyHash.toLowerCase() !== after.keyHash.toLowerCase() || beforeMode !== after.mode
      : null;
  return {
    urlChanged: (before?.url.trim() ?? '') !== after.url.trim(),
    hostChanged: beforeHost !== afterHost,
    beforeHost,
    afterHost,
    modeSwitch: beforeMode === after.mode ? null : { from: beforeMode, to: after.mode },
    keyChanged,
  };
}
