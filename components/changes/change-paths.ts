/** Page paths around a change, ids encoded. */
export const changePath = (changeId: string) => `/changes/${encodeURIComponent(changeId)}`;

export const keyPagePath = (cosignerId: string, apiKeyId: string) =>
  `/cosigners/${encodeURIComponent(cosignerId)}/api-keys/${encodeURIComponent(apiKeyId)}`;

/** The edit form filled from a closed change's values and reason (docs/contracts.md, "Resubmit"). */
export const resubmitPath = (cosignerId: string, apiKeyId: string, changeId: string) =>
  `${keyPagePath(cosignerId, apiKeyId)}/edit?from=${encodeURIComponent(changeId)}`;
