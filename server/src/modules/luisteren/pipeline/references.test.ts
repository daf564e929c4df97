import { createTestApp, type TestApp } from '@test/harness';
import { buildListeningWorkspace } from '@test/listening-workspace';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlainMessage, storeMessages } from '../../channels/index';

// A match refers to its monitor and its listening item, and an item to its message, through statement triggers
// (migrations 0028, 0029) instead of foreign keys. These tests hold the triggers to what the keys guaranteed: nothing
// without what it refers to, nothing left when that goes, also when a delete runs at the same time as an insert.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function setUp() {
  const { org, as, account } = await buildListeningWorkspace(t);
  const monitor = (await as('POST', '/api/v1/monitors', { name: 'Afval', query: 'afval OF container' })).json() as { id: string };
  const ids = await storeMessages(
    t.database.db,
    t.clock,
    account,
    ['De container is weer niet geleegd', 'Afval naast de container', 'Mooi weer vandaag'].map((text, index) =>
      buildPlainMessage({
        platformId: `ref-${crypto.randomUUID()}-${index}`,
        author: { id: `a${index}`, handle: `auteur${index}`, displayName: 'Auteur', followers: 10 },
        text,
        visibility: 'openbaar',
        postedAt: t.clock.now(),
        raw: {},
      }),
    ),
    { stream: 'search' },
  );
  await t.worker.drain();
  return { org, as, monitor, ids };
}

const matchesOf = async (organisationId: string) =>
  await t.database.db
    .selectFrom('monitor_matches')
    .select(['monitor_id', 'message_id'])
    .where('organisation_id', '=', organisationId)
    .orderBy('message_id')
    .orderBy('monitor_id')
    .execute();

async function insertMatch(row: { organisation_id: string; monitor_id: string; message_id: string; posted_at?: Date }) {
  await t.database.db
    .insertInto('monitor_matches')
    .values({ posted_at: t.clock.now(), ...row })
    .execute();
}

async function failure(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error('expected the statement to be refused');
}

