'use client';

import { ApiKeysGrid, type ApiKeysGridProps } from './api-keys-grid';

const ignoreCopyResult = () => undefined;

/**
 * The keys table's markup with nowhere to report a copy: for the render bench's floor page (app/bench/key-rows), a
 * server component, which cannot hand the rows a function. Nothing else renders it.
 */
export function ApiKeysGridAlone(props: Omit<ApiKeysGridProps, 'onCopyResult'>) {
  return <ApiKeysGrid {...props} onCopyResult={ignoreCopyResult} />;
}
