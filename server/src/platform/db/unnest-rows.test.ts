import { openScratchDatabase } from '@test/harness';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from './database.client';
import { toUuidArray, unnestRows } from './unnest-rows.rules';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openScratchDatabase();
  await sql`CREATE TABLE proef_rijen (id uuid, naam text, aantal integer, score real, geldig boolean, op timestamptz, gegevens jsonb, banden text[])`.execute(
    handle.db,
  );
});
afterAll(async () => handle.close());

it('zet rijen als kolommen over, ook lastige tekst, lege en ontbrekende waarden', async () => {
  const rows = [
    {
      id: '00000000-0000-4000-8000-000000000001',
      naam: 'Brand "Castricum", rook\\as {a,b}',
      aantal: 3,
      score: 0.5,
      geldig: true,
      op: new Date('2026-11-22T10:00:00Z'),
      gegevens: { tekst: 'a "b"', lijst: [1, 2] },
      banden: ['0:ab', 'met "quote"', 'komma,en{accolade}', 'NULL'],
    },
    { id: '00000000-0000-4000-8000-000000000002', naam: null, aantal: null, score: null, geldig: false, op: null, gegevens: null, banden: [] },
    {
      id: '00000000-0000-4000-8000-000000000003',
      naam: '',
      aantal: 0,
      score: 0,
      geldig: null,
      op: new Date('2026-01-01T00:00:00Z'),
      gegevens: [],
      banden: null,
    },
    {
      id: '00000000-0000-4000-8000-000000000004',
      naam: 'regel\nnieuwe regel\ttab \u00e9 😀 \u0001 letterlijk \\n en \\"',
      aantal: -7,
      score: 1e-3,
      geldig: true,
      op: null,
      gegevens: { genest: { a: null, tekst: 'twee\nregels \\ "x"' } },
      banden: ['\\', 'a\nb', null],
    },
  ];
  const { columns, expression } = unnestRows(rows, {
    id: 'uuid',
    naam: 'text',
    aantal: 'integer',
    score: 'real',
    geldig: 'boolean',
    op: 'timestamptz',
    gegevens: 'jsonb',
    banden: 'text[]',
  });
  await sql`INSERT INTO proef_rijen (${sql.raw(columns.join(', '))}) ${expression}`.execute(handle.db);
  const stored = (await sql<Record<string, unknown>>`SELECT * FROM proef_rijen ORDER BY id`.execute(handle.db)).rows;
  expect(stored).toHaveLength(4);
  expect(stored.map((row) => ({ ...row, op: row.op === null ? null : new Date(row.op as string).toISOString() }))).toEqual(
    rows.map((row) => ({ ...row, op: row.op?.toISOString() ?? null })),
  );
});

it('neemt een jsonb-waarde als waarde: een tekst blijft een JSON-tekenreeks, velden die geen kolom zijn tellen niet', async () => {
  const { columns, expression } = unnestRows([{ id: '00000000-0000-4000-8000-000000000009', gegevens: 'gewoon tekst', overbodig: 'wordt genegeerd' }], {
    id: 'uuid',
    gegevens: 'jsonb',
  });
  await sql`INSERT INTO proef_rijen (${sql.raw(columns.join(', '))}) ${expression}`.execute(handle.db);
  const stored = (
    await sql<{ gegevens: unknown; naam: unknown }>`SELECT gegevens, naam FROM proef_rijen WHERE id = '00000000-0000-4000-8000-000000000009'`.execute(handle.db)
  ).rows;
  expect(stored).toEqual([{ gegevens: 'gewoon tekst', naam: null }]);
});

it('bewaart een moment tot op de milliseconde, ook voor 1970, als Date of als ISO-tekst', async () => {
  const moments = ['2026-11-22T10:00:00.123Z', '1969-07-20T20:17:40.999Z', '1700-03-01T00:00:00.001Z', '2239-12-31T23:59:59.999Z', '2026-03-29T01:59:59.999Z'];
  const rows = moments.map((at, index) => ({ id: `00000000-0000-4000-8000-00000000010${index}`, op: index % 2 === 0 ? new Date(at) : at }));
  const { columns, expression } = unnestRows(rows, { id: 'uuid', op: 'timestamptz' });
  await sql`INSERT INTO proef_rijen (${sql.raw(columns.join(', '))}) ${expression}`.execute(handle.db);
  const stored = (
    await sql<{
      op: string;
    }>`SELECT to_char(op AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS op FROM proef_rijen WHERE id::text LIKE '%00000000010_' ORDER BY id`.execute(
      handle.db,
    )
  ).rows;
  expect(stored.map((row) => row.op)).toEqual(moments.map((at) => at.replace('Z', '000Z')));
});

it('stuurt een kolom met overal dezelfde waarde één keer mee, van elk type, ook leeg', async () => {
  const rows = [1, 2, 3].map((n) => ({
    id: `00000000-0000-4000-8000-00000000020${n}`,
    naam: 'zelfde "naam", {a}',
    aantal: 5,
    score: null,
    geldig: true,
    op: new Date('2026-11-22T10:00:00.5Z'),
    gegevens: { a: ['x "y"'] },
    banden: ['p,q', 'r'],
  }));
  const { columns, expression } = unnestRows(rows, {
    id: 'uuid',
    naam: 'text',
    aantal: 'integer',
    score: 'real',
    geldig: 'boolean',
    op: 'timestamptz',
    gegevens: 'jsonb',
    banden: 'text[]',
  });
  // Only the first column is an array; the others are one value each.
  expect(sql`${expression}`.compile(handle.db).sql).toMatch(/FROM unnest\(\$\d+::uuid\[\]\) AS u\(c0\)$/);
  await sql`INSERT INTO proef_rijen (${sql.raw(columns.join(', '))}) ${expression}`.execute(handle.db);
  const stored = (await sql<Record<string, unknown>>`SELECT * FROM proef_rijen WHERE id::text LIKE '%00000000020_' ORDER BY id`.execute(handle.db)).rows;
  expect(stored.map((row) => ({ ...row, op: new Date(row.op as string).toISOString() }))).toEqual(rows.map((row) => ({ ...row, op: row.op.toISOString() })));
});

it('schrijft een lijst ids als één uuid[]-parameter', async () => {
  const ids = ['00000000-0000-4000-8000-000000000001', '01a20675-6007-761f-b2e9-006d7824072c'];
  const rows = (await sql<{ id: string }>`SELECT unnest(${toUuidArray(ids)}) AS id`.execute(handle.db)).rows;
  expect(rows.map((row) => row.id)).toEqual(ids);
  expect((await sql<{ n: number }>`SELECT cardinality(${toUuidArray([])}) AS n`.execute(handle.db)).rows[0]!.n).toBe(0);
});
