import type { ServiceContext } from '@platform/context.service';
import { notFound } from '@platform/http/http.errors';
import { actsForMunicipality } from '@platform/tenancy/policy.rules';
import { findConversation } from './conversations.repository';

// Beheerders see every municipality of the organisation; others the ones they work for. Every use case on one
// conversation starts here (a conversation of another municipality or organisation is a 404).
export async function findVisibleConversation(ctx: ServiceContext, conversationId: string, lock = false) {
  const row = await findConversation(ctx.db, ctx.actor.organisationId, conversationId, lock);
  if (!row || !actsForMunicipality(ctx.actor, row.municipality_id)) throw notFound('Het gesprek');
  return row;
}
