import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { ApiKeysGrid } from '@/components/cosigner-page/api-keys-grid';
import { readPageState } from '@/components/ui/pagination/page-state';
import { toUrlSearchParams, type SearchParamsRecord } from '@/components/ui/pagination/to-url-search-params';
import { requirePageSession } from '@/lib/auth/page-guard';
import { cosignerIdSchema } from '@/lib/fireblocks/upstream-schemas';
import { fetchApiKeysPage } from '@/lib/queries/server-fetch';

export const metadata: Metadata = { title: 'API keys (framework floor)' };

interface KeyRowsPageProps {
  params: Promise<{ cosignerId: string }>;
  searchParams: Promise<SearchParamsRecord>;
}

/**
 * The render bench's framework floor (`npm run bench -- browser`): the same page of API keys as /cosigners/{id},
 * read with the same signed upstream call, rendered by a server component in the same build: the console's own rows
 * (ApiKeysGrid: the same markup, with only their links, copy buttons and dates as client components), without the
 * console's layout, query cache, table state or data handed to the browser. What the console's page takes beyond
 * this is its own. `?rows=plain` renders the same keys as four unstyled cells instead: what the rows' content costs.
 * It exists only in the bench's own build (a `page.bench.tsx` is a page only there: next.config.js), never in the
 * product's; like every page it needs a session first. Nothing links to it.
 */
export default async function KeyRowsFloorPage({ params, searchParams }: KeyRowsPageProps) {
  const { user } = await requirePageSession();
  const parsed = cosignerIdSchema.safeParse((await params).cosignerId);
  if (!parsed.success) notFound();
  const query = toUrlSearchParams(await searchParams);
  const state = readPageState(query);
  const keys = await fetchApiKeysPage(parsed.data, { pageSize: state.pageSize, order: state.order });
  if (query.get('rows') !== 'plain')
    return (
      <main>
        <h1>API keys</h1>
        <ApiKeysGrid cosignerId={parsed.data} rows={keys.data?.data ?? []} canEdit={user.role === 'admin'} />
      </main>
    );
  return (
    <main>
      <h1>API keys</h1>
      <table>
        <caption>API keys</caption>
        <thead>
          <tr>
            <th>API key ID</th>
            <th>Last seen</th>
            <th>Callback URL</th>
            <th>Authentication</th>
          </tr>
        </thead>
        <tbody>
          {keys.data?.data.map((k) => (
            <tr key={k.id}>
              <td>
                <code>{k.id}</code>
              </td>
              <td>{k.lastSeen ?? 'Never'}</td>
              <td>{k.callbackHandler?.url ?? 'Not configured'}</td>
              <td>
                {k.callbackHandler?.publicKeyFingerprint !== undefined
                  ? 'Public key'
                  : k.callbackHandler?.certPublicKeyHash
                    ? 'Pinned certificate'
                    : 'None'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
