import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { callsGuard, findRouteFiles } from '../../testing/app/route-files';

// The walk's discovery and static check, on a scratch app/ tree: a route added without the guard is found.
const dir = mkdtempSync(path.join(tmpdir(), 'route-files-'));
const write = (rel: string, text: string) => {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), text);
};
write('(console)/cosigners/[cosignerId]/page.tsx', 'export default async function P() { await requirePageSession(); }');
write('(console)/reports/page.tsx', 'export default function Reports() { return null; }');
write(
  'api/cosigners/[cosignerId]/api-keys/[apiKeyId]/route.ts',
  'export const GET = withSession<P>(h, o);\nexport const PATCH = withSession(h, o);',
);
write('api/export/route.ts', 'export async function GET() { return Response.json(await everything()); }');
write('(console)/layout.tsx', 'ignored');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('findRouteFiles', () => {
  const files = findRouteFiles(dir);

  it('maps files to URLs (route groups dropped, plausible ids) and reads exported methods', () => {
    expect(files.map((f) => [f.kind, f.url, f.methods.join(',')])).toEqual([
      ['page', '/cosigners/6f1c2a64-8d3e-4f5b-9a7c-1e2d3c4b5a69', 'GET'],
      ['page', '/reports', 'GET'],
      [
        'route',
        '/api/cosigners/6f1c2a64-8d3e-4f5b-9a7c-1e2d3c4b5a69/api-keys/3b2d1c4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
        'GET,PATCH',
      ],
      ['route', '/api/export', 'GET'],
    ]);
  });

  it('flags the page and the route that do not call the guard', () => {
    expect(files.filter((f) => !callsGuard(f)).map((f) => f.url)).toEqual(['/reports', '/api/export']);
  });
});