describe('luisteren: verwijzingen van treffers', () => {
  it('weigert een treffer zonder bestaande monitor of zonder luisteritem, ook van een andere organisatie', async () => {
    const { org, monitor, ids } = await setUp();
    const other = await setUp();
    const before = await matchesOf(org.id);
    expect(before.map((match) => match.message_id)).toEqual([ids[0], ids[1]].sort());

    const refused = [
      { organisation_id: org.id, monitor_id: crypto.randomUUID(), message_id: ids[2]! },
      // Another organisation's monitor, and another organisation's item: the keys include the organisation.
      { organisation_id: org.id, monitor_id: other.monitor.id, message_id: ids[2]! },
      { organisation_id: org.id, monitor_id: monitor.id, message_id: other.ids[2]! },
      { organisation_id: org.id, monitor_id: monitor.id, message_id: crypto.randomUUID() },
      // The match's moment is its item's: the key (monitor, moment, message) then holds a message once per monitor.
      { organisation_id: org.id, monitor_id: monitor.id, message_id: ids[0]!, posted_at: new Date(t.clock.now().getTime() - 60_000) },
    ];
    for (const row of refused) {
      const error = await failure(insertMatch(row));
      expect(error.code, JSON.stringify(row)).toBe('23503');
    }
    // One statement with one bad row among good ones changes nothing either.
    const mixed = await failure(
      t.database.db
        .insertInto('monitor_matches')
        .values([
          { organisation_id: org.id, monitor_id: monitor.id, message_id: ids[2]!, posted_at: t.clock.now() },
          { organisation_id: org.id, monitor_id: crypto.randomUUID(), message_id: ids[2]!, posted_at: t.clock.now() },
        ])
        .execute(),
    );
    expect(mixed.code).toBe('23503');
    expect(await matchesOf(org.id)).toEqual(before);

    await insertMatch({ organisation_id: org.id, monitor_id: monitor.id, message_id: ids[2]! });
    expect(await matchesOf(org.id)).toHaveLength(3);
  });

  it('weigert een luisteritem zonder bericht van de eigen organisatie', async () => {
    const { org, ids } = await setUp();
    const other = await setUp();
    const item = await t.database.db
      .selectFrom('listening_items')
      .selectAll()
      .where('organisation_id', '=', org.id)
      .where('message_id', '=', ids[2]!)
      .executeTakeFirstOrThrow();
    for (const messageId of [crypto.randomUUID(), other.ids[0]!]) {
      const error = await failure(
        t.database.db
          .insertInto('listening_items')
          .values({ ...item, message_id: messageId, simhash_bands: sql`${item.simhash_bands}::text[]` })
          .execute(),
      );
      expect(error.code, messageId).toBe('23503');
    }
    expect(await t.database.db.selectFrom('listening_items').select('message_id').where('organisation_id', '=', org.id).execute()).toHaveLength(3);
  });

  it('weigert een andere sleutel voor een bestaande treffer of een bestaand luisteritem', async () => {
    const { org, ids } = await setUp();
    const error = await failure(
      t.database.db
        .updateTable('monitor_matches')
        .set({ message_id: ids[2]! })
        .where('organisation_id', '=', org.id)
        .where('message_id', '=', ids[0]!)
        .execute(),
    );
    expect(error.code).toBe('23503');
    expect((await matchesOf(org.id)).map((match) => match.message_id)).toEqual([ids[0], ids[1]].sort());
    const itemError = await failure(
      t.database.db
        .updateTable('listening_items')
        .set({ message_id: crypto.randomUUID() })
        .where('organisation_id', '=', org.id)
        .where('message_id', '=', ids[2]!)
        .execute(),
    );
    expect(itemError.code).toBe('23503');
  });

  it('haalt de treffers weg met hun monitor, en met hun bericht (en luisteritem)', async () => {
    const { org, as, monitor, ids } = await setUp();
    const second = (await as('POST', '/api/v1/monitors', { name: 'Container', query: 'container' })).json() as { id: string };
    await t.worker.drain();
    expect(await matchesOf(org.id)).toHaveLength(4);

    await t.database.db.deleteFrom('messages').where('organisation_id', '=', org.id).where('id', '=', ids[0]!).execute();
    expect(
      await t.database.db.selectFrom('listening_items').select('message_id').where('organisation_id', '=', org.id).where('message_id', '=', ids[0]!).execute(),
    ).toEqual([]);
    expect(await matchesOf(org.id)).toEqual(
      expect.arrayContaining([
        { monitor_id: monitor.id, message_id: ids[1] },
        { monitor_id: second.id, message_id: ids[1] },
      ]),
    );
    expect(await matchesOf(org.id)).toHaveLength(2);

    expect((await as('DELETE', `/api/v1/monitors/${monitor.id}`)).statusCode).toBe(204);
    expect(await matchesOf(org.id)).toEqual([{ monitor_id: second.id, message_id: ids[1] }]);
  });

  // PGlite has one connection: there the two transactions cannot overlap.
  it.runIf(Boolean(process.env.DATABASE_URL))('laat een monitor die wordt verwijderd terwijl er treffers bij komen niets achter', async () => {
    const { org, monitor, ids } = await setUp();
    await t.database.db.deleteFrom('monitor_matches').where('organisation_id', '=', org.id).execute();
    // Two connections: the insert holds its lock on the monitor until it commits; the delete waits for it and then
    // takes the new match with it.
    let releaseInsert!: () => void;
    const insertHolds = new Promise<void>((resolve) => (releaseInsert = resolve));
    let inserted!: () => void;
    const insertDone = new Promise<void>((resolve) => (inserted = resolve));
    const inserting = t.database.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('monitor_matches')
        .values({ organisation_id: org.id, monitor_id: monitor.id, message_id: ids[2]!, posted_at: t.clock.now() })
        .execute();
      inserted();
      await insertHolds;
    });
    await insertDone;
    let deleteFinished = false;
    const deleting = t.database.db
      .transaction()
      .execute(async (trx) => {
        await sql`SET LOCAL lock_timeout = '10s'`.execute(trx);
        await trx.deleteFrom('monitors').where('organisation_id', '=', org.id).where('id', '=', monitor.id).execute();
      })
      .then(() => (deleteFinished = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(deleteFinished).toBe(false);
    releaseInsert();
    await inserting;
    await deleting;
    expect(await matchesOf(org.id)).toEqual([]);
  });
});
