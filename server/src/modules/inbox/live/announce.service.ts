import type { Db } from '@platform/db/database.client';
import { announce } from '@platform/events/event-hub.service';
import { findConversationRefsOfMessages } from './live.repository';

export function announceConversation(db: Db, row: { organisation_id: string; id: string; municipality_id: string }) {
  return announce(db, { organisationId: row.organisation_id, kind: 'gesprek', id: row.id, municipalityId: row.municipality_id });
}

// After messages were sorted: every conversation they landed in has news.
export async function announceConversationsOf(db: Db, organisationId: string, messageIds: string[]) {
  for (const row of await findConversationRefsOfMessages(db, organisationId, messageIds)) await announceConversation(db, row);
}
