import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { ensureCanaryBuild, type Canaries } from '../../testing/app/canary-build';
import { findNeedles, listFiles } from '../../testing/app/scan-files';

// The client bundle (and the prerendered pages served as-is) must hold neither a secret value nor the name of a
// secret variable: a name in the bundle means some client module reads it, a value means it was inlined.
const SECRET_NAMES = ['FIREBLOCKS_SECRET_KEY', 'SESSION_SECRET', 'OIDC_CLIENT_SECRET'];

let distDir: string;
let canaries: Canaries;

beforeAll(async () => {
  // The test runner's build, made with the same canary secrets as its server; else a private canary build.
  const { TEST_BUILD_DIR, TEST_BUILD_CANARIES } = process.env;
  if (TEST_BUILD_DIR && TEST_BUILD_CANARIES) {
    distDir = TEST_BUILD_DIR;
    canaries = JSON.parse(TEST_BUILD_CANARIES) as Canaries;
  } else {
    ({ distDir, canaries } = await ensureCanaryBuild());
  }
}, 600_000);

function needles(): Record<string, string> {
  const out: Record<string, string> = {
    'SESSION_SECRET value': canaries.sessionSecret,
    'OIDC_CLIENT_SECRET value': canaries.oidcClientSecret,
  };
  // Each base64 line of the key is unique to it; any one of them in the bundle is a leak.
  canaries.fireblocksSecretKeyPem
    .split('\n')
    .filter((line) => line.length >= 40 && !line.startsWith('-----'))
    .forEach((line, i) => (out[`FIREBLOCKS_SECRET_KEY value, line ${i + 1}`] = line));
  for (const name of SECRET_NAMES) out[`the name ${name}`] = name;
  return out;
}

/** Everything a browser can fetch from the build: static assets, and prerendered HTML / RSC payloads. */
function clientFiles(): string[] {
  const prerendered = (f: string) => /\.(html|rsc|body)$/.test(f);
  return [
    ...listFiles(path.join(distDir, 'static')),
    ...listFiles(path.join(distDir, 'server', 'app'), prerendered),
    ...listFiles(path.join(distDir, 'server', 'pages'), prerendered),
  ];
}

describe('client bundle', () => {
  it('is there to scan', () => {
    const js = listFiles(path.join(distDir, 'static'), (f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(0);
    expect(canaries.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(Object.keys(needles()).length).toBeGreaterThan(10);
  });

  it('holds no secret value and no secret variable name', () => {
    const findings = findNeedles(clientFiles(), needles()).map((f) => `${path.relative(distDir, f.file)}: ${f.label}`);
    expect(findings).toEqual([]);
  });

  it('the scan finds a planted secret (the check itself works)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bundle-scan-'));
    writeFileSync(path.join(dir, 'chunk.js'), `var k=${JSON.stringify(canaries.sessionSecret)};`);
    writeFileSync(path.join(dir, 'clean.js'), 'var ok=1;');
    const found = findNeedles(listFiles(dir), needles());
    expect(found.map((f) => [path.basename(f.file), f.label])).toEqual([['chunk.js', 'SESSION_SECRET value']]);
  });
});
