// What a PostgreSQL error says about the statement that raised it, by its SQLSTATE (the same on pg and PGlite).
function sqlStateOf(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

export function isUniqueViolation(error: unknown): boolean {
  return sqlStateOf(error) === '23505';
}

// The values themselves cannot be stored — a data exception (class 22: a date out of range, bad encoding), a
// constraint they break (class 23) or a limit they exceed (class 54: a key too large for its index) — as opposed to a
// database that is down, busy or timed out, where the same statement may succeed later. A value JavaScript cannot
// turn into SQL at all (a BigInt in JSON) counts too.
export function isUnstorableValue(error: unknown): boolean {
  const state = sqlStateOf(error);
  if (state) return ['22', '23', '54'].includes(state.slice(0, 2));
  return error instanceof TypeError || error instanceof RangeError;
}
