import { invalid, type Json } from './responses';
import type { MediaRecord, XRoute, XState, XUser } from './state';

// POST /2/media/upload (base64 in JSON, up to 5 MB) and POST /2/media/metadata (alt text).

export function findOwnedMedia(x: XState, user: XUser, mediaId: string): MediaRecord {
  const media = [...x.media.values()].find((candidate) => candidate.id === mediaId && candidate.owner === user.id);
  if (!media) throw invalid(`Your media IDs are invalid: [${mediaId}].`);
  return media;
}

function upload(x: XState, user: XUser, body: Json): Json {
  const categories = ['tweet_image', 'dm_image', 'subtitles'];
  if (typeof body?.media !== 'string' || !body.media) throw invalid('media is required');
  if (!categories.includes(body.media_category)) throw invalid(`media_category must be one of ${categories.join(', ')}`);
  const bytes = Buffer.from(body.media, 'base64');
  if (bytes.length > 5 * 1024 * 1024) throw invalid('File size exceeds 5242880 bytes.');
  const media = x.storeMedia(user.id, bytes.length);
  return { id: media.id, media_key: media.media_key, size: media.size, expires_after_secs: 86_400 };
}

export const mediaRoutes: Record<string, XRoute> = {
  'POST /2/media/upload': (x, _param, user, _query, body) => [200, { data: upload(x, user, body) }],
  'POST /2/media/metadata': (x, _param, user, _query, body) => {
    const media = [...x.media.values()].find((candidate) => candidate.id === body?.id && candidate.owner === user.id);
    if (!media) throw invalid(`Could not find media with id: [${body?.id}].`);
    const alt = body?.metadata?.alt_text?.text;
    if (typeof alt === 'string') {
      if ([...alt].length > 1000) throw invalid('alt_text.text must be at most 1000 characters');
      media.alt_text = alt;
    }
    return [200, { data: { id: media.id, associated_metadata: body.metadata } }];
  },
};
