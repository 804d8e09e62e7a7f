import type { ReactNode } from 'react';

import { Fingerprint } from '@/components/ui/fingerprint';
import { RelativeTime } from '@/components/ui/relative-time';
import type { CallbackHandlerInspection } from '@/lib/queries/use-inspect-callback-handler';

export interface InspectionFactsProps {
  inspection: CallbackHandlerInspection;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="min-w-0 break-words text-zinc-900 dark:text-zinc-100">{children}</dd>
    </>
  );
}

/** What the server found the URL, key or certificate to be, as label/value pairs. */
export function InspectionFacts({ inspection: i }: InspectionFactsProps) {
  return (
    <dl className="grid grid-cols-[minmax(6rem,auto)_1fr] gap-x-3 gap-y-1.5 text-xs">
      {i.url && (
        <>
          <Fact label="Host">
            <span className="font-mono">{i.url.host}</span>
          </Fact>
          <Fact label="Path">
            <span className="font-mono">{i.url.path || '/'}</span>
          </Fact>
        </>
      )}
      {i.publicKey && (
        <>
          <Fact label="Key">
            {i.publicKey.algorithm}
            {i.publicKey.sizeBits ? `, ${i.publicKey.sizeBits} bits` : ''}
          </Fact>
          <Fact label="SHA-256">
            <Fingerprint value={i.publicKey.fingerprintSha256} copyLabel="Copy the key’s SHA-256 fingerprint" />
          </Fact>
        </>
      )}
      {i.cert && (
        <>
          <Fact label="Subject">{i.cert.subject}</Fact>
          <Fact label="Names (SAN)">{i.cert.sans.length > 0 ? i.cert.sans.join(', ') : 'None'}</Fact>
          <Fact label="Issuer">{i.cert.selfSigned ? `${i.cert.issuer} (self-signed)` : i.cert.issuer}</Fact>
          <Fact label="Serial">
            <span className="font-mono break-all">{i.cert.serial}</span>
          </Fact>
          <Fact label="Valid">
            <RelativeTime value={i.cert.validFrom} dateOnly /> to <RelativeTime value={i.cert.validTo} dateOnly />
          </Fact>
          <Fact label="Key">
            {i.cert.keyType}
            {i.cert.keySizeBits ? `, ${i.cert.keySizeBits} bits` : ''}
          </Fact>
          <Fact label="Covers host">
            {i.cert.coversHost === null ? 'No URL to compare' : i.cert.coversHost ? 'Yes' : 'No'}
          </Fact>
          <Fact label="SHA-256">
            <Fingerprint value={i.cert.fingerprintSha256} copyLabel="Copy the certificate’s SHA-256 fingerprint" />
          </Fact>
          <Fact label="Key hash">
            <Fingerprint value={i.cert.publicKeySha256} copyLabel="Copy the certificate’s key hash" />
          </Fact>
        </>
      )}
    </dl>
  );
}
