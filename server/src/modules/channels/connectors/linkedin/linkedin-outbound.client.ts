import { ChannelError, type OutboundRequest, type SentResult } from '../../connector.types';
import { fromLittleText, getCommentUrn, type LinkedInComment, parseCommentUrn, postUrl, toLittleText } from './linkedin.mapping';
import { fetchCommentsOn, fetchRecentPosts } from './linkedin-inbound.client';
import { encodeUrn } from './linkedin-rest.client';
import type { LinkedInSession } from './linkedin-session.client';

// How far LinkedIn's clock may be behind Plein's when matching an earlier attempt by its time.
const CLOCK_SKEW_MS = 60_000;

interface StoredRaw {
  postUrn?: string;
  commentUrn?: string;
  parentComment?: string | null;
}

// Where a reply goes. On a post: a first-level comment. On a comment: a reply under it, posted to
// that comment's socialActions with parentComment set; LinkedIn nests one level only, so answering a
// reply lands under the same first-level comment.
function replyTarget(request: OutboundRequest): { postUrn: string; parentComment: string | null } {
  const replyTo = request.replyTo;
  if (!replyTo) throw new ChannelError('permanent', 'Een antwoord zonder oorspronkelijk bericht kan niet naar LinkedIn.');
  const raw = (replyTo.raw ?? {}) as StoredRaw;
  if (!replyTo.platformId.startsWith('urn:li:comment:')) return { postUrn: raw.postUrn ?? replyTo.platformId, parentComment: null };
  const postUrn = raw.postUrn ?? replyTo.threadRootPlatformId ?? parseCommentUrn(replyTo.platformId)?.parent;
  if (!postUrn) throw new ChannelError('permanent', 'Bij deze LinkedIn-reactie is het bericht niet bekend waaronder ze staat.');
  return { postUrn, parentComment: raw.parentComment || replyTo.platformId };
}

function sent(session: LinkedInSession, platformId: string, postUrn: string): SentResult {
  return { platformId, publicUrl: postUrl(postUrn), secrets: session.freshSecrets() };
}

function decodeId(header: string | null): string | null {
  if (!header) return null;
  return header.includes('%') ? decodeURIComponent(header) : header;
}

async function createPost(session: LinkedInSession, request: OutboundRequest): Promise<SentResult> {
  const response = await session.call<null>({
    method: 'POST',
    path: '/posts',
    body: {
      author: session.organizationUrn,
      commentary: toLittleText(request.text),
      visibility: 'PUBLIC',
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      lifecycleState: 'PUBLISHED',
      isReshareDisabledByAuthor: false,
    },
  });
  // 201 with an empty body: the new post's URN is only in this header.
  const urn = decodeId(response.headers.get('x-restli-id'));
  if (urn) return sent(session, urn, urn);
  const found = await findPublished(session, request);
  if (found) return found;
  throw new ChannelError(
    'permanent',
    'LinkedIn plaatste het bericht maar noemde het niet (geen x-restli-id); controleer de pagina voordat u het opnieuw probeert.',
  );
}

async function createComment(session: LinkedInSession, request: OutboundRequest): Promise<SentResult> {
  const { postUrn, parentComment } = replyTarget(request);
  const body = { actor: session.organizationUrn, object: postUrn, message: { text: request.text }, ...(parentComment && { parentComment }) };
  const response = await session.call<LinkedInComment | null>({ method: 'POST', path: `/socialActions/${encodeUrn(parentComment ?? postUrn)}/comments`, body });
  // The created comment comes back in the body; its URN is the platform id polls will report too.
  const created = response.body;
  if (created?.commentUrn || created?.$URN || (created?.id && created.object)) return sent(session, getCommentUrn(created), postUrn);
  const id = decodeId(response.headers.get('x-restli-id'));
  if (id) return sent(session, `urn:li:comment:(${postUrn},${id})`, postUrn);
  const found = await findPublished(session, request);
  if (found) return found;
  throw new ChannelError('permanent', 'LinkedIn plaatste de reactie maar noemde haar niet; controleer het bericht voordat u het opnieuw probeert.');
}

async function remove(session: LinkedInSession, request: OutboundRequest): Promise<SentResult> {
  const urn = request.targetPlatformId;
  if (!urn?.startsWith('urn:li:')) throw new ChannelError('permanent', 'Dit LinkedIn-bericht heeft geen geldige URN om te verwijderen.');
  const comment = parseCommentUrn(urn);
  const path = comment ? `/socialActions/${encodeUrn(comment.parent)}/comments/${encodeURIComponent(comment.id)}` : `/posts/${encodeUrn(urn)}`;
  try {
    await session.call({ method: 'DELETE', path, ...(comment && { query: { actor: encodeUrn(session.organizationUrn) } }) });
  } catch (error) {
    // Already gone: a retry of a delete that got through the first time.
    if (!(error instanceof ChannelError) || error.status !== 404) throw error;
  }
  return { platformId: urn, publicUrl: null, secrets: session.freshSecrets() };
}

export async function publish(session: LinkedInSession, request: OutboundRequest): Promise<SentResult> {
  switch (request.kind) {
    case 'delete':
      return remove(session, request);
    case 'direct':
      throw new ChannelError('permanent', 'LinkedIn kent geen privéberichten via Plein.');
    case 'post':
      return createPost(session, request);
    case 'reply':
      return createComment(session, request);
  }
}

// LinkedIn has no idempotency key: an earlier attempt is recognised as the organisation's own post or
// comment with exactly this text, made no earlier than the outbox item.
export async function findPublished(session: LinkedInSession, request: OutboundRequest): Promise<SentResult | null> {
  const notBefore = request.createdAt.getTime() - CLOCK_SKEW_MS;
  if (request.kind === 'post') {
    const posts = await fetchRecentPosts(session, notBefore);
    const post = posts.find((candidate) => candidate.author === session.organizationUrn && fromLittleText(candidate.commentary ?? '') === request.text);
    return post ? sent(session, post.id, post.id) : null;
  }
  if (request.kind !== 'reply') return null;
  const { postUrn, parentComment } = replyTarget(request);
  const comments = await fetchCommentsOn(session, parentComment ?? postUrn);
  const match = comments.find(
    (comment) =>
      comment.actor === session.organizationUrn &&
      comment.message?.text === request.text &&
      (comment.created?.time ?? 0) >= notBefore &&
      (comment.parentComment ?? null) === parentComment,
  );
  return match ? sent(session, getCommentUrn(match), postUrn) : null;
}
