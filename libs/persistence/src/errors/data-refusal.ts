/**
 * SQLSTATE classes and codes that say the data itself was refused (a value out of range, a constraint it breaks,
 * a row too large): the same statement with the same values fails again however often it is retried. Anything else
 * (a lost connection, a deadlock, a server restarting) may succeed on a later attempt.
 */
const DATA_EXCEPTION_CLASS = '22';
const INTEGRITY_CONSTRAINT_CLASS = '23';
const PROGRAM_LIMIT_EXCEEDED = '54000';

/** The SQLSTATE of a failed query, as TypeORM or pg report it; undefined for anything that is not a Postgres error. */
export function sqlStateOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { driverError, code } = error as { driverError?: { code?: unknown }; code?: unknown };
  const state = driverError?.code ?? code;
  return typeof state === 'string' && /^[0-9A-Z]{5}$/.test(state) ? state : undefined;
}

/** True when Postgres refused the values of the statement: retrying it unchanged can never succeed. */
export function isDataRefusal(error: unknown): boolean {
  const state = sqlStateOf(error);
  if (state === undefined) return false;
  return (
    state.startsWith(DATA_EXCEPTION_CLASS) ||
    state.startsWith(INTEGRITY_CONSTRAINT_CLASS) ||
    state === PROGRAM_LIMIT_EXCEEDED
  );
}
