import type { NormalisedMessage } from '../../connector.types';

// What the Comments API (socialActions/comments) and the Posts API return, as far as Plein uses it.
export interface LinkedInComment {
  id?: string;
  commentUrn?: string;
  $URN?: string;
  actor: string;
  object: string;
  parentComment?: string;
  message?: { text?: string; attributes?: { value?: Record<string, Record<string, string>> }[] };
  created?: { time?: number; actor?: string };
  content?: { type?: string; url?: string }[];
  commentsSummary?: { totalFirstLevelComments?: number; aggregatedTotalComments?: number };
}

export interface LinkedInPost {
  id: string;
  author: string;
  commentary?: string;
  createdAt?: number;
  publishedAt?: number;
  lifecycleState?: string;
}

// The little text format of post commentary reserves these characters; unescaped, LinkedIn cuts the
// post off at the first one. "#word" stays a hashtag and URLs stay intact so they still link.
const RESERVED = /[\\|{}@[\]()<>#*_~]/g;
const URL_OR_HASHTAG = /(https?:\/\/\S+|#[\p{L}\p{N}_]+)/u;

export function toLittleText(text: string): string {
  return text
    .split(new RegExp(URL_OR_HASHTAG.source, 'gu'))
    .map((part, index) => (index % 2 === 1 ? part : part.replace(RESERVED, (char) => `\\${char}`)))
    .join('');
}

export function fromLittleText(text: string): string {
  return text.replace(/\\([\\|{}@[\]()<>#*_~])/g, '$1');
}

export function postUrl(postUrn: string): string {
  return `https://www.linkedin.com/feed/update/${postUrn}`;
}

// urn:li:comment:(<post or activity urn>,<comment id>)
export function parseCommentUrn(urn: string): { parent: string; id: string } | null {
  const match = /^urn:li:comment:\((urn:li:[^,]+),([^)]+)\)$/.exec(urn);
  return match ? { parent: match[1]!, id: match[2]! } : null;
}

export function getCommentUrn(comment: LinkedInComment): string {
  return comment.commentUrn ?? comment.$URN ?? `urn:li:comment:(${comment.object},${comment.id})`;
}

const unique = (values: string[]) => [...new Set(values)];

// A comment as a message. The Comments API names the commenter only by URN; their name would need a
// profile lookup that organisation tokens do not get, so the URN is the handle and the name stays empty.
export function normaliseComment(comment: LinkedInComment, postUrn: string, organizationUrn: string, now: Date): NormalisedMessage {
  const text = comment.message?.text ?? '';
  const mentioned = (comment.message?.attributes ?? [])
    .flatMap((attribute) => Object.values(attribute.value ?? {}).flatMap((entity) => Object.values(entity)))
    .filter((value) => value.startsWith('urn:li:'));
  return {
    platformId: getCommentUrn(comment),
    direction: comment.actor === organizationUrn ? 'uit' : 'in',
    author: { id: comment.actor, handle: comment.actor, displayName: null, followers: null },
    text,
    media: (comment.content ?? []).filter((item) => item.url).map((item) => ({ url: item.url!, type: 'image' as const, altText: null })),
    links: unique(text.match(/https?:\/\/\S+/g) ?? []),
    mentions: unique(mentioned),
    hashtags: unique([...text.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((match) => match[1]!)),
    replyToPlatformId: comment.parentComment ?? postUrn,
    threadRootPlatformId: postUrn,
    geo: null,
    language: null,
    publicUrl: postUrl(postUrn),
    visibility: 'openbaar',
    postedAt: comment.created?.time ? new Date(comment.created.time) : now,
    // The post and the parent comment are what a reply from Plein needs later.
    raw: { postUrn, commentUrn: getCommentUrn(comment), parentComment: comment.parentComment ?? null, comment },
  };
}

// The organisation's own post: the root of every comment thread under it.
export function normalisePost(post: LinkedInPost, organizationUrn: string, now: Date): NormalisedMessage {
  const text = fromLittleText(post.commentary ?? '');
  return {
    platformId: post.id,
    direction: post.author === organizationUrn ? 'uit' : 'in',
    author: { id: post.author, handle: post.author, displayName: null, followers: null },
    text,
    media: [],
    links: unique(text.match(/https?:\/\/\S+/g) ?? []),
    mentions: [],
    hashtags: unique([...text.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((match) => match[1]!)),
    replyToPlatformId: null,
    threadRootPlatformId: post.id,
    geo: null,
    language: null,
    publicUrl: postUrl(post.id),
    visibility: 'openbaar',
    postedAt: new Date(post.publishedAt ?? post.createdAt ?? now.getTime()),
    raw: { postUrn: post.id, post },
  };
}
