'use client';

import { useEffect, useState } from 'react';

import { spkiFingerprintOfPem } from './spki-fingerprint';

/** The fingerprint of a public key PEM once WebCrypto has computed it (undefined until then, null if not a key). */
export function useSpkiFingerprint(pem: string | undefined): string | null | undefined {
  const [result, setResult] = useState<{ pem: string; fingerprint: string | null }>();
  useEffect(() => {
    if (!pem) return;
    let live = true;
    spkiFingerprintOfPem(pem).then(
      (fingerprint) => live && setResult({ pem, fingerprint }),
      () => live && setResult({ pem, fingerprint: null }),
    );
    return () => {
      live = false;
    };
  }, [pem]);
  if (!pem) return null;
  return result?.pem === pem ? result.fingerprint : undefined;
}
