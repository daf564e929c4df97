import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import { notFound } from '@platform/http/http.errors';
import { actsForMunicipality, assertCan, scopeOf } from '@platform/tenancy/policy.rules';
import { findChannelAccount, listChannelAccounts } from '../../channels/index';
import { insertConversationEvent } from '../conversations.repository';
import { announceConversation } from '../live/announce.service';
import { deleteBlock, findBlock, findBlocks, findConversationsOfAuthor } from './abuse.repository';
import { toBlockView } from './abuse.views';

// The blocked authors on the accounts of one's own municipalities.
export async function listBlocks(ctx: ServiceContext, query: { accountId?: string }) {
  assertCan(ctx.actor, 'aggression.read');
  const accounts = await listChannelAccounts(ctx.db, scopeOf(ctx.actor));
  const accountIds = accounts.map((account) => account.id).filter((id) => !query.accountId || id === query.accountId);
  const rows = await findBlocks(ctx.db, ctx.actor.organisationId, accountIds);
  return rows.map((row) => toBlockView(row, ctx.clock.now()));
}

// Lifts a block. The author's latest conversation on the account says so; their messages from the
// blocked time stay where they are (closed), nothing is reopened behind the agent's back.
export async function unblockAuthor(ctx: ServiceContext, blockId: string) {
  assertCan(ctx.actor, 'inbox.handle');
  await runInTransaction(ctx, async (tx) => {
    const organisationId = tx.actor.organisationId;
    const block = await findBlock(tx.db, organisationId, blockId);
    const account = block && (await findChannelAccount(tx.db, organisationId, block.account_id));
    if (!block || !account || !actsForMunicipality(tx.actor, account.municipality_id)) throw notFound('Deze blokkade');
    await deleteBlock(tx.db, organisationId, block.id);
    const [latest] = await findConversationsOfAuthor(tx.db, organisationId, block.account_id, block.author_id);
    if (latest) {
      await insertConversationEvent(tx.db, {
        organisation_id: organisationId,
        conversation_id: latest.id,
        at: tx.clock.now(),
        kind: 'gedeblokkeerd',
        text: `Blokkade van ${block.author_handle} op ${account.handle} opgeheven.`,
        details: JSON.stringify({ blockId: block.id }),
        actor_user_id: tx.actor.userId || null,
        actor_name: tx.actor.name,
      });
      await announceConversation(tx.db, latest);
    }
    await recordAudit(tx, {
      action: 'afzender.gedeblokkeerd',
      recordType: 'blokkade',
      recordId: block.id,
      details: { accountId: block.account_id, authorId: block.author_id },
    });
  });
}
