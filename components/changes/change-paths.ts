/** Page paths around a change, ids encoded. */
export const changePath = (changeId: string) => `/changes/${encodeURIComponent(changeId)}`;

export const keyPagePath = (cosignerId: string, apiKeyId: string) =>
  `/cosigners/${encodeURIComponent(cosignerId)}/api-keys/${encodeURIComponent(apiKeyId)}`;
