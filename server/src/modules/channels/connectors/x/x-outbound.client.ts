import { ChannelError, type OutboundRequest, type SentResult } from '../../connector.types';
import { buildTweetUrl, unescapeText } from './x.mapping';
import type { XSession } from './x-session.client';

type Json = Record<string, any>;

// Messages Plein itself stored (its own sent replies) carry no X payload; only inbound ones say 'dm'.
function isDirect(request: OutboundRequest): boolean {
  return request.kind === 'direct' || (request.replyTo?.raw as Json | null)?.kind === 'dm';
}

// A one-to-one conversation id is "<user id>-<user id>"; the participant is the one that is not us.
function participantOf(session: XSession, replyTo: NonNullable<OutboundRequest['replyTo']>): string {
  const ids = replyTo.threadRootPlatformId?.split('-') ?? [];
  const other = ids.length === 2 && ids.includes(session.userId) ? ids.find((id) => id !== session.userId) : undefined;
  const participant = other ?? (/^\d+$/.test(replyTo.authorId) ? replyTo.authorId : undefined);
  if (!participant) throw new ChannelError('permanent', 'Plein weet niet naar wie dit privébericht op X moet.');
  return participant;
}

// Simple one-request upload (base64 in a JSON body), then the alt text as media metadata.
async function uploadMedia(session: XSession, media: OutboundRequest['media'], category: 'tweet_image' | 'dm_image'): Promise<string[]> {
  const ids: string[] = [];
  for (const file of media) {
    const { body } = await session.send<{ data?: { id?: string } }>('POST', '/2/media/upload', {
      media: file.bytes.toString('base64'),
      media_category: category,
      media_type: file.contentType,
    });
    const id = body?.data?.id;
    if (!id) throw new ChannelError('transient', 'X gaf geen media-id terug voor de afbeelding.');
    if (file.altText) await session.send('POST', '/2/media/metadata', { id, metadata: { alt_text: { text: file.altText.slice(0, 1000) } } });
    ids.push(id);
  }
  return ids;
}

async function sendDirect(session: XSession, request: OutboundRequest): Promise<SentResult> {
  if (!request.replyTo) throw new ChannelError('permanent', 'Een privébericht op X hoort bij een gesprek.');
  // A direct message takes one attachment.
  const [mediaId] = await uploadMedia(session, request.media.slice(0, 1), 'dm_image');
  const participant = participantOf(session, request.replyTo);
  const { body } = await session.send<{ data?: { dm_event_id?: string } }>('POST', `/2/dm_conversations/with/${encodeURIComponent(participant)}/messages`, {
    text: request.text,
    ...(mediaId && { attachments: [{ media_id: mediaId }] }),
  });
  const id = body?.data?.dm_event_id;
  if (!id) throw new ChannelError('transient', 'X gaf geen id terug voor het privébericht.');
  return { platformId: id, publicUrl: null, secrets: session.freshSecrets() };
}

async function remove(session: XSession, request: OutboundRequest): Promise<SentResult> {
  const id = request.targetPlatformId;
  if (!id) throw new ChannelError('permanent', 'Er is geen X-bericht aangewezen om te verwijderen.');
  try {
    await session.send('DELETE', `/2/tweets/${encodeURIComponent(id)}`);
  } catch (error) {
    // Already gone (an earlier attempt got through): that is what was asked.
    if (!(error instanceof ChannelError && error.status === 404)) throw error;
  }
  return { platformId: id, publicUrl: null, secrets: session.freshSecrets() };
}

export async function publish(session: XSession, handle: string, request: OutboundRequest): Promise<SentResult> {
  if (request.kind === 'delete') return remove(session, request);
  if (isDirect(request)) return sendDirect(session, request);
  if (request.kind === 'reply' && !request.replyTo) throw new ChannelError('permanent', 'Een antwoord zonder oorspronkelijk bericht kan niet naar X.');
  const mediaIds = await uploadMedia(session, request.media, 'tweet_image');
  const payload: Json = { text: request.text };
  if (request.kind === 'reply') payload.reply = { in_reply_to_tweet_id: request.replyTo!.platformId };
  if (mediaIds.length > 0) payload.media = { media_ids: mediaIds };
  try {
    const { body } = await session.send<{ data?: { id?: string } }>('POST', '/2/tweets', payload);
    const id = body?.data?.id;
    if (!id) throw new ChannelError('transient', 'X gaf geen id terug voor het bericht.');
    return { platformId: id, publicUrl: buildTweetUrl(handle, id), secrets: session.freshSecrets() };
  } catch (error) {
    // X refuses the same text twice in a row (403, duplicate content): then an earlier attempt got through.
    if (error instanceof ChannelError && error.status === 403 && /duplicate/i.test(error.message)) {
      const earlier = await findPublished(session, handle, request);
      if (earlier) return earlier;
    }
    throw error;
  }
}

// X shortens links to t.co, escapes &, < and >, and starts a reply with the @username it answers:
// compare texts without any of those.
export function normaliseForComparison(text: string): string {
  return unescapeText(text)
    .replace(/https?:\/\/\S+/g, '<link>')
    .replace(/^(\s*@\w+)+\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// X search windows take whole seconds (YYYY-MM-DDTHH:mm:ssZ).
function startTime(createdAt: Date): string {
  return new Date(createdAt.getTime() - 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// X has no idempotency key: after an attempt that may have got through, look for a post of ours
// since the item was queued with the same text, answering the same post.
export async function findPublished(session: XSession, handle: string, request: OutboundRequest): Promise<SentResult | null> {
  if (request.kind === 'delete') return null;
  const wanted = normaliseForComparison(request.text);
  if (isDirect(request)) {
    const participant = participantOf(session, request.replyTo!);
    const { body } = await session.get<{ data?: Json[] }>(`/2/dm_conversations/with/${encodeURIComponent(participant)}/dm_events`, {
      event_types: 'MessageCreate',
      'dm_event.fields': 'id,text,sender_id,created_at',
      max_results: 100,
    });
    const since = request.createdAt.getTime() - 60_000;
    const found = (body?.data ?? []).find(
      (event) => event.sender_id === session.userId && Date.parse(event.created_at) >= since && normaliseForComparison(String(event.text ?? '')) === wanted,
    );
    return found ? { platformId: String(found.id), publicUrl: null, secrets: session.freshSecrets() } : null;
  }
  const { body } = await session.get<{ data?: Json[] }>(`/2/users/${encodeURIComponent(session.userId)}/tweets`, {
    start_time: startTime(request.createdAt),
    'tweet.fields': 'referenced_tweets,created_at',
    max_results: 100,
  });
  const replyTo = request.kind === 'reply' ? (request.replyTo?.platformId ?? null) : null;
  const found = (body?.data ?? []).find((tweet) => {
    const answered = (tweet.referenced_tweets as Json[] | undefined)?.find((reference) => reference.type === 'replied_to')?.id ?? null;
    return answered === replyTo && normaliseForComparison(String(tweet.text ?? '')) === wanted;
  });
  return found ? { platformId: String(found.id), publicUrl: buildTweetUrl(handle, String(found.id)), secrets: session.freshSecrets() } : null;
}
