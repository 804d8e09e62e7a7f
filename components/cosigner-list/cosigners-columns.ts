/** Column headings of the cosigners table, shared with its loading skeleton. */
export const COSIGNER_COLUMNS = ['Name', 'ID', 'Type', 'Version', 'Status'];
