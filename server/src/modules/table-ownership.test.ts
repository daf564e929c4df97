import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { openTestDatabase } from '@test/harness';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';

// A table belongs to one module (ARCHITECTURE.md, the module map): only the owner's code reads or writes it.
// Others read what the owner publishes as a view, and never write a view. The owners come from the map itself,
// so the map cannot drift from the database or from the code.

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SOURCE = join(ROOT, 'server', 'src');

interface Ownership {
  owner: Map<string, string>;
  views: Set<string>;
}

function readModuleMap(): Ownership {
  const owner = new Map<string, string>();
  const views = new Set<string>();
  const duplicates: string[] = [];
  for (const line of readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8').split('\n')) {
    const row = /^\| `([a-z0-9]+)\/?` [^|]*\| [^|]+ \| ([^|]+) \| [^|]+ \|$/.exec(line);
    if (!row) continue;
    const name = row[1] as string;
    const [tables = '', published = ''] = (row[2] as string).split('publishes the views');
    for (const [, table = ''] of tables.matchAll(/`([a-z0-9_]+)`/g)) {
      if (owner.has(table)) duplicates.push(table);
      owner.set(table, name);
    }
    for (const [, view = ''] of published.matchAll(/`([a-z0-9_]+)`/g)) {
      owner.set(view, name);
      views.add(view);
    }
  }
  expect(duplicates, 'een tabel staat bij twee modules').toEqual([]);
  return { owner, views };
}

function productionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return productionFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

// platform/… is the foundation; modules/<name>/… is that module; the CLI and the runtime only call services.
function ownerOfFile(path: string): string {
  const parts = relative(SOURCE, path).split(sep);
  if (parts[0] === 'modules' && parts.length > 2) return parts[1] as string;
  return parts[0] as string;
}

const KYSELY = /\b(selectFrom|innerJoin|leftJoin|rightJoin|fullJoin|insertInto|updateTable|deleteFrom|mergeInto)\(\s*'([a-z0-9_]+)(?: as \w+)?'/g;
// Raw SQL is written with upper-case keywords; comments in prose use lower case and are not matched.
const RAW = /\b(FROM|JOIN|UPDATE|INSERT INTO|DELETE FROM|TABLE)\s+([a-z][a-z0-9_]*)\b/g;
const WRITES = new Set(['insertInto', 'updateTable', 'deleteFrom', 'mergeInto', 'UPDATE', 'INSERT INTO', 'DELETE FROM', 'TABLE']);

function tableUses(source: string) {
  const uses: { verb: string; table: string }[] = [];
  for (const [, verb = '', table = ''] of source.matchAll(KYSELY)) uses.push({ verb, table });
  for (const [, verb = '', table = ''] of source.matchAll(RAW)) uses.push({ verb, table });
  return uses;
}

describe('wie welke tabel gebruikt', () => {
  const { owner, views } = readModuleMap();

  it('noemt in ARCHITECTURE.md elke tabel en view van de database precies één keer, bij zijn eigenaar', async () => {
    const database = await openTestDatabase();
    try {
      const relations = await sql<{ name: string }>`
        SELECT c.relname AS name FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
        WHERE c.relkind IN ('r', 'p', 'v') AND NOT c.relispartition`.execute(database.db);
      const names = relations.rows.map((row) => row.name).sort();
      expect(names.length).toBeGreaterThan(60);
      expect(names.filter((name) => !owner.has(name))).toEqual([]);
      expect([...owner.keys()].filter((name) => !names.includes(name))).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it('laat een module alleen haar eigen tabellen lezen en schrijven, en van anderen alleen hun views lezen', () => {
    const trespasses: string[] = [];
    for (const file of productionFiles(SOURCE)) {
      const reader = ownerOfFile(file);
      for (const { verb, table } of tableUses(readFileSync(file, 'utf8'))) {
        const tableOwner = owner.get(table);
        if (!tableOwner) continue;
        const where = `${relative(ROOT, file)}: ${verb} ${table}`;
        if (views.has(table) && WRITES.has(verb)) trespasses.push(`${where} (een view wordt niet geschreven)`);
        else if (!views.has(table) && tableOwner !== reader) trespasses.push(`${where} (van ${tableOwner})`);
      }
    }
    expect(trespasses).toEqual([]);
  });

  it('ziet een overtreding wanneer die er is', () => {
    expect(tableUses("db.selectFrom('messages as m').innerJoin('published_users as u', …)")).toEqual([
      { verb: 'selectFrom', table: 'messages' },
      { verb: 'innerJoin', table: 'published_users' },
    ]);
    expect(tableUses('sql`UPDATE published_messages SET x = 1 FROM users`')).toEqual([
      { verb: 'UPDATE', table: 'published_messages' },
      { verb: 'FROM', table: 'users' },
    ]);
  });
});
