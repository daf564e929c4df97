import { ChannelError, type ConnectorAccount, type ConnectorDeps, type OutboundRequest, type SentResult } from '../../connector.types';
import { callGraph, findDeletedOnGraph, type GraphTarget, parseGraphTime, readEdge, resolveGraphTarget } from '../meta/graph.client';
import { sendPrivateMessage } from '../meta/send-api.client';
import { getIgUserId } from './instagram.mapping';
import { IG_COMMENT_FIELDS } from './instagram-inbound.client';

type Raw = { kind?: string; residentId?: string; parentId?: string | null; mediaId?: string | null } | null;
const CLOCK_SKEW_MS = 60_000;

// Where a reply goes: under the top-level comment (Instagram nests one level), or on the media.
function replyTarget(request: OutboundRequest): { path: string; edge: 'replies' | 'comments' } {
  const raw = (request.replyTo?.raw ?? null) as Raw;
  if (raw?.kind === 'media') return { path: request.replyTo!.platformId, edge: 'comments' };
  return { path: raw?.parentId ?? request.replyTo!.platformId, edge: 'replies' };
}

function isDirect(request: OutboundRequest): boolean {
  return ((request.replyTo?.raw ?? null) as Raw)?.kind === 'instagram-direct';
}

// Instagram fetches a post's image itself from a public URL (POST /{ig-user-id}/media with
// image_url, then /media_publish with the container id). Plein's attachments are not public, so a
// post is only possible when the outbox hands over a public URL for the image.
export async function publishImage(deps: ConnectorDeps, target: GraphTarget, igUserId: string, imageUrl: string, caption: string): Promise<string> {
  const container = await callGraph<{ id: string }>(deps, target, 'POST', `${igUserId}/media`, { body: { image_url: imageUrl, caption } });
  const published = await callGraph<{ id: string }>(deps, target, 'POST', `${igUserId}/media_publish`, { body: { creation_id: container.id } });
  return published.id;
}

export async function sendToInstagram(account: ConnectorAccount, request: OutboundRequest, deps: ConnectorDeps): Promise<SentResult> {
  const target = resolveGraphTarget(account);
  const igUserId = getIgUserId(account);
  if (request.kind === 'delete') {
    if (!request.targetPlatformId) throw new ChannelError('permanent', 'Er is geen Instagram-reactie aangewezen om te verwijderen.');
    await callGraph(deps, target, 'DELETE', request.targetPlatformId);
    return { platformId: request.targetPlatformId, publicUrl: null };
  }
  if (request.kind === 'post') {
    const publicUrls = request.media
      .map((file) => (file as { url?: unknown }).url)
      .filter((url): url is string => typeof url === 'string' && /^https:\/\//.test(url));
    if (request.media.length === 0) throw new ChannelError('permanent', 'Een Instagram-bericht heeft een afbeelding nodig; alleen tekst kan niet.');
    if (publicUrls.length !== 1 || request.media.length !== 1) {
      throw new ChannelError(
        'permanent',
        'Instagram haalt afbeeldingen op van een openbaar adres, en Plein zet bijlagen niet openbaar online. Plaats dit bericht via Instagram zelf.',
      );
    }
    const earlier = await findOnInstagram(account, request, deps);
    if (earlier) return earlier;
    const id = await publishImage(deps, target, igUserId, publicUrls[0]!, request.text);
    return { platformId: id, publicUrl: null };
  }
  if (!request.replyTo) throw new ChannelError('permanent', 'Een antwoord op Instagram hoort bij een bericht.');
  if (request.kind === 'direct' || isDirect(request)) {
    const raw = request.replyTo.raw as Raw;
    // A conversation is answered in it; a comment gets a private reply (once, within 7 days).
    const recipient = isDirect(request) ? { id: raw?.residentId ?? request.replyTo.authorId } : { comment_id: request.replyTo.platformId };
    const sent = await sendPrivateMessage(deps, target, 'me', recipient, request.text);
    return { platformId: sent.message_id, publicUrl: null };
  }
  if (request.media.length > 0) throw new ChannelError('permanent', 'Een reactie op Instagram kan geen afbeelding bevatten.');
  // Graph has no idempotency keys and a retry is a new job: look for an earlier attempt first.
  const earlier = await findOnInstagram(account, request, deps);
  if (earlier) return earlier;
  const { path, edge } = replyTarget(request);
  const { id } = await callGraph<{ id: string }>(deps, target, 'POST', `${path}/${edge}`, { body: { message: request.text } });
  return { platformId: id, publicUrl: null };
}

interface Written {
  id: string;
  text?: string;
  caption?: string;
  timestamp: string;
  from?: { id: string };
  username?: string;
}

// What an earlier attempt may already have published: a reply or caption by the account with the
// same text, since the item was queued. Direct messages cannot be looked up this way.
export async function findOnInstagram(account: ConnectorAccount, request: OutboundRequest, deps: ConnectorDeps): Promise<SentResult | null> {
  const target = resolveGraphTarget(account);
  const igUserId = getIgUserId(account);
  if (request.kind === 'delete') return findDeletedOnGraph(deps, target, request.targetPlatformId);
  if (request.kind === 'direct' || isDirect(request)) return null;
  const after = request.createdAt.getTime() - CLOCK_SKEW_MS;
  const mine = (item: Written) => item.from?.id === igUserId || item.username === account.handle;
  if (request.kind === 'post') {
    const { items } = await readEdge<Written>(deps, target, `${igUserId}/media`, { fields: 'id,caption,timestamp,permalink', limit: 25 }, { maxPages: 1 });
    const found = items.find((item) => (item.caption ?? '') === request.text && parseGraphTime(item.timestamp, request.createdAt).getTime() >= after);
    return found ? { platformId: found.id, publicUrl: null } : null;
  }
  if (!request.replyTo) return null;
  const { path, edge } = replyTarget(request);
  const { items } = await readEdge<Written>(deps, target, `${path}/${edge}`, { fields: IG_COMMENT_FIELDS, limit: 50 }, { maxPages: 4 });
  const found = items.find((item) => mine(item) && (item.text ?? '') === request.text && parseGraphTime(item.timestamp, request.createdAt).getTime() >= after);
  return found ? { platformId: found.id, publicUrl: null } : null;
}
