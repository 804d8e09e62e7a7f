import type { ReactNode } from 'react';

import type { PreflightResult, PresentedCertificate } from '@/lib/preflight/preflight-schemas';

import { FingerprintCode } from './fingerprint';
import { RelativeTime } from './relative-time';

const ms = (value: number | null) => (value === null ? '—' : `${Math.round(value)} ms`);
const names = (sans: string[]) => sans.map((san) => san.replace(/^(DNS|IP Address):/, '')).join(', ') || 'none';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="opacity-80">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}

function Certificate({ cert, leaf }: { cert: PresentedCertificate; leaf: boolean }) {
  return (
    <li className="space-y-1 rounded-md border border-current/20 p-2">
      <p className="font-medium">{leaf ? 'Server certificate' : 'Issued by'}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <Row label="Subject">{cert.subject}</Row>
        <Row label="Names">{names(cert.sans)}</Row>
        <Row label="Issuer">{cert.issuer}</Row>
        <Row label="Valid until">
          <RelativeTime value={cert.notAfter} dateOnly />
        </Row>
        <Row label="Key SHA-256">
          <FingerprintCode value={cert.spkiSha256} className="text-xs" />
        </Row>
      </dl>
    </li>
  );
}

/**
 * Everything the check saw, folded under its verdict: where the host led, how long each step took, the TLS
 * version and the chain as the server presented it. What the check cannot see is said here too, once.
 */
export function PreflightDetails({ result }: { result: PreflightResult }) {
  const { tls, timings } = result;
  const port = result.port === 443 ? '' : `:${result.port}`;
  return (
    <details className="mt-3 border-t border-current/20 pt-2">
      <summary className="cursor-pointer font-medium">What was checked</summary>
      <div className="mt-2 space-y-3">
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          <Row label="Server">
            {result.host}
            {port}
          </Row>
          <Row label="Resolved to">{result.addresses.join(', ') || 'nothing'}</Row>
          <Row label="Connected to">{result.connectedAddress ?? 'no address answered'}</Row>
          <Row label="Took">
            name lookup {ms(timings.dnsMs)}, connection {ms(timings.connectMs)}, TLS handshake {ms(timings.handshakeMs)}
          </Row>
          {tls && (
            <>
              <Row label="TLS">{tls.version}</Row>
              <Row label="Chain">
                {tls.chainVerified
                  ? 'verifies against the console’s trusted CAs'
                  : `does not verify against the console’s trusted CAs (${tls.chainError ?? 'unknown reason'})`}
              </Row>
              <Row label="Host">{tls.namesHost ? `named by the certificate` : `not named by the certificate`}</Row>
            </>
          )}
        </dl>
        {tls && tls.chain.length > 0 && (
          <ol className="space-y-2">
            {tls.chain.map((cert, i) => (
              <Certificate key={`${cert.spkiSha256}-${i}`} cert={cert} leaf={i === 0} />
            ))}
          </ol>
        )}
        <p className="opacity-80">
          Checked from the console’s network with a TLS handshake only: no request was sent to the handler. The
          Co-Signer’s network may reach it differently, and the handler’s answers to the Co-Signer are not checked.
        </p>
      </div>
    </details>
  );
}
