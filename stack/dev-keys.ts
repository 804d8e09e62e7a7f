import { randomUUID, generateKeyPairSync, createPublicKey } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The generated dev API user: what the simulator registers and what the app signs with. */
export interface DevKeys {
  apiKey: string;
  /** Path of the RSA-4096 private key PEM (mode 0600), passed to the app as FIREBLOCKS_SECRET_KEY_PATH. */
  privateKeyPath: string;
  publicKeyPath: string;
  publicKeyPem: string;
}

export interface EnsureDevKeysOptions {
  /** Folder for the keys; git-ignored `.dev/` at the repo root by default. */
  dir?: string;
}

const REPO_ROOT = path.resolve(import.meta.dirname, '..');
const PRIVATE = 'fireblocks-api-user.key.pem';
const PUBLIC = 'fireblocks-api-user.pub.pem';
const API_KEY = 'fireblocks-api-user.json';

/**
 * Generates the dev API user once (RSA-4096, like a real Fireblocks API user's key) and reuses it afterwards,
 * so a restarted simulator and a restarted app keep agreeing on who signs.
 */
export function ensureDevKeys(options: EnsureDevKeysOptions = {}): DevKeys {
  const dir = options.dir ?? path.join(REPO_ROOT, '.dev');
  const privateKeyPath = path.join(dir, PRIVATE);
  const publicKeyPath = path.join(dir, PUBLIC);
  const apiKeyPath = path.join(dir, API_KEY);
  mkdirSync(dir, { recursive: true, mode: 0o700 });

  if (!existsSync(privateKeyPath) || !existsSync(apiKeyPath)) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 4096 });
    // Written with 0600 from the start (and chmod'ed in case umask or an old file interferes).
    writeFileSync(privateKeyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    chmodSync(privateKeyPath, 0o600);
    writeFileSync(apiKeyPath, `${JSON.stringify({ apiKey: randomUUID() }, null, 2)}\n`);
  }

  // The public half is always derived from the private key, so the two can never drift apart.
  const publicKeyPem = createPublicKey(readFileSync(privateKeyPath, 'utf8'))
    .export({ type: 'spki', format: 'pem' })
    .toString();
  writeFileSync(publicKeyPath, publicKeyPem);
  return { apiKey: readApiKey(apiKeyPath), privateKeyPath, publicKeyPath, publicKeyPem };
}

function readApiKey(file: string): string {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof parsed === 'object' && parsed !== null && 'apiKey' in parsed && typeof parsed.apiKey === 'string') {
    return parsed.apiKey;
  }
  throw new Error(`${file} is not a dev API user file; delete it to generate a new one`);
}

/** The public key PEM of any RSA private key file (to register a user-supplied key with the embedded simulator). */
export function publicKeyOf(privateKeyPem: string): string {
  return createPublicKey(privateKeyPem).export({ type: 'spki', format: 'pem' }).toString();
}
