import { type Expression, type RawBuilder, sql } from 'kysely';

// PostgreSQL types a column can be sent as, one array per column.
export type ColumnType = 'uuid' | 'text' | 'integer' | 'real' | 'double precision' | 'boolean' | 'timestamptz' | 'jsonb' | 'text[]';

// Bulk rows as one array per column (`SELECT * FROM unnest($1::uuid[], $2::text[], …)`) instead of a VALUES list
// with a parameter per cell: a thousand rows cost a handful of parameters, so the server parses and plans one short
// statement. Measured on the ingest path (bench/ingest), where it matters:
// - the server reads column arrays in about half the time it takes to read the same rows as one JSON document
//   (json_to_recordset: 12 µs more per listening item);
// - the array literals are written by one native JSON.stringify per column (see arrayLiteral) rather than by the
//   driver, which escapes every element in JavaScript and took a third of the ingest process's time.
// - a column with the same value in every row (the organisation, the account, the batch's moment of receipt) is
//   sent once, as a parameter of its own, instead of as an array the server parses element by element.
// A jsonb column takes the value itself (an object, an array), not its JSON text.
// Use with `insertInto(t).columns(c).expression(…)`.
export function unnestRows<Row extends Record<string, unknown>, Column extends keyof Row & string>(
  rows: Row[],
  columns: Record<Column, ColumnType>,
): { columns: Column[]; expression: Expression<unknown> } {
  const names = Object.keys(columns) as Column[];
  const arrays: RawBuilder<unknown>[] = [];
  const aliases: string[] = [];
  const selected = names.map((name, index) => {
    const type = columns[name];
    const values = rows.map(elementOf(name, type));
    // The first column always travels as an array: unnest() needs one to make as many rows.
    if (index > 0 && rows.length > 1 && values.every((value) => value === values[0])) return columnOut(type, sql`${values[0]}::${sql.raw(travelType(type))}`);
    // unnest() flattens a two-dimensional array, so a text[] column travels as the text of its literal and is cast
    // back per row.
    arrays.push(sql`${arrayLiteral(values)}::${sql.raw(travelType(type))}[]`);
    aliases.push(`c${index}`);
    return columnOut(type, sql.raw(`c${index}`));
  });
  const expression: RawBuilder<unknown> = sql`SELECT ${sql.join(selected)} FROM unnest(${sql.join(arrays)}) AS u(${sql.raw(aliases.join(', '))})`;
  return { columns: names, expression };
}

// The type an element travels as: a text array as the text of its literal, a moment as its milliseconds since 1970.
function travelType(type: ColumnType) {
  if (type === 'text[]') return 'text';
  if (type === 'timestamptz') return 'bigint';
  return type;
}

// What a column's element is made into again on the server: a text array from the text of its literal, a moment
// from its milliseconds (exact to the millisecond for the years 1700 to 2240).
function columnOut(type: ColumnType, element: RawBuilder<unknown>) {
  if (type === 'text[]') return sql`${element}::text[]`;
  if (type === 'timestamptz') return sql`to_timestamp(${element}::double precision / 1000)`;
  return element;
}

// How one column's value travels before the column is written: as it is where JSON.stringify writes what PostgreSQL
// reads (strings, numbers, booleans, null), jsonb as its JSON text, a text array as the text of its own literal, a
// moment as its milliseconds: Date's toJSON (an ISO text) took more than half of a message row's serialisation.
// Chosen once per column: this runs for every cell of a burst.
function elementOf(name: string, type: ColumnType): (row: Record<string, unknown>) => unknown {
  if (type === 'timestamptz') {
    return (row) => {
      const value = row[name];
      if (value === null || value === undefined) return null;
      return value instanceof Date ? value.getTime() : new Date(value as string).getTime();
    };
  }
  if (type === 'jsonb') return (row) => (row[name] === null || row[name] === undefined ? null : JSON.stringify(row[name]));
  if (type === 'text[]') {
    return (row) => {
      const value = row[name] as unknown[] | null | undefined;
      return value === null || value === undefined ? null : arrayLiteral(value.map((item) => (item === null || item === undefined ? null : String(item))));
    };
  }
  return (row) => row[name] ?? null;
}

// A uuid[] parameter written as one literal (see arrayLiteral) rather than by the driver, for the pipeline's
// lookups of thousands of ids at once: `WHERE id = ANY(${uuidArray(ids)})`.
export function toUuidArray(ids: readonly string[]): RawBuilder<string[]> {
  return sql<string[]>`${arrayLiteral(ids as string[])}::uuid[]`;
}

// A JSON array is nearly a PostgreSQL array literal: strings in double quotes with \" and \\ inside, null, numbers,
// true and false all read the same. Only the brackets differ, and JSON's escapes for control characters (\n, \t,
// \u0001): inside an array literal a backslash takes the next character as it is, so those are written out again.
const JSON_CONTROL_ESCAPE = /\\[bfnrtu]/;
const JSON_ESCAPE = /\\(u[0-9a-fA-F]{4}|[bfnrt"\\/])/g;
const CONTROL: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function arrayLiteral(values: unknown[]) {
  let json = JSON.stringify(values);
  if (JSON_CONTROL_ESCAPE.test(json)) {
    json = json.replace(JSON_ESCAPE, (escaped, code: string) => {
      if (code.length === 5) return String.fromCharCode(Number.parseInt(code.slice(1), 16));
      return CONTROL[code] ?? escaped;
    });
  }
  return `{${json.slice(1, -1)}}`;
}
