import { buildChannelAccount, buildOrganisation, TEST_SECRET_KEY } from '@test/factories';
import { createTestApp, type TestApp } from '@test/harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlainMessage, type LiveStream, type NormalisedMessage, type StreamSink } from './connector.types';
import { registerConnector } from './connectors/connectors.registry';
import { simulatorConnector } from './connectors/simulator/simulator.connector';
import { countMessages } from './messages.repository';
import { StreamSupervisor } from './stream-supervisor.service';

// The supervisor's own rules (one holder per account across processes, take-over after a lease,
// closing what should stop) tested with a stream we control; the Mastodon tests cover a real protocol.
const opened: { accountId: string; sink: StreamSink; closed: boolean; end: () => void }[] = [];

function mention(id: string): NormalisedMessage {
  return buildPlainMessage({
    platformId: id,
    author: { id: 'u1', handle: 'inwoner', displayName: 'Inwoner', followers: 3 },
    text: `@gemeente vraag ${id}`,
    mentions: ['gemeente'],
    language: 'nl',
    visibility: 'openbaar',
    postedAt: new Date('2026-11-23T08:00:00Z'),
    raw: {},
  });
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  registerConnector({
    ...simulatorConnector,
    stream(account, _deps, sink): LiveStream {
      let end!: () => void;
      const ended = new Promise<void>((resolve) => (end = resolve));
      const entry = { accountId: account.id, sink, closed: false, end };
      opened.push(entry);
      return {
        ended,
        async close() {
          entry.closed = true;
          end();
        },
      };
    },
  });
});
afterAll(async () => {
  await t.close();
});

const supervisor = () => new StreamSupervisor({ db: t.database.db, clock: t.clock, keys: { current: TEST_SECRET_KEY, previous: [] }, fetch });

describe('stroombewaking', () => {
  it('houdt één stroom per account open over twee processen, slaat op wat binnenkomt en neemt over na de lease', async () => {
    const org = await buildOrganisation(t.database.db);
    const account = await buildChannelAccount(t.database.db, t.clock, org.id, {
      municipalityId: org.municipalities[0]!.id,
      channel: 'gesimuleerd',
      settings: { scenario: 'alledaags' },
    });
    const first = supervisor();
    const second = supervisor();
    await first.superviseOnce();
    await second.superviseOnce();
    expect(first.openStreams()).toContain(account.id);
    expect(second.openStreams()).not.toContain(account.id);

    const stream = opened.find((entry) => entry.accountId === account.id && !entry.closed)!;
    await stream.sink.onMessages([mention('m1'), mention('m2')]);
    await stream.sink.onMessages([mention('m2')]);
    expect(await countMessages(t.database.db, org.id, account.id)).toBe(2);

    // The first process dies without releasing; after the lease the second takes over.
    t.clock.advance(61_000);
    await second.superviseOnce();
    expect(second.openStreams()).toContain(account.id);
    await first.superviseOnce();
    expect(first.openStreams()).not.toContain(account.id);
    expect(stream.closed).toBe(true);
    await first.stop();
    await second.stop();
  });

  it('sluit de stroom van een gepauzeerd account en opent een weggevallen verbinding later opnieuw', async () => {
    const org = await buildOrganisation(t.database.db);
    const account = await buildChannelAccount(t.database.db, t.clock, org.id, {
      municipalityId: org.municipalities[0]!.id,
      channel: 'gesimuleerd',
      settings: { scenario: 'alledaags' },
    });
    const only = supervisor();
    await only.superviseOnce();
    const stream = opened.find((entry) => entry.accountId === account.id && !entry.closed)!;
    // The server drops the connection: not reopened at once (backoff), but at a later round.
    stream.end();
    await new Promise((resolve) => setImmediate(resolve));
    expect(only.openStreams()).not.toContain(account.id);
    await only.superviseOnce();
    expect(only.openStreams()).not.toContain(account.id);
    t.clock.advance(10_000);
    await only.superviseOnce();
    expect(only.openStreams()).toContain(account.id);

    await t.database.db.updateTable('channel_accounts').set({ paused: true, status: 'gepauzeerd' }).where('id', '=', account.id).execute();
    await only.superviseOnce();
    expect(only.openStreams()).not.toContain(account.id);
    const reopened = opened.filter((entry) => entry.accountId === account.id);
    expect(reopened).toHaveLength(2);
    expect(reopened[1]!.closed).toBe(true);
    await only.stop();
  });
});
