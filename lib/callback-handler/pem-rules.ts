/**
 * The PEM rules of docs/callback-handler-rules.md that need no crypto: one block, the right label, no
 * private key, a sane size, a well-formed base64 body holding one DER structure. Browser-safe (uses
 * `atob` only), so the form catches these before anything is sent. Messages never quote the pasted text.
 */
export const PEM_MAX_CHARS = 16 * 1024;

export type PemLabel = 'PUBLIC KEY' | 'CERTIFICATE';

const NOUN: Record<PemLabel, string> = { 'PUBLIC KEY': 'public key', CERTIFICATE: 'certificate' };

export const PRIVATE_KEY_MESSAGE =
  'This is a private key, which must never leave the callback handler. It was not kept: paste the public key or certificate instead.';

/** True for any PEM private key (PKCS#8, encrypted PKCS#8, PKCS#1 RSA, SEC1 EC, OpenSSH). */
export function containsPrivateKey(text: string): boolean {
  return /PRIVATE\s+KEY/i.test(text);
}

/** Line endings normalised and surrounding whitespace dropped: what is sent upstream. Idempotent. */
export function normalizePem(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

function wrongLabelMessage(expected: PemLabel, found: string): string {
  if (expected === 'PUBLIC KEY' && found === 'CERTIFICATE') {
    return 'This is a certificate. Choose "Certificate" to pin it, or paste a -----BEGIN PUBLIC KEY----- block.';
  }
  if (expected === 'PUBLIC KEY' && found === 'RSA PUBLIC KEY') {
    return 'This is a PKCS#1 "RSA PUBLIC KEY". Fireblocks expects -----BEGIN PUBLIC KEY-----; convert it with `openssl rsa -RSAPublicKey_in -in key.pem -pubout`.';
  }
  if (expected === 'CERTIFICATE' && found === 'PUBLIC KEY') {
    return 'This is a public key. Choose "Public key", or paste a -----BEGIN CERTIFICATE----- block.';
  }
  return `Expected a -----BEGIN ${expected}----- block, found -----BEGIN ${found}-----.`;
}

/** Whether `b64` decodes to exactly one DER SEQUENCE (tag, length, and nothing after it). */
function isSingleDerSequence(b64: string): boolean {
  let bytes: string;
  try {
    bytes = atob(b64);
  } catch {
    return false;
  }
  if (bytes.charCodeAt(0) !== 0x30 || bytes.length < 2) return false;
  const first = bytes.charCodeAt(1);
  if (first < 0x80) return 2 + first === bytes.length;
  const octets = first & 0x7f;
  if (octets < 1 || octets > 4 || bytes.length < 2 + octets) return false;
  let length = 0;
  for (let i = 0; i < octets; i += 1) length = length * 256 + bytes.charCodeAt(2 + i);
  return 2 + octets + length === bytes.length;
}

/** The user-facing message for the first rule the text breaks, or null when it is a plausible block. */
export function checkPem(text: string, label: PemLabel): string | null {
  const noun = NOUN[label];
  if (containsPrivateKey(text)) return PRIVATE_KEY_MESSAGE;
  const pem = normalizePem(text);
  if (pem.length === 0) return `Paste the callback handler's ${noun} (PEM).`;
  if (pem.length > PEM_MAX_CHARS) {
    return `This is too long for a ${noun} (${pem.length.toLocaleString('en-US')} characters; at most ${PEM_MAX_CHARS.toLocaleString('en-US')}).`;
  }
  const begins = pem.match(/-----BEGIN /g)?.length ?? 0;
  if (begins === 0) return `Expected a PEM block starting with -----BEGIN ${label}-----.`;
  // Node's X509Certificate silently reads only the first of several blocks, so a chain would pin the wrong one.
  if (begins > 1) return `Paste exactly one ${noun} block; this text holds ${begins} PEM blocks.`;
  const block = /^-----BEGIN ([A-Z0-9 ]{1,40})-----\n?([\s\S]*?)\n?-----END \1-----$/.exec(pem);
  if (!block) {
    return /-----BEGIN [A-Z0-9 ]{1,40}-----/.test(pem) && !pem.startsWith('-----BEGIN ')
      ? 'Remove the text before the PEM block; paste only the block itself.'
      : `The PEM block is incomplete or has text after it: it must end with its matching -----END ${label}----- line.`;
  }
  const [, found = '', body = ''] = block;
  if (found !== label) return wrongLabelMessage(label, found);
  const b64 = body.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || b64.length % 4 !== 0) {
    return `The text between the BEGIN and END lines is not valid base64; the ${noun} may be damaged or incomplete.`;
  }
  if (!isSingleDerSequence(b64)) {
    return `The text between the BEGIN and END lines does not decode to a ${noun}; it may be truncated or damaged.`;
  }
  return null;
}
