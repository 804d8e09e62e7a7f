import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The app/ to walk; ROUTE_WALK_APP_DIR points the walk at a copy (used to prove it fails on an unguarded route). */
const APP_DIR = path.resolve(process.env.ROUTE_WALK_APP_DIR ?? path.join(import.meta.dirname, '../../app'));

export interface RouteFile {
  /** Repo-relative, e.g. `app/api/cosigners/[cosignerId]/route.ts`. */
  file: string;
  kind: 'page' | 'route';
  /** The URL with plausible values in dynamic segments, e.g. `/api/cosigners/6f1c…`. */
  url: string;
  /** HTTP methods a route.ts exports; pages are GET. */
  methods: string[];
  source: string;
}

/** Values that pass each id schema, so a request reaches the guard rather than a 404 from routing. */
const SAMPLE_PARAMS: Record<string, string> = {
  cosignerId: '6f1c2a64-8d3e-4f5b-9a7c-1e2d3c4b5a69',
  apiKeyId: '3b2d1c4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
  requestId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
};

function urlFor(relDir: string): string {
  const segments = relDir
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s) && !s.startsWith('@'))
    .map((s) => {
      const dynamic = /^\[{1,2}(\.\.\.)?([^\]]+)\]{1,2}$/.exec(s);
      if (!dynamic?.[2]) return s;
      const value = SAMPLE_PARAMS[dynamic[2]] ?? 'sample-id';
      return dynamic[1] ? `${value}/more` : value;
    });
  return `/${segments.join('/')}`;
}

const METHOD_EXPORT = /export\s+(?:const|(?:async\s+)?function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g;

/** Every page and route handler under app/, found on disk so a route added tomorrow is walked too. */
export function findRouteFiles(dir = APP_DIR, rel = ''): RouteFile[] {
  const out: RouteFile[] = [];
  for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const child = path.join(rel, entry.name);
    if (entry.isDirectory()) {
      out.push(...findRouteFiles(dir, child));
      continue;
    }
    const kind = /^page\.(tsx|ts|jsx|js|mdx)$/.test(entry.name)
      ? 'page'
      : /^route\.(ts|js)$/.test(entry.name)
        ? 'route'
        : null;
    if (!kind) continue;
    const source = readFileSync(path.join(dir, child), 'utf8');
    const methods = kind === 'page' ? ['GET'] : [...source.matchAll(METHOD_EXPORT)].map((m) => m[1] ?? '');
    out.push({ file: path.join('app', child).split(path.sep).join('/'), kind, url: urlFor(rel), methods, source });
  }
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

/** The static half of the walk: a guarded file must call the guard in its own source, not rely on a parent. */
export function callsGuard(f: Pick<RouteFile, 'kind' | 'source'>): boolean {
  return f.kind === 'page' ? /\brequirePageSession\(/.test(f.source) : /\bwithSession(<[^>]*>)?\(/.test(f.source);
}
