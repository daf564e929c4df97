// How deep a request's JSON may nest. No form or client app of Plein's needs more than a few levels; a body of
// thousands of nested arrays parses fine but exhausts the stack of every recursive walk after it (the text check, the
// validators), which answered 500.
export const MAX_INPUT_DEPTH = 32;

// Walks with an explicit stack, so the check itself cannot overflow on the input it exists to refuse.
export function isNestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const { value: current, depth } = pending.pop()!;
    if (current === null || typeof current !== 'object' || Buffer.isBuffer(current)) continue;
    if (depth >= limit) return true;
    for (const item of Array.isArray(current) ? current : Object.values(current)) pending.push({ value: item, depth: depth + 1 });
  }
  return false;
}
