import Link from 'next/link';

import { Fingerprint } from '@/components/ui/fingerprint';
import { Badge } from '@/components/ui/badge';
import { OpenChangeLink } from '@/components/ui/change/open-change-link';
import type { KeyMatchKind, SearchResponse } from '@/lib/search/search-api-schemas';
import { cosignerPath, keyPagePath } from '@/lib/page-paths';

export interface SearchResultsProps {
  data: SearchResponse;
}

const MATCHED_BY: Record<KeyMatchKind, string> = {
  id: 'Key ID',
  name: 'API user name',
  host: 'URL host',
  url: 'URL',
  fingerprint: 'Fingerprint',
};

const linkClass = 'font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300';
const sectionClass = 'rounded-lg border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900';

/** Matching cosigners, then matching keys, each linking to its page. Lists, not tables: they stack on small screens. */
export function SearchResults({ data }: SearchResultsProps) {
  return (
    <div className="space-y-6">
      {data.cosigners.length > 0 && (
        <section aria-labelledby="search-cosigners" className={sectionClass}>
          <h2 id="search-cosigners" className="px-4 pt-4 text-base font-semibold text-zinc-950 dark:text-white">
            Cosigners
          </h2>
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {data.cosigners.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 text-sm">
                <Link href={cosignerPath(c.id)} className={linkClass}>
                  {c.name || c.id}
                </Link>
                {c.type && <span className="text-zinc-600 dark:text-zinc-400">{c.type}</span>}
                {c.archived && <Badge>Archived</Badge>}
                <code className="font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">{c.id}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
      {data.keys.length > 0 && (
        <section aria-labelledby="search-keys" className={sectionClass}>
          <h2 id="search-keys" className="px-4 pt-4 text-base font-semibold text-zinc-950 dark:text-white">
            API keys
          </h2>
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {data.keys.map((k) => (
              <li key={`${k.cosignerId}/${k.apiKeyId}`} className="space-y-1 px-4 py-3 text-sm">
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <Link
                    href={keyPagePath(k.cosignerId, k.apiKeyId)}
                    className={`${linkClass} font-mono text-xs break-all`}
                  >
                    {k.apiKeyId}
                  </Link>
                  <span className="text-zinc-600 dark:text-zinc-400">
                    in{' '}
                    <Link href={cosignerPath(k.cosignerId)} className={linkClass}>
                      {k.cosignerName || k.cosignerId}
                    </Link>
                  </span>
                  <Badge tone="info">Matched: {MATCHED_BY[k.match]}</Badge>
                </div>
                <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-zinc-700 dark:text-zinc-300">
                  {k.url ? (
                    <span className="font-mono text-xs [overflow-wrap:anywhere]">{k.url}</span>
                  ) : (
                    <span className="text-zinc-600 dark:text-zinc-400">No callback handler</span>
                  )}
                  {k.fingerprint && <Fingerprint value={k.fingerprint} form="short" copyLabel="Copy the fingerprint" />}
                </div>
                {k.openChange && <OpenChangeLink change={k.openChange} />}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
