import pg from 'pg';

// Statements about whole databases (CREATE/DROP DATABASE) on a PostgreSQL server, via its postgres database.
export async function runAdminStatementOn(server: string, statement: string) {
  const client = new pg.Client({ connectionString: `${server}/postgres` });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export function getServerUrl(databaseUrl: string): string {
  return databaseUrl.replace(/\/[^/]*$/, '');
}

// The migrated database on the PostgreSQL server that test databases are copied from (made by global-setup).
export function derivePgTemplateName(databaseUrl: string): string {
  return `${new URL(databaseUrl).pathname.slice(1)}_sjabloon`;
}
