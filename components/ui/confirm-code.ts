/** How many trailing characters of the key id the admin types to confirm. */
const CONFIRM_LENGTH = 6;

/** The characters the admin must type: the key id's last six. */
export const confirmCodeFor = (apiKeyId: string) => apiKeyId.slice(-CONFIRM_LENGTH);

/** Whether what was typed confirms this key (surrounding spaces and letter case ignored: UUIDs are hex). */
export function confirmCodeMatches(typed: string, apiKeyId: string): boolean {
  return typed.trim().toLowerCase() === confirmCodeFor(apiKeyId).toLowerCase();
}
