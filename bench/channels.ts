// bench/channels: the simulator's crisis traffic → stored messages per second, through the same
// idempotent ingest path polls and webhooks use (storeMessages: dedupe on platform id, one transaction
// per batch). Baseline in the same run: a plain multi-row INSERT of equally many generated rows, the
// floor no ingest path can go below. Runs on the embedded PGlite (npm start's default).
import { systemClock } from '@platform/clock.service';
import { openDatabase } from '@platform/db/database.client';
import { migrate } from '@platform/db/migrate.service';
import { createOrganisation } from '@platform/organisations/organisations.service';
import { insertAccount } from '../server/src/modules/channels/accounts.repository';
import { simulate } from '../server/src/modules/channels/connectors/simulator/scenario.service';
import { resolveSimulationTarget } from '../server/src/modules/channels/connectors/simulator/simulator.connector';
import { storeMessages } from '../server/src/modules/channels/ingest.service';
import { subscribeModulesToStoredMessages } from '../server/src/modules/index';

const BATCH = 1_000;

export async function benchChannels(total: number) {
  const handle = await openDatabase({});
  try {
    subscribeModulesToStoredMessages();
    await migrate(handle);
    const db = handle.db;
    const { organisation, municipalities } = await createOrganisation(db, {
      slug: `bench-${Date.now().toString(36)}`,
      name: 'Bench',
      municipalities: [{ name: 'Castricum', cbsCode: 'GM0383', inhabitants: 36_500 }],
    });
    const municipality = municipalities[0]!;
    const account = async (handleName: string) =>
      insertAccount(db, organisation.id, {
        municipality_id: municipality.id,
        channel: 'gesimuleerd',
        handle: handleName,
        settings: JSON.stringify({}),
        secrets_sealed: null,
        service_url: null,
        owner_user_id: null,
      });
    const ingestAccount = await account('ingest');
    const baselineAccount = await account('baseline');
    // The crisis script at its peak: thousands of posts a second over a large area.
    const target = resolveSimulationTarget({
      id: ingestAccount.id,
      organisationId: organisation.id,
      municipalityId: municipality.id,
      channel: 'gesimuleerd',
      handle: 'gemeentecastricum',
      serviceUrl: null,
      settings: { scenario: 'crisis-brand', perHour: 3_600_000 / 150, startedAt: '2026-11-22T12:00:00Z', municipalityName: 'Castricum' },
      secrets: {},
    });
    let second = Date.parse('2026-11-22T12:20:00Z') / 1000;

    const generatedStarted = performance.now();
    const batches = [];
    let generated = 0;
    while (generated < total) {
      const { messages, nextSecond } = simulate(target, second, second + 3_600, Math.min(BATCH, total - generated));
      second = nextSecond;
      generated += messages.length;
      batches.push(messages);
    }
    const generateSeconds = (performance.now() - generatedStarted) / 1000;

    const ingestStarted = performance.now();
    let stored = 0;
    for (const batch of batches) {
      stored += (await db.transaction().execute((trx) => storeMessages(trx, systemClock, ingestAccount, batch))).length;
    }
    const ingestSeconds = (performance.now() - ingestStarted) / 1000;

    // The same batches again (a replay after a crash): nothing new may be stored.
    const replayStarted = performance.now();
    let replayed = 0;
    for (const batch of batches) replayed += (await storeMessages(db, systemClock, ingestAccount, batch)).length;
    const replaySeconds = (performance.now() - replayStarted) / 1000;

    const baselineStarted = performance.now();
    for (const batch of batches) {
      await db
        .insertInto('messages')
        .values(
          batch.map((message) => ({
            organisation_id: organisation.id,
            account_id: baselineAccount.id,
            municipality_id: municipality.id,
            channel: 'gesimuleerd',
            direction: 'in' as const,
            platform_id: message.platformId,
            author_id: message.author.id,
            author_handle: message.author.handle,
            text: message.text,
            posted_at: message.postedAt,
            received_at: new Date(),
          })),
        )
        .execute();
    }
    const baselineSeconds = (performance.now() - baselineStarted) / 1000;
    const perSecond = stored / ingestSeconds;
    const baselinePerSecond = generated / baselineSeconds;
    return {
      name: 'channels',
      figures: {
        'berichten (crisis-brand, gesimuleerd)': generated,
        'opgeslagen, uniek': stored,
        'opnieuw aangeboden, extra opgeslagen (moet 0 zijn)': replayed,
        'simulator, berichten/s (alleen maken)': Math.round(generated / generateSeconds),
        'opslaan via ingest, berichten/s': Math.round(perSecond),
        'baseline: kale INSERT, rijen/s': Math.round(baselinePerSecond),
        'verhouding ingest / baseline': (perSecond / baselinePerSecond).toFixed(2),
        'herhaling (alles dubbel), berichten/s': Math.round(generated / replaySeconds),
      },
    };
  } finally {
    await handle.close();
  }
}
