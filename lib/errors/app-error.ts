/**
 * The one error type that crosses a boundary (route -> browser). It carries a code, a status, a message
 * fit for a user, and correlation ids; never a stack or an upstream body. No server-only imports: the
 * browser reads the same shape.
 */
export type ErrorCode =
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'change_open'
  | 'step_up_required'
  | 'own_change'
  | 'not_proposer'
  | 'change_stale'
  | 'change_not_awaiting'
  | 'preflight_failed'
  | 'cosigner_archived'
  | 'cosigner_version_too_old'
  | 'rate_limited'
  | 'upstream_throttled'
  | 'upstream_error'
  | 'upstream_timeout'
  | 'draining'
  | 'internal';

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** This app's id for the request (also in its X-Request-ID header), for the server log. */
    requestId?: string;
    /** Fireblocks' X-Request-ID, to quote to Fireblocks support. */
    fireblocksRequestId?: string;
    /** Field path (dot-joined, e.g. `callbackHandler.url`) to a message. */
    fields?: Record<string, string>;
    /** The change the error is about: the open change of a `change_open`, the recorded change of a failed send. */
    changeId?: string;
    /** With `step_up_required`: the same-origin path that signs in afresh and comes back to what was refused. */
    stepUpUrl?: string;
  };
}

export interface AppErrorOptions {
  status: number;
  code: ErrorCode;
  /** Safe to show a user. */
  message: string;
  fireblocksRequestId?: string;
  fields?: Record<string, string>;
  /** Seconds, for 429 and 503 answers. */
  retryAfter?: number;
  changeId?: string;
  stepUpUrl?: string;
}

export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;
  readonly code: ErrorCode;
  readonly fireblocksRequestId?: string;
  readonly fields?: Record<string, string>;
  readonly retryAfter?: number;
  readonly changeId?: string;
  readonly stepUpUrl?: string;

  constructor(options: AppErrorOptions) {
    super(options.message);
    this.status = options.status;
    this.code = options.code;
    this.fireblocksRequestId = options.fireblocksRequestId;
    this.fields = options.fields;
    this.retryAfter = options.retryAfter;
    this.changeId = options.changeId;
    this.stepUpUrl = options.stepUpUrl;
  }

  toBody(requestId?: string): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(requestId ? { requestId } : {}),
        ...(this.fireblocksRequestId ? { fireblocksRequestId: this.fireblocksRequestId } : {}),
        ...(this.fields ? { fields: this.fields } : {}),
        ...(this.changeId ? { changeId: this.changeId } : {}),
        ...(this.stepUpUrl ? { stepUpUrl: this.stepUpUrl } : {}),
      },
    };
  }
}
