import 'server-only';

/**
 * Constraint violations, recognised on both drivers: pg reports SQLSTATE codes (and the constraint's name),
 * better-sqlite3 reports extended result codes (and the columns, not the index name, in its message).
 */
interface DriverError {
  code?: unknown;
  constraint?: unknown;
}

const codeOf = (error: unknown) =>
  typeof error === 'object' && error !== null ? (error as DriverError).code : undefined;

/** A UNIQUE or PRIMARY KEY violation, on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** A CHECK violation (a change state outside the list, a proposer approving their own change), on either engine. */
export function isCheckViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === '23514' || code === 'SQLITE_CONSTRAINT_CHECK';
}
