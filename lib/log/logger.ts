import 'server-only';

import pino, { type DestinationStream, type Logger } from 'pino';

import { redactText } from './redact';

/**
 * The server's one structured logger: JSON lines on stdout (pino), so a log shipper can index the request id, the
 * actor's `sub` and the change id. Secrets never reach it: known secret-bearing keys are censored by path, and every
 * string is scrubbed of PEM blocks, JWTs and iron seals before it is written (a pasted key can arrive in any field).
 * Child loggers carry the context: `logger.child({ requestId, sub, changeId })`.
 */
export function createLogger(destination?: DestinationStream): Logger {
  return pino(LOGGER_OPTIONS, destination);
}

const LOGGER_OPTIONS: pino.LoggerOptions = {
  base: { service: 'cosigner-console' },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: {
    paths: [
      'secret',
      '*.secret',
      'secretKey',
      '*.secretKey',
      'password',
      '*.password',
      'cookie',
      '*.cookie',
      'authorization',
      '*.authorization',
      'headers.cookie',
      'headers.authorization',
      'idToken',
      '*.idToken',
      'privateKey',
      '*.privateKey',
    ],
    censor: '[redacted]',
  },
  // Ours rather than pino's std serializer, which would meet an error already flattened by `formatters.log`.
  serializers: { err: (value: unknown) => scrub(value) },
  formatters: {
    level: (label) => ({ level: label }),
    log: (object) => scrub(object) as Record<string, unknown>,
  },
  hooks: {
    logMethod(args, method) {
      method.apply(
        this,
        args.map((arg) => (typeof arg === 'string' ? redactText(arg) : arg)) as Parameters<typeof method>,
      );
    },
  },
};

export const logger: Logger = createLogger();

/** Strings anywhere in a log object, scrubbed; errors become `{ type, message, stack }`, scrubbed too. */
function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    return {
      type: value.name,
      message: redactText(value.message),
      stack: value.stack ? redactText(value.stack) : undefined,
    };
  }
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrub(item, depth + 1)]));
}
