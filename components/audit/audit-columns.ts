/**
 * The audit table's column headings, shared by the table and the page's loading skeleton. Not in the row's module: a
 * server component (loading.tsx) importing a value from a client module gets a reference to it, not the array.
 */
export const AUDIT_COLUMNS = ['Seq', 'Time', 'Kind', 'Actor', 'Change', 'Cosigner / key', 'Fireblocks ids', 'Details'];
