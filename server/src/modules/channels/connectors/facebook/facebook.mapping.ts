import type { NormalisedMedia, NormalisedMessage } from '../../connector.types';
import { parseGraphTime } from '../meta/graph.client';
import { mapMetaMessage } from '../meta/meta-message.mapping';

type Json = Record<string, any>;

export interface FeedPost {
  id: string;
  message?: string;
  created_time: string;
  from?: { id: string; name?: string };
  permalink_url?: string;
  attachments?: { data?: Json[] };
  comments?: { summary?: { total_count?: number } };
}

export interface PostComment {
  id: string;
  message?: string;
  created_time: string;
  from?: { id: string; name?: string };
  parent?: { id: string };
  permalink_url?: string;
}

// Without pages_read_user_content Meta leaves `from` out for people; the message still counts.
function author(from: { id?: string; name?: string } | undefined) {
  const id = from?.id ? String(from.id) : 'onbekend';
  return { id, handle: from?.name ?? id, displayName: from?.name ?? null, followers: null };
}

function attachmentMedia(post: FeedPost): NormalisedMedia[] {
  return (post.attachments?.data ?? [])
    .filter((attachment) => attachment.media?.image?.src)
    .map((attachment) => ({
      url: String(attachment.media.image.src),
      type: 'image' as const,
      altText: typeof attachment.description === 'string' ? attachment.description : null,
    }));
}

export function normalisePost(post: FeedPost, pageId: string, now: Date): NormalisedMessage {
  const message = mapMetaMessage({
    platformId: post.id,
    direction: post.from?.id === pageId ? 'uit' : 'in',
    author: author(post.from),
    text: post.message ?? '',
    threadRootPlatformId: post.id,
    publicUrl: post.permalink_url ?? null,
    postedAt: parseGraphTime(post.created_time, now),
    raw: { kind: 'post', id: post.id, from: post.from ?? null },
  });
  const links = (post.attachments?.data ?? []).map((attachment) => attachment.url).filter((url): url is string => typeof url === 'string');
  return { ...message, media: attachmentMedia(post), links: [...new Set([...message.links, ...links])] };
}

// A comment answers the comment it sits under (replies) or the post; the post is the thread.
export function normaliseComment(comment: PostComment, postId: string, pageId: string, now: Date): NormalisedMessage {
  return mapMetaMessage({
    platformId: comment.id,
    direction: comment.from?.id === pageId ? 'uit' : 'in',
    author: author(comment.from),
    text: comment.message ?? '',
    replyToPlatformId: comment.parent?.id ?? postId,
    threadRootPlatformId: postId,
    publicUrl: comment.permalink_url ?? null,
    postedAt: parseGraphTime(comment.created_time, now),
    raw: { kind: 'comment', id: comment.id, postId, parentId: comment.parent?.id ?? null, from: comment.from ?? null },
  });
}
