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

/** Message for unknown keys, for `z.strictObject(..., { error: unknownFieldsError })`. */
export function unknownFieldsError(issue: { code?: string; keys?: readonly string[] }): string | undefined {
  if (issue.code !== 'unrecognized_keys') return undefined;
  const keys = issue.keys ?? [];
  const named = keys.filter((key) => SAFE_KEY.test(key));
  return named.length === keys.length
    ? `Unknown field${keys.length > 1 ? 's' : ''}: ${named.join(', ')}.`
    : 'Unknown fields are not accepted.';
}

/**
 * Zod issues to `{ "callbackHandler.url": message, ... }`: first message per path wins. Unknown keys
 * get an entry each under their own path when their names are safe to repeat.
 */
export function issuesToFields(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  const put = (key: string, message: string): void => {
    fields[key] ??= message;
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        if (SAFE_KEY.test(key)) put(pathKey([...issue.path, key]), 'Unknown field: remove it.');
        else put(pathKey(issue.path), 'Unknown fields are not accepted.');
      }
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
