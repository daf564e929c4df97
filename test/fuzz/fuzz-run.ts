import fc from 'fast-check';
import { sql } from 'kysely';
import type { TestApp } from '../harness';
import { buildFuzzTargets, type FuzzRequest } from './fuzz-targets';
import { buildFuzzWorld } from './fuzz-world';

export interface FuzzOutcome {
  cases: number;
  serverErrors: number;
  writtenOnReject: number;
  byTarget: Map<string, { cases: number; statuses: Map<number, number> }>;
  problems: string[];
}

// Tables a refused request may write to by design: a wrong password is counted, so guessing gets slower.
const WRITTEN_BY_DESIGN = new Set(['sign_in_failures']);

// Sends `cases` generated requests (the same ones for the same seed) to every public endpoint and signed webhook, one
// at a time, and counts answers of 500 or more and refusals (4xx) after which any table holds more or fewer rows.
export async function runFuzz(t: TestApp, options: { cases: number; seed: number; onProgress?: (done: number) => void }): Promise<FuzzOutcome> {
  const world = await buildFuzzWorld(t);
  const publicRoutes = t.app.routeCatalogue.filter((route) => route.access === 'public');
  const requests = fc.sample(buildFuzzTargets(world, publicRoutes), { seed: options.seed, numRuns: options.cases });
  const countRows = await prepareRowCounter(t);
  const outcome: FuzzOutcome = { cases: 0, serverErrors: 0, writtenOnReject: 0, byTarget: new Map(), problems: [] };
  let before = await countRows();
  for (const [index, request] of requests.entries()) {
    const response = await t.app.inject({
      method: request.method,
      url: request.url,
      headers: request.headers,
      payload: request.payload,
      // Each case from an address of its own: the per-address limits would otherwise answer most of them with a 429.
      remoteAddress: `10.${200 + (index % 50)}.${Math.floor(index / 250) % 250}.${1 + (index % 250)}`,
    });
    const after = await countRows();
    outcome.cases += 1;
    const seen = outcome.byTarget.get(request.target) ?? { cases: 0, statuses: new Map() };
    seen.cases += 1;
    seen.statuses.set(response.statusCode, (seen.statuses.get(response.statusCode) ?? 0) + 1);
    outcome.byTarget.set(request.target, seen);
    if (response.statusCode >= 500) {
      outcome.serverErrors += 1;
      outcome.problems.push(`${response.statusCode} op ${describe(request)} → ${response.body.slice(0, 300)}`);
    } else if (response.statusCode >= 400) {
      const changed = [...after.entries()].filter(([table, rows]) => before.get(table) !== rows).map(([table]) => table);
      if (changed.length > 0) {
        outcome.writtenOnReject += 1;
        outcome.problems.push(`${response.statusCode} op ${describe(request)} schreef toch in ${changed.join(', ')}`);
      }
    }
    before = after;
    options.onProgress?.(index + 1);
  }
  return outcome;
}

function describe(request: FuzzRequest): string {
  const body = request.payload === undefined ? '' : ` met ${JSON.stringify(request.payload.toString().slice(0, 200))}`;
  return `${request.method} ${request.url.slice(0, 300)}${body}`;
}

// One statement that counts the rows of every table, so a case costs one extra round trip, not one per table.
async function prepareRowCounter(t: TestApp) {
  const { rows } = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'plein_%'
    ORDER BY table_name`.execute(t.database.db);
  const tables = rows.map((row) => row.name).filter((name) => !WRITTEN_BY_DESIGN.has(name));
  const statement = sql.join(
    tables.map((table) => sql`SELECT ${table} AS name, count(*)::int AS n FROM ${sql.table(table)}`),
    sql` UNION ALL `,
  );
  return async () => {
    const result = await sql<{ name: string; n: number }>`${statement}`.execute(t.database.db);
    return new Map(result.rows.map((row) => [row.name, Number(row.n)]));
  };
}

export function formatFuzzSummary(outcome: FuzzOutcome): string {
  return `fuzz cases=${outcome.cases} server_errors=${outcome.serverErrors} written_on_reject=${outcome.writtenOnReject}`;
}
