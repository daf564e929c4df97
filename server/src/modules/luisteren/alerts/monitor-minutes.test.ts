import { createTestApp, type TestApp } from '@test/harness';
import { buildListeningWorkspace } from '@test/listening-workspace';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlainMessage, storeMessages } from '../../channels/index';
import { processMessages } from '../pipeline/pipeline.service';
import { countRecent } from './alerts.repository';

// The alert detector reads counts per monitor and minute instead of the matches. These tests hold the
// counts to the matches: after ingest, a rerun, a changed query and a corrected tenor.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const setUp = () => buildListeningWorkspace(t);

const MINUTE = 60_000;

async function receive(account: Awaited<ReturnType<typeof setUp>>['account'], posts: Array<{ text: string; minutesAgo: number }>) {
  const ids = await storeMessages(
    t.database.db,
    t.clock,
    account,
    posts.map((post, index) =>
      buildPlainMessage({
        platformId: `mm-${crypto.randomUUID()}-${index}`,
        author: { id: `a${index}`, handle: `auteur${index}`, displayName: `Auteur ${index}`, followers: 10 },
        text: post.text,
        hashtags: [],
        geo: null,
        language: null,
        visibility: 'openbaar',
        postedAt: new Date(t.clock.now().getTime() - post.minutesAgo * MINUTE),
        raw: {},
      }),
    ),
    { stream: 'search' },
  );
  await t.worker.drain();
  return ids;
}

// Per monitor: what the minutes add up to, and what the matches say directly.
async function countsOf(organisationId: string, monitorId: string) {
  const minutes = await t.database.db
    .selectFrom('monitor_minutes')
    .select([sql<number>`coalesce(sum(items), 0)::int`.as('items'), sql<number>`coalesce(sum(critical), 0)::int`.as('critical')])
    .where('organisation_id', '=', organisationId)
    .where('monitor_id', '=', monitorId)
    .executeTakeFirstOrThrow();
  const matches = await t.database.db
    .selectFrom('monitor_matches as mm')
    .innerJoin('listening_items as li', (join) => join.onRef('li.organisation_id', '=', 'mm.organisation_id').onRef('li.message_id', '=', 'mm.message_id'))
    .select([sql<number>`count(*)::int`.as('items'), sql<number>`(count(*) FILTER (WHERE li.tenor = 'kritiek'))::int`.as('critical')])
    .where('mm.organisation_id', '=', organisationId)
    .where('mm.monitor_id', '=', monitorId)
    .executeTakeFirstOrThrow();
  return { minutes, matches };
}

describe('luisteren: tellingen per monitor en minuut', () => {
  it('telt wat een monitor vindt per minuut, één keer, ook als de job opnieuw draait', async () => {
    const { org, as, account } = await setUp();
    const monitor = (await as('POST', '/api/v1/monitors', { name: 'Afval', query: 'afval OF container' })).json();
    await t.worker.drain();
    const ids = await receive(account, [
      { text: 'De container bij de school is weer niet geleegd, schandalig!', minutesAgo: 3 },
      { text: 'Afval naast de container, wat een troep', minutesAgo: 3 },
      { text: 'Fijn dat het afval vandaag op tijd is opgehaald', minutesAgo: 0 },
      { text: 'Mooi weer vandaag in Castricum', minutesAgo: 0 },
    ]);
    const counts = await countsOf(org.id, monitor.id);
    expect(counts.minutes).toEqual(counts.matches);
    expect(counts.minutes.items).toBe(3);

    // A retried job and a backfill over the same messages add nothing.
    await processMessages(t.database.db, t.clock, org.id, ids);
    await t.database.db
      .insertInto('jobs')
      .values({
        organisation_id: org.id,
        name: 'luisteren.verwerken',
        payload: JSON.stringify({ messageIds: ids }),
        run_at: t.clock.now(),
        created_at: t.clock.now(),
      })
      .execute();
    await t.worker.drain();
    expect((await countsOf(org.id, monitor.id)).minutes.items).toBe(3);

    // The windows of the detector come from the minutes: three in the last five minutes, one in the last.
    const recent = await countRecent(t.database.db, org.id, monitor.id, t.clock.now());
    expect(recent).toMatchObject({ last5: 3, last15: 3, lastHour: 3, earlier: 0 });
    expect(recent.last1).toBe(1);
    expect(recent.partialMinute).toBeGreaterThanOrEqual(0);
    expect(recent.partialMinute).toBeLessThan(1);
  });

  it('telt opnieuw na een gewijzigde zoekvraag, en volgt een verbeterde tenor', async () => {
    const { org, as, account } = await setUp();
    const monitor = (await as('POST', '/api/v1/monitors', { name: 'Verkeer', query: 'drempel OF fietspad' })).json();
    await t.worker.drain();
    const ids = await receive(account, [
      { text: 'Het nieuwe fietspad langs de Zeeweg is prachtig geworden', minutesAgo: 10 },
      { text: 'Die drempel bij de Dorpsstraat is levensgevaarlijk, belachelijk', minutesAgo: 2 },
      { text: 'Wanneer wordt de parkeerplaats bij het station opgeknapt?', minutesAgo: 2 },
    ]);
    expect((await countsOf(org.id, monitor.id)).minutes.items).toBe(2);

    const changed = await as('PATCH', `/api/v1/monitors/${monitor.id}`, { query: 'drempel OF fietspad OF parkeerplaats' });
    expect(changed.statusCode, changed.body).toBe(200);
    await t.worker.drain();
    let counts = await countsOf(org.id, monitor.id);
    expect(counts.minutes).toEqual(counts.matches);
    expect(counts.minutes.items).toBe(3);

    // Corrected to kritiek and back: the minute's kritiek count follows, twice the same correction once.
    const question = ids[2]!;
    const before = counts.minutes.critical;
    expect((await as('PATCH', `/api/v1/luisteren/items/${question}`, { tenor: 'kritiek' })).statusCode).toBe(200);
    expect((await as('PATCH', `/api/v1/luisteren/items/${question}`, { tenor: 'kritiek' })).statusCode).toBe(200);
    counts = await countsOf(org.id, monitor.id);
    expect(counts.minutes).toEqual(counts.matches);
    expect(counts.minutes.critical).toBe(before + 1);
    expect((await as('POST', '/api/v1/luisteren/beoordelingen', { messageIds: ids, tenor: 'neutraal' })).statusCode).toBe(200);
    counts = await countsOf(org.id, monitor.id);
    expect(counts.minutes).toEqual(counts.matches);
    expect(counts.minutes.critical).toBe(0);

    // Removing the monitor takes its counts with it.
    expect((await as('DELETE', `/api/v1/monitors/${monitor.id}`)).statusCode).toBe(204);
    expect(
      await t.database.db.selectFrom('monitor_minutes').select('minute').where('organisation_id', '=', org.id).where('monitor_id', '=', monitor.id).execute(),
    ).toEqual([]);
  });
});
