/**
 * Test fixtures for keys and certificates, GENERATED at test time (nothing secret is committed) and
 * cached per process, lazily: RSA-4096 key generation takes seconds on a busy machine, so a test that
 * does not ask for it does not pay for it. Certificates are self-signed with @peculiar/x509 on Node's
 * WebCrypto; their validity is relative to when this module loaded, with margins of days.
 */
// @peculiar/x509 resolves its services through tsyringe, which needs the Reflect metadata API.
import 'reflect-metadata';
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';

import * as x509 from '@peculiar/x509';

// Node's global WebCrypto (typed as the DOM's `Crypto`, which is what @peculiar/x509 expects).
const webcrypto = globalThis.crypto;
x509.cryptoProvider.set(webcrypto);

/** The host the certificate fixtures are issued for unless told otherwise. */
export const FIXTURE_HOST = 'callbacks.example.com';
const DAY_MS = 86_400_000;
const loadedAt = Date.now();

export interface KeyPairPem {
  publicKeyPem: string;
  /** PKCS#8 (`BEGIN PRIVATE KEY`). */
  privateKeyPem: string;
}

const keyCache = new Map<string, KeyPairPem>();

function cachedKeyPair(id: string, make: () => KeyPairPem): KeyPairPem {
  let pair = keyCache.get(id);
  if (!pair) {
    pair = make();
    keyCache.set(id, pair);
  }
  return pair;
}

const spkiPem = { type: 'spki', format: 'pem' } as const;
const pkcs8Pem = { type: 'pkcs8', format: 'pem' } as const;

/** An RSA key pair; `slot` gives distinct keys of the same size when a test needs two. */
export function rsaKeyPair(bits: 1024 | 2048 | 4096 = 2048, slot = 'default'): KeyPairPem {
  return cachedKeyPair(`rsa-${bits}-${slot}`, () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', {
      modulusLength: bits,
      publicKeyEncoding: spkiPem,
      privateKeyEncoding: pkcs8Pem,
    });
    return { publicKeyPem: publicKey, privateKeyPem: privateKey };
  });
}

/** An EC P-256 key pair. */
export function ecKeyPair(slot = 'default'): KeyPairPem {
  return cachedKeyPair(`ec-${slot}`, () => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      publicKeyEncoding: spkiPem,
      privateKeyEncoding: pkcs8Pem,
    });
    return { publicKeyPem: publicKey, privateKeyPem: privateKey };
  });
}

export const rsa2048PublicKeyPem = (): string => rsaKeyPair(2048).publicKeyPem;
export const rsa1024PublicKeyPem = (): string => rsaKeyPair(1024).publicKeyPem;
export const rsa4096PublicKeyPem = (): string => rsaKeyPair(4096).publicKeyPem;
export const ecP256PublicKeyPem = (): string => ecKeyPair().publicKeyPem;

/** The RSA-2048 public key in PKCS#1 form (`BEGIN RSA PUBLIC KEY`), which Fireblocks does not take. */
export function rsaPkcs1PublicKeyPem(): string {
  return createPublicKey(rsaKeyPair(2048).publicKeyPem).export({ type: 'pkcs1', format: 'pem' }).toString();
}

/** Private keys in every PEM dress a user might paste by mistake. */
export const pkcs8PrivateKeyPem = (): string => rsaKeyPair(2048).privateKeyPem;

export function pkcs1PrivateKeyPem(): string {
  return createPrivateKey(pkcs8PrivateKeyPem()).export({ type: 'pkcs1', format: 'pem' }).toString();
}

export function encryptedPrivateKeyPem(): string {
  return createPrivateKey(pkcs8PrivateKeyPem())
    .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'fixture-passphrase' })
    .toString();
}

/** SEC1 (`BEGIN EC PRIVATE KEY`). */
export function ecPrivateKeyPem(): string {
  return createPrivateKey(ecKeyPair().privateKeyPem).export({ type: 'sec1', format: 'pem' }).toString();
}

/** The base64 body of a PEM block (all lines between BEGIN and END, joined), to assert it is never echoed. */
export function pemBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END)[^-]*-----/g, '').replace(/\s+/g, '');
}

/** Two PEM blocks of the same label back to back, as a chain file would hold them. */
export function twoPublicKeysPem(): string {
  return `${rsa2048PublicKeyPem()}${rsaKeyPair(2048, 'second').publicKeyPem}`;
}

