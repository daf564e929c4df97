import type { Db } from '@platform/db/database.client';
import { insertConversationEvent } from '../conversations.repository';

// Every step of a hand-off is on the conversation's timeline, with who took it (an agent, or the partner).
export function recordHandoffEvent(
  db: Db,
  row: {
    organisationId: string;
    conversationId: string;
    at: Date;
    text: string;
    handoffId: string;
    status: string;
    actorUserId: string | null;
    actorName: string;
  },
) {
  return insertConversationEvent(db, {
    organisation_id: row.organisationId,
    conversation_id: row.conversationId,
    at: row.at,
    kind: 'overdracht',
    text: row.text,
    details: JSON.stringify({ handoffId: row.handoffId, status: row.status }),
    actor_user_id: row.actorUserId,
    actor_name: row.actorName,
  });
}
