import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

// A file's name says what it is (ARCHITECTURE.md, "Names"): <what>.<role>.ts. Entry points keep their usual names.
const ROLES = [
  'routes', // HTTP routes: parse, call a service, answer
  'service', // what the product does: checks, transactions, calls to repositories and other modules' index
  'repository', // SQL for the owner's own tables, always for one organisation
  'jobs', // job handlers and their registration
  'rules', // pure rules and calculations without I/O (termijnen, the policy, tenor, matching)
  'data', // fixed tables of facts (lexicons, default categories, keyword lists)
  'views', // records shaped into what the API shows
  'mail', // the texts of e-mails
  'pdf',
  'csv',
  'xml', // documents in that format
  'client', // speaks a protocol to something outside (a platform's API, IMAP, SMTP, OpenID, the database)
  'mapping', // what a platform sent turned into Plein's message
  'connector', // one platform behind the Connector interface
  'registry', // the list of connectors
  'schema', // Kysely table types
  'types', // types only
  'errors', // error classes
  'commands', // command-line commands
  'config', // fixed settings
  'server', // the Fastify app
  'test',
];
const ENTRY_POINTS = ['index.ts', 'main.ts', 'start.ts', 'runtime.ts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

it('geeft elk bestand van de server een rol in zijn naam', () => {
  const root = join(import.meta.dirname);
  const suffix = new RegExp(`\\.(${ROLES.join('|')})\\.ts$`);
  const nameless = sourceFiles(root)
    .filter((path) => !ENTRY_POINTS.some((name) => path.endsWith(`/${name}`)) && !suffix.test(path))
    .map((path) => relative(root, path));
  expect(nameless).toEqual([]);
  expect(suffix.test('tenor.ts')).toBe(false);
});
