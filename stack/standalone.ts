import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { REPO_ROOT } from './dev-stack';

/**
 * Lays a build's standalone output out in a fresh folder exactly as the Dockerfile's runtime stage does: the
 * contents of .next/standalone at the root (server.js, its traced node_modules, .next/server), .next/static beside
 * it, and public/ when the project has one. Nothing else of the checkout is there, so a file the standalone output
 * forgot (a native module, a migration) fails here as it would in the image. Removed when the process exits.
 */
export function prepareStandaloneDir(projectDir = REPO_ROOT): string {
  const built = path.join(projectDir, '.next', 'standalone');
  if (!existsSync(path.join(built, 'server.js'))) {
    throw new Error(`no standalone build in ${built}: run \`npm run build\` (next.config.js has output: 'standalone')`);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'cosigner-standalone-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  cpSync(built, dir, { recursive: true });
  cpSync(path.join(projectDir, '.next', 'static'), path.join(dir, '.next', 'static'), { recursive: true });
  const publicDir = path.join(projectDir, 'public');
  if (existsSync(publicDir)) cpSync(publicDir, path.join(dir, 'public'), { recursive: true });
  return dir;
}
