/**
 * Real TLS servers on loopback for the pre-flight tests, with certificates generated here (a test CA and leaves it
 * signs, or self-signed ones): one whose certificate can be switched while it runs, one that accepts TCP and never
 * answers, one that resets every connection, and a port nothing listens on. Each server counts the application
 * bytes it receives after a handshake, which the probe must never send.
 */
// @peculiar/x509 resolves its services through tsyringe, which needs the Reflect metadata API.
import 'reflect-metadata';
import { createPrivateKey, randomBytes, X509Certificate } from 'node:crypto';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';

import * as x509 from '@peculiar/x509';

import { spkiFingerprint } from '@/lib/callback-handler/fingerprint';

const webcrypto = globalThis.crypto;
x509.cryptoProvider.set(webcrypto);

const DAY_MS = 86_400_000;
const ecAlg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const rsaAlg = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};

export interface ServedCertificate {
  certPem: string;
  keyPem: string;
  /** Lowercase hex SHA-256 of the certificate's SPKI: what a pin is compared by. */
  spkiSha256: string;
}

export interface TestCa extends ServedCertificate {
  /** Signs a leaf for `hosts` (DNS names) and `ips`. */
  issue(o: LeafOptions): Promise<ServedCertificate>;
}

export interface LeafOptions {
  hosts?: string[];
  ips?: string[];
  /** Days from now; defaults -1 and +365. */
  fromDays?: number;
  untilDays?: number;
  keyType?: 'ec' | 'rsa';
}

function serial(): string {
  const bytes = randomBytes(8);
  bytes[0] = (bytes[0] ?? 0) & 0x7f; // a positive DER INTEGER
  return bytes.toString('hex');
}

async function keyPemOf(keys: CryptoKeyPair): Promise<string> {
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  return createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })
    .export({ type: 'pkcs8', format: 'pem' })
    .toString();
}

const pemOf = (cert: x509.X509Certificate) => cert.toString('pem').replace(/\r\n/g, '\n') + '\n';
const nameOf = (o: LeafOptions) => o.hosts?.[0] ?? o.ips?.[0] ?? 'preflight-test';
const dates = (o: LeafOptions) => ({
  notBefore: new Date(Date.now() + (o.fromDays ?? -1) * DAY_MS),
  notAfter: new Date(Date.now() + (o.untilDays ?? 365) * DAY_MS),
});
const sanOf = (o: LeafOptions) =>
  new x509.SubjectAlternativeNameExtension([
    ...(o.hosts ?? []).map((value) => ({ type: 'dns' as const, value })),
    ...(o.ips ?? []).map((value) => ({ type: 'ip' as const, value })),
  ]);

async function served(cert: x509.X509Certificate, keys: CryptoKeyPair): Promise<ServedCertificate> {
  const certPem = pemOf(cert);
  const spkiSha256 = spkiFingerprint(new X509Certificate(certPem).publicKey);
  return { certPem, keyPem: await keyPemOf(keys), spkiSha256 };
}

/** A self-signed leaf (what a pinned handler typically serves). */
export async function selfSignedCertificate(o: LeafOptions = {}): Promise<ServedCertificate> {
  const alg = o.keyType === 'rsa' ? rsaAlg : ecAlg;
  const keys = await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=${nameOf(o)}, O=Preflight Test Servers`,
    ...dates(o),
    signingAlgorithm: alg,
    keys,
    extensions: [sanOf(o)],
  });
  return served(cert, keys);
}

/** A CA (EC P-256) whose leaves verify once its certificate is trusted (PREFLIGHT_CA_FILE). */
export async function makeTestCa(name = 'Preflight Test CA'): Promise<TestCa> {
  const keys = await webcrypto.subtle.generateKey(ecAlg, true, ['sign', 'verify']);
  const caCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=${name}`,
    notBefore: new Date(Date.now() - DAY_MS),
    notAfter: new Date(Date.now() + 3650 * DAY_MS),
    signingAlgorithm: ecAlg,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const ca = await served(caCert, keys);
  return {
    ...ca,
    async issue(o) {
      const alg = o.keyType === 'rsa' ? rsaAlg : ecAlg;
      const leafKeys = await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify']);
      const cert = await x509.X509CertificateGenerator.create({
        serialNumber: serial(),
        subject: `CN=${nameOf(o)}`,
        issuer: caCert.subject,
        ...dates(o),
        signingAlgorithm: ecAlg,
        publicKey: leafKeys.publicKey,
        signingKey: keys.privateKey,
        extensions: [
          sanOf(o),
          new x509.BasicConstraintsExtension(false, undefined, true),
          new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
          await x509.AuthorityKeyIdentifierExtension.create(caCert),
        ],
      });
      return served(cert, leafKeys);
    },
  };
}

export interface TlsTestServer {
  port: number;
  /** Serves `next` from the next handshake on (the e2e's "the server now presents the right certificate"). */
  setCertificate(next: ServedCertificate): void;
  /** Handshakes completed so far. */
  handshakes(): number;
  /** Application bytes received after any handshake, on every connection so far. */
  applicationBytes(): number;
  /** Resolves once every connection so far has closed (its bytes all counted). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

function listening(server: TcpServer): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

function closing(server: TcpServer, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A TLS server on 127.0.0.1 (a random port) presenting `cert` (with `chain` after it, when given). */
export async function startTlsServer(cert: ServedCertificate, chain: string[] = []): Promise<TlsTestServer> {
  const contextOf = (c: ServedCertificate, extra: string[]) => ({
    cert: [c.certPem, ...extra].join(''),
    key: c.keyPem,
  });
  let handshakes = 0;
  let appBytes = 0;
  const sockets = new Set<Socket>();
  const closed: Array<Promise<void>> = [];
  const server = createTlsServer(contextOf(cert, chain), (socket: TLSSocket) => {
    handshakes += 1;
    // Anything the client writes after the handshake arrives here, and nothing else does.
    socket.on('data', (bytes: Buffer) => (appBytes += bytes.length));
    socket.on('end', () => socket.end());
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    closed.push(new Promise((resolve) => socket.once('close', () => resolve())));
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('tlsClientError', () => undefined);
  const port = await listening(server);
  return {
    port,
    // Applies from the next handshake on, with SNI or without (an IP host).
    setCertificate: (next) => server.setSecureContext(contextOf(next, [])),
    handshakes: () => handshakes,
    applicationBytes: () => appBytes,
    settled: async () => {
      await Promise.all(closed);
    },
    close: () => closing(server, sockets),
  };
}

export interface TcpTestServer {
  port: number;
  /** Connections accepted so far. */
  accepted(): number;
  close(): Promise<void>;
}

/**
 * Accepts TCP, then at the client's first byte: `silent` never answers, `reset` resets the connection, `plaintext`
 * answers as a plain HTTP server would (no TLS on this port).
 */
export async function startTcpServer(behaviour: 'silent' | 'reset' | 'plaintext'): Promise<TcpTestServer> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createTcpServer((socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('close', () => sockets.delete(socket));
    if (behaviour === 'reset') socket.once('data', () => socket.resetAndDestroy());
    if (behaviour === 'plaintext') socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
  });
  const port = await listening(server);
  return { port, accepted: () => accepted, close: () => closing(server, sockets) };
}

/** A loopback port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createTcpServer();
  const port = await listening(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
