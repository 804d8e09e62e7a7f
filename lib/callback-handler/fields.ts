/**
 * Field-message plumbing between zod issues, the API's `error.fields` (keys like
 * `callbackHandler.url`) and the form's fields. Browser-safe.
 */
import type { z } from 'zod';

/** A key name is only ever echoed when it is short and plain (a pasted key could arrive as a name). */
const SAFE_KEY = /^[A-Za-z0-9_-]{1,64}$/;

function pathKey(path: readonly PropertyKey[]): string {
  return path.length === 0 ? 'body' : path.map(String).join('.');
}

/**
 * At most this many unknown keys are named, in a message or as fields; the rest are counted. A 60 kB body of
 * 4,000 keys would otherwise be answered with an error body three times its size.
 */
export const MAX_UNKNOWN_FIELDS_LISTED = 10;

const more = (count: number) => `${count.toLocaleString('en-US')} more`;

/** Message for unknown keys, for `z.strictObject(..., { error: unknownFieldsError })`. */
export function unknownFieldsError(issue: { code?: string; keys?: readonly string[] }): string | undefined {
  if (issue.code !== 'unrecognized_keys') return undefined;
  const keys = issue.keys ?? [];
  if (!keys.every((key) => SAFE_KEY.test(key))) return 'Unknown fields are not accepted.';
  const named = keys.slice(0, MAX_UNKNOWN_FIELDS_LISTED).join(', ');
  const rest = keys.length - MAX_UNKNOWN_FIELDS_LISTED;
  return `Unknown field${keys.length > 1 ? 's' : ''}: ${named}${rest > 0 ? ` and ${more(rest)}` : ''}.`;
}

/**
 * Zod issues to `{ "callbackHandler.url": message, ... }`: first message per path wins. Unknown keys
 * get an entry each under their own path when their names are safe to repeat, the first
 * MAX_UNKNOWN_FIELDS_LISTED of them; the object's own path says how many more there are.
 */
export function issuesToFields(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  const put = (key: string, message: string): void => {
    fields[key] ??= message;
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const safe = issue.keys.filter((key) => SAFE_KEY.test(key));
      for (const key of safe.slice(0, MAX_UNKNOWN_FIELDS_LISTED))
        put(pathKey([...issue.path, key]), 'Unknown field: remove it.');
      if (safe.length < issue.keys.length) put(pathKey(issue.path), 'Unknown fields are not accepted.');
      const rest = safe.length - MAX_UNKNOWN_FIELDS_LISTED;
      if (rest > 0) put(pathKey(issue.path), `Unknown fields: ${more(rest)} besides those listed; remove them.`);
    } else {
      put(pathKey(issue.path), issue.message);
    }
  }
  return fields;
}

export type CallbackHandlerFormField = 'url' | 'mode' | 'pem';

/**
 * Where a server field message belongs in the form: the URL field, or the PEM field for anything
 * about the key or certificate (including "exactly one of publicKey and cert"). Null means show it
 * above the form.
 */
export function mapServerFieldToFormField(serverKey: string): CallbackHandlerFormField | null {
  switch (serverKey) {
    case 'callbackHandler.url':
      return 'url';
    case 'callbackHandler.publicKey':
    case 'callbackHandler.cert':
    case 'callbackHandler':
      return 'pem';
    default:
      return null;
  }
}