function pemFrame(label: string, body: string): string {
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** A PEM frame around text that is not base64 at all. */
export function garbagePem(label = 'PUBLIC KEY'): string {
  return pemFrame(label, 'This*is!not@base64#at$all%and^never&was(a)key'.repeat(3));
}

/** A PEM frame around well-formed base64 of random bytes: decodes, but is no DER structure. */
export function randomBytesPem(label = 'PUBLIC KEY'): string {
  return pemFrame(label, randomBytes(270).toString('base64'));
}

/** A PEM frame whose base64 body makes the whole text about `totalChars` long. */
export function oversizePem(label = 'PUBLIC KEY', totalChars = 20_000): string {
  return pemFrame(label, randomBytes(Math.ceil((totalChars * 3) / 4)).toString('base64'));
}

export interface CertOptions {
  /** DNS names for the SAN extension; the first is also the subject CN. */
  hosts?: string[];
  /** IP addresses for the SAN extension, after the DNS names. */
  ips?: string[];
  notBefore?: Date;
  notAfter?: Date;
  /** Key of the certificate; RSA-2048 unless told otherwise. */
  keyType?: 'rsa' | 'ec';
}

export interface CertFixture {
  certPem: string;
  /** The certificate's private key, PKCS#8, for tests that serve TLS with it. */
  privateKeyPem: string;
  publicKeyPem: string;
}

const rsaAlg = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};
const ecAlg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const certCache = new Map<string, Promise<CertFixture>>();

async function createCertificate(opts: CertOptions): Promise<CertFixture> {
  const hosts = opts.hosts ?? [FIXTURE_HOST];
  const alg = opts.keyType === 'ec' ? ecAlg : rsaAlg;
  // A fresh key per certificate, so two fixtures never share a `certPublicKeyHash`.
  const keys = await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  const serial = randomBytes(8);
  serial[0] = (serial[0] ?? 0) & 0x7f; // a positive DER INTEGER
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial.toString('hex'),
    name: `CN=${hosts[0] ?? 'fixture'}, O=Cosigner Console Fixtures`,
    notBefore: opts.notBefore ?? new Date(loadedAt - DAY_MS),
    notAfter: opts.notAfter ?? new Date(loadedAt + 365 * DAY_MS),
    signingAlgorithm: alg,
    keys,
    extensions: [
      new x509.SubjectAlternativeNameExtension([
        ...hosts.map((value) => ({ type: 'dns' as const, value })),
        ...(opts.ips ?? []).map((value) => ({ type: 'ip' as const, value })),
      ]),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const privateKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  return {
    certPem: cert.toString('pem').replace(/\r\n/g, '\n') + '\n',
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** A self-signed certificate, cached per distinct options (dates included). */
export function makeCertificate(opts: CertOptions = {}): Promise<CertFixture> {
  const id = JSON.stringify(opts);
  let fixture = certCache.get(id);
  if (!fixture) {
    fixture = createCertificate(opts);
    certCache.set(id, fixture);
  }
  return fixture;
}

const at = (days: number): Date => new Date(loadedAt + days * DAY_MS);
const pemOf = async (opts: CertOptions): Promise<string> => (await makeCertificate(opts)).certPem;

/** Valid from yesterday for a year. */
export const validCertPem = (host = FIXTURE_HOST): Promise<string> => pemOf({ hosts: [host] });
export const expiredCertPem = (host = FIXTURE_HOST): Promise<string> =>
  pemOf({ hosts: [host], notBefore: at(-400), notAfter: at(-2) });
export const notYetValidCertPem = (host = FIXTURE_HOST): Promise<string> =>
  pemOf({ hosts: [host], notBefore: at(2), notAfter: at(365) });
/** Still valid, but expires in 10 days (inside the 30-day warning window). */
export const expiringSoonCertPem = (host = FIXTURE_HOST): Promise<string> =>
  pemOf({ hosts: [host], notBefore: at(-100), notAfter: at(10) });
/** Valid, but issued for a host other than FIXTURE_HOST. */
export const otherHostCertPem = (): Promise<string> => pemOf({ hosts: ['elsewhere.example.net'] });
/** Valid for `*.<domain>` (covers `callbacks.example.com` by default, not `a.b.example.com`). */
export const wildcardCertPem = (domain = 'example.com'): Promise<string> => pemOf({ hosts: [`*.${domain}`] });
/** Valid, with an EC P-256 key. */
export const ecCertPem = (host = FIXTURE_HOST): Promise<string> => pemOf({ hosts: [host], keyType: 'ec' });

/** Two certificates back to back, as a chain file holds them. */
export async function twoCertificatesPem(host = FIXTURE_HOST): Promise<string> {
  return `${await validCertPem(host)}${await otherHostCertPem()}`;
}
