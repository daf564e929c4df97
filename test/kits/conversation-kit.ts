import type { Channel } from '@contracts/channels';
import type { ChannelAccountRow } from '@platform/db/database.schema';
import { buildPlainMessage, storeMessages } from '../../server/src/modules/channels/index';
import { buildChannelAccount, buildOrganisation, buildUser } from '../factories';
import { requestAs, signIn, type TestApp } from '../harness';

// An organisation with a simulated account in Castricum and a signed-in beheerder; messages arrive as
// a connector would store them, and the threading job sorts them into conversations.
export async function setUpInbox(t: TestApp, channel: Channel = 'gesimuleerd') {
  const org = await buildOrganisation(t.database.db);
  const castricum = org.municipalities.find((m) => m.cbs_code === 'GM0383')!;
  const bergen = org.municipalities.find((m) => m.cbs_code === 'GM0373')!;
  const accountIn = async (municipalityId: string) => {
    const view = await buildChannelAccount(t.database.db, t.clock, org.id, {
      municipalityId,
      channel,
      settings: channel === 'gesimuleerd' ? { scenario: 'alledaags' } : {},
    });
    return t.database.db.selectFrom('channel_accounts').selectAll().where('organisation_id', '=', org.id).where('id', '=', view.id).executeTakeFirstOrThrow();
  };
  const account = await accountIn(castricum.id);
  const beheerder = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'], name: 'Bea Beheer' });
  const admin = requestAs(t.app, await signIn(t.app, beheerder.email, beheerder.password));
  return { org, castricum, bergen, account, accountIn, admin, beheerder };
}

let sequence = 0;
export async function receive(
  t: TestApp,
  account: ChannelAccountRow,
  fields: { author?: string; text?: string; root?: string | null; visibility?: 'openbaar' | 'prive' } = {},
) {
  sequence += 1;
  t.clock.advance(1_000);
  const author = fields.author ?? 'inwoner';
  const [id] = await storeMessages(t.database.db, t.clock, account, [
    buildPlainMessage({
      platformId: `in-${sequence}-${crypto.randomUUID()}`,
      author: { id: author, handle: `@${author}`, displayName: author, followers: 10 },
      text: fields.text ?? `Vraag ${sequence}`,
      threadRootPlatformId: fields.root ?? null,
      visibility: fields.visibility ?? 'openbaar',
      postedAt: t.clock.now(),
      raw: {},
    }),
  ]);
  await t.worker.drain();
  const row = await t.database.db.selectFrom('messages').select(['conversation_id', 'platform_id']).where('id', '=', id!).executeTakeFirstOrThrow();
  return { messageId: id!, conversationId: row.conversation_id!, platformId: row.platform_id };
}
