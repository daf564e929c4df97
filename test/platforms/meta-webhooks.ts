import type { FastifyInstance } from 'fastify';
import { signMetaPayload } from '../../server/src/modules/channels/connectors/meta/meta-webhook.rules';

type Json = Record<string, any>;

// Webhook payloads as Meta sends them (Graph API webhooks reference: Page feed, Messenger, Instagram).
export function buildPageCommentWebhook(pageId: string, comment: Json): Json {
  return {
    object: 'page',
    entry: [
      {
        id: pageId,
        time: Math.floor(Date.parse(comment.created_time.replace('+0000', 'Z')) / 1000),
        changes: [
          {
            field: 'feed',
            value: {
              from: comment.from,
              post: { status_type: 'added_photos', is_published: true, id: comment._post, permalink_url: `https://www.facebook.com/${comment._post}` },
              message: comment.message,
              post_id: comment._post,
              comment_id: comment.id,
              created_time: Math.floor(Date.parse(comment.created_time.replace('+0000', 'Z')) / 1000),
              item: 'comment',
              parent_id: comment._parent,
              verb: 'add',
            },
          },
        ],
      },
    ],
  };
}

export function buildMessagingWebhook(
  object: 'page' | 'instagram',
  accountId: string,
  message: { senderId: string; mid: string; text: string; at: Date; attachments?: Json[] },
): Json {
  return {
    object,
    entry: [
      {
        id: accountId,
        time: message.at.getTime(),
        messaging: [
          {
            sender: { id: message.senderId },
            recipient: { id: accountId },
            timestamp: message.at.getTime(),
            message: { mid: message.mid, text: message.text, ...(message.attachments && { attachments: message.attachments }) },
          },
        ],
      },
    ],
  };
}

export function buildIgCommentWebhook(igUserId: string, comment: Json): Json {
  return {
    object: 'instagram',
    entry: [
      {
        id: igUserId,
        time: Math.floor((comment._at as number) / 1000),
        changes: [
          {
            field: 'comments',
            value: {
              from: comment.from,
              media: { id: comment._media, media_product_type: 'FEED' },
              id: comment.id,
              ...(comment.parent_id && { parent_id: comment.parent_id }),
              text: comment.text,
            },
          },
        ],
      },
    ],
  };
}

// POSTs a payload to Plein's webhook the way Meta does: the exact bytes, signed with the app secret.
// `signature` overrides the header (null leaves it out) to play a forger.
export function deliverWebhook(app: FastifyInstance, path: string, payload: Json, appSecret: string, options: { signature?: string | null } = {}) {
  const raw = JSON.stringify(payload);
  const signature = options.signature === undefined ? signMetaPayload(appSecret, raw) : options.signature;
  return app.inject({
    method: 'POST',
    url: path,
    headers: { 'content-type': 'application/json', ...(signature !== null && { 'x-hub-signature-256': signature }) },
    payload: raw,
  });
}
