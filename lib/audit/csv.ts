import type { AuditEvent } from './audit-event-schema';

/**
 * The CSV export's one row per event: flat columns (the actor spread out; before/after/detail as their JSON text),
 * RFC 4180 quoting. Written here rather than with a CSV library: quoting is the whole job, it is a few lines, and
 * the export builds each batch's text synchronously inside its own pull-based stream (lib/audit/export.ts), where a
 * library's Node stream would add a second buffer and its own backpressure to reconcile. csv-parse reads it back in
 * the tests.
 */
export const AUDIT_CSV_COLUMNS = [
  'seq',
  'at',
  'kind',
  'actor_sub',
  'actor_email',
  'actor_name',
  'actor_role',
  'actor_iss',
  'change_id',
  'cosigner_id',
  'api_key_id',
  'request_id',
  'fireblocks_request_id',
  'fireblocks_async_request_id',
  'before',
  'after',
  'detail',
  'prev_hash',
  'hash',
] as const;

/**
 * A spreadsheet runs a cell starting with one of these as a formula ("CSV injection"): reasons and names come from
 * people, so such a cell gets a leading `'`, which spreadsheets show as text (OWASP's advice). The JSONL export is
 * the exact record; the CSV is for reading.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A formula start anywhere a spreadsheet might begin a cell. A spreadsheet whose locale separates cells with `;`
 * (or a tab, or `|`) splits this file's lines there and not at its commas, so our quoting no longer lines up and a
 * `;` inside a quoted cell starts a new cell: `ok;=1+1;ok` in a reason would run `=1+1`. So a `'` goes before any
 * `=`, `+`, `-` or `@` that follows a `,`, `;`, tab, `|` or line break, past any spaces and quotes in between (a
 * misaligned quote may open a cell of its own). The text stays readable; the JSONL export keeps it exact.
 */
const FORMULA_AFTER_SPLIT = /([,;\t|\r\n][ "]*)(?=[=+\-@])/g;

/** One cell: quoted when it holds a comma, quote, CR or LF (quotes doubled); null is an empty cell. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string') {
    text = text.replace(FORMULA_AFTER_SPLIT, "$1'");
    if (FORMULA_START.test(text)) text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A line of cells with CRLF, as RFC 4180 has it. */
export const csvLine = (cells: ReadonlyArray<string | number | null>) => `${cells.map(csvCell).join(',')}\r\n`;

const jsonOrNull = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

export function auditEventCsvLine(event: AuditEvent): string {
  const a = event.actor;
  return csvLine([
    event.seq,
    event.at,
    event.kind,
    a?.sub ?? null,
    a?.email ?? null,
    a?.name ?? null,
    a?.role ?? null,
    a?.iss ?? null,
    event.changeId,
    event.cosignerId,
    event.apiKeyId,
    event.requestId,
    event.fireblocksRequestId,
    event.fireblocksAsyncRequestId,
    jsonOrNull(event.before),
    jsonOrNull(event.after),
    jsonOrNull(event.detail),
    event.prevHash,
    event.hash,
  ]);
}
