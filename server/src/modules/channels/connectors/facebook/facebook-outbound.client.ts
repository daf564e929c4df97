import { ChannelError, type ConnectorAccount, type ConnectorDeps, type OutboundRequest, type SentResult } from '../../connector.types';
import { callGraph, findDeletedOnGraph, parseGraphTime, readEdge, resolveGraphTarget } from '../meta/graph.client';
import { sendPrivateMessage } from '../meta/send-api.client';
import { COMMENT_FIELDS, getPageId } from './facebook-inbound.client';

type Raw = { kind?: string; residentId?: string } | null;
// Graph has no idempotency keys. findSent looks for what the page wrote with the same text since the
// item was queued, allowing for a clock that runs a little ahead of Meta's.
const CLOCK_SKEW_MS = 60_000;

const facebookUrl = (id: string) => `https://www.facebook.com/${id}`;

function rawOf(request: OutboundRequest): Raw {
  return (request.replyTo?.raw ?? null) as Raw;
}

function isMessenger(request: OutboundRequest): boolean {
  return rawOf(request)?.kind === 'messenger';
}

export async function sendToFacebook(account: ConnectorAccount, request: OutboundRequest, deps: ConnectorDeps): Promise<SentResult> {
  const target = resolveGraphTarget(account);
  const pageId = getPageId(account);
  if (request.kind === 'delete') {
    if (!request.targetPlatformId) throw new ChannelError('permanent', 'Er is geen Facebook-bericht aangewezen om te verwijderen.');
    await callGraph(deps, target, 'DELETE', request.targetPlatformId);
    return { platformId: request.targetPlatformId, publicUrl: null };
  }
  if (request.media.length > 0) {
    throw new ChannelError('permanent', 'Afbeeldingen plaatsen op Facebook kan Plein nog niet; plaats het bericht zonder afbeelding of via Facebook zelf.');
  }
  // A retry after an error is a new job that does not know the first attempt may have landed, and
  // Graph has no idempotency keys: look first. One extra read per post or comment.
  const earlier = await findOnFacebook(account, request, deps);
  if (earlier) return earlier;
  if (request.kind === 'post') {
    const { id } = await callGraph<{ id: string }>(deps, target, 'POST', `${pageId}/feed`, { body: { message: request.text } });
    return { platformId: id, publicUrl: facebookUrl(id) };
  }
  if (!request.replyTo) throw new ChannelError('permanent', 'Een antwoord op Facebook hoort bij een bericht.');
  // A Messenger conversation is answered in Messenger, whatever kind the item has.
  if (request.kind === 'direct' || isMessenger(request)) {
    const recipient = isMessenger(request) ? { id: rawOf(request)?.residentId ?? request.replyTo.authorId } : { comment_id: request.replyTo.platformId };
    const sent = await sendPrivateMessage(deps, target, pageId, recipient, request.text, 'RESPONSE');
    return { platformId: sent.message_id, publicUrl: null };
  }
  const { id } = await callGraph<{ id: string }>(deps, target, 'POST', `${request.replyTo.platformId}/comments`, { body: { message: request.text } });
  return { platformId: id, publicUrl: facebookUrl(id) };
}

interface Written {
  id: string;
  message?: string;
  created_time: string;
  from?: { id: string };
  permalink_url?: string;
}

// What an earlier attempt may already have published: a comment (or post) by the page with the same
// text, created after the item was queued. Limits: the newest 100 are checked; a Messenger message
// cannot be found this way (a retry after a lost answer may send it twice); a deletion counts as done
// once the object is gone.
export async function findOnFacebook(account: ConnectorAccount, request: OutboundRequest, deps: ConnectorDeps): Promise<SentResult | null> {
  const target = resolveGraphTarget(account);
  const pageId = getPageId(account);
  if (request.kind === 'delete') return findDeletedOnGraph(deps, target, request.targetPlatformId);
  if (request.kind === 'direct' || isMessenger(request)) return null;
  const path = request.kind === 'post' ? `${pageId}/feed` : request.replyTo ? `${request.replyTo.platformId}/comments` : null;
  if (!path) return null;
  const params =
    request.kind === 'post'
      ? { fields: 'id,message,created_time,from,permalink_url', limit: 25 }
      : { fields: COMMENT_FIELDS, filter: 'stream', order: 'reverse_chronological', limit: 50 };
  const after = request.createdAt.getTime() - CLOCK_SKEW_MS;
  const { items } = await readEdge<Written>(deps, target, path, params, {
    maxPages: 2,
    keepGoing: (page) => page.every((item) => parseGraphTime(item.created_time, request.createdAt).getTime() >= after),
  });
  const found = items.find(
    (item) => item.from?.id === pageId && (item.message ?? '') === request.text && parseGraphTime(item.created_time, request.createdAt).getTime() >= after,
  );
  return found ? { platformId: found.id, publicUrl: found.permalink_url ?? facebookUrl(found.id) } : null;
}
