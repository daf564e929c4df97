import type { NormalisedMessage } from '../../connector.types';
import { parseGraphTime } from '../meta/graph.client';
import { mapMetaMessage } from '../meta/meta-message.mapping';

export interface IgMedia {
  id: string;
  caption?: string;
  timestamp: string;
  permalink?: string;
  comments_count?: number;
}

export interface IgComment {
  id: string;
  text?: string;
  timestamp: string;
  username?: string;
  from?: { id: string; username?: string };
  parent_id?: string;
  replies?: { data?: IgComment[] };
}

export function getIgUserId(account: { settings: Record<string, unknown> }): string {
  return String(account.settings.igUserId ?? '');
}

// The account's own media: the thread every comment belongs to.
export function normaliseMedia(media: IgMedia, account: { handle: string }, igUserId: string, now: Date): NormalisedMessage {
  return mapMetaMessage({
    platformId: media.id,
    direction: 'uit',
    author: { id: igUserId, handle: account.handle, displayName: null, followers: null },
    text: media.caption ?? '',
    threadRootPlatformId: media.id,
    publicUrl: media.permalink ?? null,
    postedAt: parseGraphTime(media.timestamp, now),
    raw: { kind: 'media', id: media.id },
  });
}

// A comment answers its parent comment (a reply) or the media. Instagram only nests one level, so
// the parent is what Plein replies under.
export function normaliseComment(comment: IgComment, mediaId: string, igUserId: string, now: Date, permalink: string | null = null): NormalisedMessage {
  const authorId = comment.from?.id ?? comment.username ?? 'onbekend';
  const username = comment.from?.username ?? comment.username ?? authorId;
  return mapMetaMessage({
    platformId: comment.id,
    direction: authorId === igUserId ? 'uit' : 'in',
    author: { id: authorId, handle: username, displayName: null, followers: null },
    text: comment.text ?? '',
    replyToPlatformId: comment.parent_id ?? mediaId,
    threadRootPlatformId: mediaId,
    publicUrl: permalink,
    postedAt: parseGraphTime(comment.timestamp, now),
    raw: { kind: 'comment', id: comment.id, mediaId, parentId: comment.parent_id ?? null, from: comment.from ?? null },
  });
}
