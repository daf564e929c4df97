import { ABUSE_ACTION_LABELS, type abuseReportSchema } from '@contracts/abuse';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import type { ConversationRow } from '@platform/db/database.schema';
import { AppError, badRequest, conflict } from '@platform/http/http.errors';
import { findMunicipalities } from '@platform/organisations/organisations.repository';
import { assertCan } from '@platform/tenancy/policy.rules';
import type { z } from 'zod';
import { findChannelAccount, findStoredMessage } from '../../channels/index';
import { findVisibleConversation } from '../conversation-access.service';
import { insertConversationEvent, updateConversation } from '../conversations.repository';
import { announceConversation } from '../live/announce.service';
import { findBlockOf, findRegisterEntriesOfConversation, hasRegisterEntry, insertRegisterEntryOnce, upsertBlock } from './abuse.repository';
import { toBlockView, toEntryView } from './abuse.views';

type AbuseReport = z.infer<typeof abuseReportSchema>;

export const ABUSE_LABEL = 'misbruik';
const untilText = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'long', timeStyle: 'short' });

// Do not engage with abuse (PRODUCT R6): once a message of the conversation is in the register, nothing
// more goes out in public. A private answer (where the channel has one) or none at all remains.
export async function assertPublicReplyAllowed(ctx: ServiceContext, conversation: ConversationRow, privately: boolean | undefined) {
  if (conversation.visibility !== 'openbaar' || privately) return;
  if (!(await hasRegisterEntry(ctx.db, ctx.actor.organisationId, conversation.id))) return;
  throw new AppError(
    409,
    'misbruik-geen-openbaar-antwoord',
    'Geen openbaar antwoord',
    'Een bericht in dit gesprek is gemeld als misbruik. Reageer daarom niet openbaar: stuur zo nodig een privébericht, of reageer niet.',
  );
}

async function checkReport(ctx: ServiceContext, conversation: ConversationRow, input: AbuseReport) {
  const message = await findStoredMessage(ctx.db, ctx.actor.organisationId, input.messageId);
  if (!message || message.conversation_id !== conversation.id || message.direction !== 'in') {
    throw badRequest('onbekend-bericht', 'Kies een bericht van de inwoner uit dit gesprek.', [
      { name: 'messageId', code: 'onbekend', reason: 'Dit bericht hoort niet bij dit gesprek.' },
    ]);
  }
  const blocks = input.actions.includes('blokkeren');
  if (input.blockUntil !== undefined && (!blocks || !(new Date(input.blockUntil) > ctx.clock.now()))) {
    throw badRequest('ongeldige-blokkade', 'Een einddatum hoort bij blokkeren en ligt in de toekomst.', [
      { name: 'blockUntil', code: 'ongeldig', reason: 'Kies blokkeren en een moment in de toekomst.' },
    ]);
  }
  const account = await findChannelAccount(ctx.db, ctx.actor.organisationId, conversation.account_id);
  if (!account) throw badRequest('onbekend-account', 'Het account van dit gesprek bestaat niet meer.');
  return { message, account };
}

function event(tx: ServiceContext, conversation: ConversationRow, kind: 'misbruik' | 'geblokkeerd', text: string, details: Record<string, unknown>) {
  return insertConversationEvent(tx.db, {
    organisation_id: tx.actor.organisationId,
    conversation_id: conversation.id,
    at: tx.clock.now(),
    kind,
    text,
    details: JSON.stringify(details),
    actor_user_id: tx.actor.userId || null,
    actor_name: tx.actor.name,
  });
}

// Marks one message of the conversation as abuse: a copy into the agressieregister with the actions
// taken, the label "misbruik", and with "blokkeren" the author blocked on this account.
export async function reportAbuse(ctx: ServiceContext, conversationId: string, input: AbuseReport) {
  assertCan(ctx.actor, 'inbox.handle');
  await runInTransaction(ctx, async (tx) => {
    const conversation = await findVisibleConversation(tx, conversationId, true);
    const { message, account } = await checkReport(tx, conversation, input);
    const actions = [...new Set(input.actions)];
    const now = tx.clock.now();
    const entry = await insertRegisterEntryOnce(tx.db, {
      organisation_id: tx.actor.organisationId,
      conversation_id: conversation.id,
      message_id: message.id,
      account_id: account.id,
      account_handle: account.handle,
      municipality_id: message.municipality_id,
      channel: message.channel,
      posted_at: message.posted_at,
      recorded_at: now,
      message_text: message.text,
      public_url: message.public_url,
      author_id: message.author_id,
      author_handle: message.author_handle,
      author_name: message.author_name,
      actions,
      note: input.note || null,
      recorded_by_user_id: tx.actor.userId || null,
      recorded_by_name: tx.actor.name,
    });
    if (!entry) throw conflict('al-gemeld', 'Dit bericht staat al in het agressieregister.');
    const labels = conversation.labels.includes(ABUSE_LABEL) ? conversation.labels : [...conversation.labels, ABUSE_LABEL];
    await updateConversation(tx.db, tx.actor.organisationId, conversation.id, { labels });
    const taken = actions.length > 0 ? actions.map((action) => ABUSE_ACTION_LABELS[action].toLowerCase()).join(', ') : 'alleen geregistreerd';
    await event(
      tx,
      conversation,
      'misbruik',
      `Bericht gemeld als misbruik (agressieregister: ${taken}). Openbaar antwoorden kan niet meer.${input.note ? ` ${input.note}` : ''}`,
      { registerId: entry.id, messageId: message.id, actions },
    );
    if (actions.includes('blokkeren')) {
      const block = await upsertBlock(tx.db, {
        organisation_id: tx.actor.organisationId,
        account_id: account.id,
        author_id: message.author_id,
        author_handle: message.author_handle,
        reason: input.note || 'Misbruik gemeld',
        blocked_until: input.blockUntil ? new Date(input.blockUntil) : null,
        register_id: entry.id,
        created_at: now,
        created_by_user_id: tx.actor.userId || null,
        created_by_name: tx.actor.name,
      });
      const until = block.blocked_until ? `tot ${untilText.format(block.blocked_until)}` : 'tot de blokkade wordt opgeheven';
      await event(
        tx,
        conversation,
        'geblokkeerd',
        `${message.author_handle} geblokkeerd op ${account.handle}, ${until}. Nieuwe berichten worden bewaard, maar het gesprek wordt meteen gesloten.`,
        { blockId: block.id },
      );
    }
    await recordAudit(tx, { action: 'misbruik.gemeld', recordType: 'gesprek', recordId: conversation.id, details: { registerId: entry.id, actions } });
    await announceConversation(tx.db, conversation);
  });
  return getConversationAbuse(ctx, conversationId);
}

// What the conversation page shows: the register entries of this conversation, whether a public reply
// is still allowed, and the author's block on this account.
export async function getConversationAbuse(ctx: ServiceContext, conversationId: string) {
  assertCan(ctx.actor, 'inbox.read');
  const conversation = await findVisibleConversation(ctx, conversationId);
  const organisationId = ctx.actor.organisationId;
  const [entries, block, municipalities] = await Promise.all([
    findRegisterEntriesOfConversation(ctx.db, organisationId, conversation.id),
    findBlockOf(ctx.db, organisationId, conversation.account_id, conversation.author_id),
    findMunicipalities(ctx.db, organisationId),
  ]);
  const byId = new Map(municipalities.map((m) => [m.id, m]));
  return {
    entries: entries.map((entry) => toEntryView(entry, byId)),
    publicReplyAllowed: entries.length === 0,
    block: block ? toBlockView(block, ctx.clock.now()) : null,
  };
}
