import type { ServiceContext } from '@platform/context.service';
import { assertCan, scopeOf } from '@platform/tenancy/policy.rules';
import { findAuthorHistory, findThread } from './explore.repository';
import { findVisibleItem, toItemView } from './explore.service';

// An item with its thread and what its author said before: the context an analyst needs to weigh it.
export async function getItem(ctx: ServiceContext, messageId: string) {
  assertCan(ctx.actor, 'listening.read');
  const row = await findVisibleItem(ctx, messageId);
  const thread = await findThread(ctx.db, ctx.actor.organisationId, row.account_id, row.thread_root_platform_id ?? row.platform_id);
  const history = await findAuthorHistory(ctx.db, scopeOf(ctx.actor), row.author_handle, 21);
  return {
    item: toItemView(row),
    thread: thread.map((message) => ({
      messageId: message.id,
      direction: message.direction,
      author: message.author_name ?? message.author_handle,
      text: message.text,
      postedAt: message.posted_at.toISOString(),
      publicUrl: message.public_url,
    })),
    authorHistory: history
      .filter((other) => other.message_id !== messageId)
      .slice(0, 20)
      .map(toItemView),
  };
}
