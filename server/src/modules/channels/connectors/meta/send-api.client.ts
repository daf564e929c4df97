import type { ConnectorDeps } from '../../connector.types';
import { callGraph, type GraphTarget } from './graph.client';

// The Send API of Messenger and Instagram Direct: POST /{page-id}/messages (or /me/messages with a
// page token). The recipient is a scoped user id, or a comment id for a private reply to a comment.
export async function sendPrivateMessage(
  deps: ConnectorDeps,
  target: GraphTarget,
  senderPath: string,
  recipient: { id: string } | { comment_id: string },
  text: string,
  messagingType?: 'RESPONSE',
): Promise<{ recipient_id?: string; message_id: string }> {
  return callGraph(deps, target, 'POST', `${senderPath}/messages`, {
    body: { recipient, ...(messagingType && { messaging_type: messagingType }), message: { text } },
  });
}
