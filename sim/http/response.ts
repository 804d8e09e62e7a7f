// Handlers return a plain value; the server alone writes to the socket (so faults can rewrite any answer).

export interface SimResponse {
  status: number;
  /** JSON-serialised as is; absent = empty body. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Fireblocks error code, kept for the request log. */
  code?: number;
}

export function json(status: number, body: unknown, headers?: Record<string, string>): SimResponse {
  return { status, body, headers };
}

/** Fireblocks' error body `{ message, code }` (ErrorSchema). */
export function fail(status: number, code: number, message: string, headers?: Record<string, string>): SimResponse {
  return { status, body: { message, code }, headers, code };
}
