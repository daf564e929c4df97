import { renderDmPage } from './pages';
import { invalid } from './responses';
import { findOwnedMedia } from './routes-media';
import type { XRoute } from './state';

// Direct messages: all of the user's DM events, one conversation's, and sending (text and/or one image).

export const dmRoutes: Record<string, XRoute> = {
  'GET /2/dm_events': (x, _param, user, query) => [
    200,
    renderDmPage(
      x,
      x.dms.filter((event) => event.participant_ids.includes(user.id)),
      query,
    ),
  ],
  'GET /2/dm_conversations/with/:id/dm_events': (x, param, user, query) => {
    const conversation = [user.id, param!].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)).join('-');
    return [
      200,
      renderDmPage(
        x,
        x.dms.filter((event) => event.dm_conversation_id === conversation),
        query,
      ),
    ];
  },
  'POST /2/dm_conversations/with/:id/messages': (x, param, user, _query, body) => {
    if (!x.users.get(param!)) throw invalid(`Could not find user with id: [${param}].`);
    const attachments = (body?.attachments ?? []) as { media_id: string }[];
    if (!body?.text && attachments.length === 0) throw invalid('text or attachments is required');
    if (attachments.length > 1) throw invalid('Only one attachment is supported');
    const keys = attachments.map(({ media_id }) => findOwnedMedia(x, user, media_id).media_key);
    const event = x.createDm(user.id, param!, String(body?.text ?? ''), keys);
    return [201, { data: { dm_conversation_id: event.dm_conversation_id, dm_event_id: event.id } }];
  },
};
