import { buildPlainMessage } from '../../server/src/modules/channels/connector.types';
import { storeMessages } from '../../server/src/modules/channels/ingest.service';
import { hashSurveyToken } from '../../server/src/modules/inbox/satisfaction/invite.service';
import { buildChannelAccount } from '../factories';
import { requestAs, signIn } from '../harness';
import type { E2eApp } from './e2e-app';

// A webcare conversation in direct messages that was answered and closed, so its resident has the satisfaction
// question with its personal link (a public thread gets no link):
// returns the page paths of an open question, an expired one and an unknown link.
export async function findWebcareSurveyPaths(e2e: E2eApp) {
  const { db } = e2e.testApp.database;
  const clock = e2e.testApp.clock;
  const view = await buildChannelAccount(db, clock, e2e.organisation.id, {
    municipalityId: e2e.organisation.municipalities[0]!.id,
    channel: 'gesimuleerd',
    handle: 'Tevredenheid (oefen)',
    settings: { scenario: 'alledaags' },
  });
  const account = await db.selectFrom('channel_accounts').selectAll().where('id', '=', view.id).executeTakeFirstOrThrow();
  const [messageId] = await storeMessages(db, clock, account, [
    buildPlainMessage({
      platformId: `tevreden-${crypto.randomUUID()}`,
      author: { id: 'inwoner-t', handle: '@inwoner', displayName: 'Inwoner', followers: 1 },
      text: 'Waar haal ik een parkeervergunning?',
      visibility: 'prive',
      postedAt: clock.now(),
      raw: {},
    }),
  ]);
  await e2e.testApp.worker.drain();
  const conversationId = (await db.selectFrom('messages').select('conversation_id').where('id', '=', messageId!).executeTakeFirstOrThrow()).conversation_id!;
  const api = requestAs(e2e.testApp.app, await signIn(e2e.testApp.app, e2e.admin.email, e2e.admin.password));
  await api('POST', `/api/v1/conversations/${conversationId}/reply`, { text: 'Via het digitale loket op de website. ^SG' });
  await api('PATCH', `/api/v1/conversations/${conversationId}`, { state: 'gesloten' });
  const survey = await db
    .selectFrom('conversation_surveys')
    .selectAll()
    .where('organisation_id', '=', e2e.organisation.id)
    .where('conversation_id', '=', conversationId)
    .executeTakeFirstOrThrow();
  const outbox = await db.selectFrom('outbox').select('text').where('id', '=', survey.outbox_id).executeTakeFirstOrThrow();
  const open = new URL(/https?:\/\/\S+/.exec(outbox.text)![0]).pathname;
  const { id: _id, ...copy } = survey;
  const past = new Date(clock.now().getTime() - 86_400_000);
  await db
    .insertInto('conversation_surveys')
    .values({ ...copy, closed_at: past, token_hash: hashSurveyToken('webcare-verlopen-voorbeeldtoken'), expires_at: past })
    .execute();
  return {
    open,
    expired: `/tevreden/${e2e.organisation.slug}/webcare-verlopen-voorbeeldtoken`,
    unknown: `/tevreden/${e2e.organisation.slug}/webcare-onbekend-voorbeeldtoken`,
  };
}
