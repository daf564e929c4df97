import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openScratchDatabase } from '../../../../test/harness';
import type { DatabaseHandle } from './database';
import { unnestRows, uuidArray } from './unnest-rows';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openScratchDatabase();
  await sql`CREATE TABLE proef_rijen (id uuid, naam text, aantal integer, score real, geldig boolean, op timestamptz, gegevens jsonb, banden text[])`.execute(handle.db);
});
afterAll(async () => handle.close());

it('zet rijen als kolommen over, ook lastige tekst, lege en ontbrekende waarden', async () => {
  const rows = [
    { id: '00000000-0000-4000-8000-000000000001', naam: 'Brand "Castricum", rook\\as {a,b}', aantal: 3, score: 0.5, geldig: true, op: new Date('2026-11-22T10:00:00Z'), gegevens: { tekst: 'a "b"', lijst: [1, 2] }, banden: ['0:ab', 'met "quote"', 'komma,en{accolade}', 'NULL'] },
    { id: '00000000-0000-4000-8000-000000000002', naam: null, aantal: null, score: null, geldig: false, op: null, gegevens: null, banden: [] },
    { id: '00000000-0000-4000-8000-000000000003', naam: '', aantal: 0, score: 0, geldig: null, op: new Date('2026-01-01T00:00:00Z'), gegevens: [], banden: null },
    { id: '00000000-0000-4000-8000-000000000004', naam: 'regel\nnieuwe regel\ttab \u00e9 😀 \u0001 letterlijk \\n en \\"', aantal: -7, score: 1e-3, geldig: true, op: null, gegevens: { genest: { a: null, tekst: 'twee\nregels \\ "x"' } }, banden: ['\\', 'a\nb', null] },
  ];
  const { columns, expression } = unnestRows(rows, { id: 'uuid', naam: 'text', aantal: 'integer', score: 'real', geldig: 'boolean', op: 'timestamptz', gegevens: 'jsonb', banden: 'text[]' });
  await sql`INSERT INTO proef_rijen (${sql.raw(columns.join(', '))}) ${expression}`.execute(handle.db);
  const stored = (await sql<Record<string, unknown>>`SELECT * FROM proef_rijen ORDER BY id`.execute(handle.db)).rows;
  expect(stored).toHaveLength(4);
  expect(stored.map((row) => ({ ...row, op: row.op === null ? null : new Date(row.op as string).toISOString() }))).toEqual(
    rows.map((row) => ({ ...row, op: row.op?.toISOString() ?? null })),
  );
});

it('neemt een jsonb-waarde als waarde: een tekst blijft een JSON-tekenreeks, velden die geen kolom zijn tellen niet', async () => {
  const { columns, expression } = unnestRows([{ id: '00000000-0000-4000-8000-000000000009', gegevens: 'gewoon tekst', overbodig: 'wordt genegeerd' }], { id: 'uuid', gegevens: 'jsonb' });
  await sql`INSERT INTO proef_rijen (${sql.raw(columns.join(', '))}) ${expression}`.execute(handle.db);
  const stored = (await sql<{ gegevens: unknown; naam: unknown }>`SELECT gegevens, naam FROM proef_rijen WHERE id = '00000000-0000-4000-8000-000000000009'`.execute(handle.db)).rows;
  expect(stored).toEqual([{ gegevens: 'gewoon tekst', naam: null }]);
});

it('schrijft een lijst ids als één uuid[]-parameter', async () => {
  const ids = ['00000000-0000-4000-8000-000000000001', '01a20675-6007-761f-b2e9-006d7824072c'];
  const rows = (await sql<{ id: string }>`SELECT unnest(${uuidArray(ids)}) AS id`.execute(handle.db)).rows;
  expect(rows.map((row) => row.id)).toEqual(ids);
  expect((await sql<{ n: number }>`SELECT cardinality(${uuidArray([])}) AS n`.execute(handle.db)).rows[0]!.n).toBe(0);
});
