/** Same charset and length as the server's requestIdSchema; checked here without loading zod's schema file twice. */
export function isRequestId(value: string): boolean {
  return /^[A-Za-z0-9._~-]{1,128}$/.test(value);
}
