import { type Route, readBody } from './routes';
import type { Media } from './state';

// Uploads (POST /api/v2/media, multipart) processed in the background when mediaProcessingPolls > 0:
// 202 at first, then GET /api/v1/media/:id answers 206 until ready and 200 with the url after.

export const mediaRoutes: Route[] = [
  {
    method: 'POST',
    path: /^\/api\/v2\/media$/,
    answer: async ({ state, request, url, me, limits, send }) => {
      const body = await readBody(request);
      const form = await new Request(url, {
        method: 'POST',
        headers: { 'content-type': request.headers['content-type'] ?? '' },
        body: new Uint8Array(body),
      }).formData();
      const file = form.get('file');
      if (!(file instanceof Blob) || !file.type) return send(422, { error: 'Validation failed: File content type is invalid, File is invalid' }, limits);
      const id = String(state.nextOther++);
      const processing = state.options.mediaProcessingPolls ?? 0;
      const item: Media = {
        id,
        type: file.type.startsWith('image/') ? 'image' : file.type.startsWith('video/') ? 'video' : 'unknown',
        url: processing > 0 ? null : `${state.base}/system/media_attachments/${id}/original`,
        preview_url: `${state.base}/system/media_attachments/${id}/small`,
        description: typeof form.get('description') === 'string' ? String(form.get('description')) : null,
        ownerId: me.id,
        pollsLeft: processing,
        contentType: file.type,
        size: file.size,
      };
      state.media.set(id, item);
      const { ownerId: _o, pollsLeft: _p, contentType: _c, size: _s, ...json } = item;
      return send(processing > 0 ? 202 : 200, { ...json, remote_url: null, text_url: null, meta: {}, blurhash: null }, limits);
    },
  },
  {
    method: 'GET',
    path: /^\/api\/v1\/media\/([^/]+)$/,
    answer: ({ state, me, limits, send }, match) => {
      const item = state.media.get(match[1]!);
      if (!item || item.ownerId !== me.id) return send(404, { error: 'Record not found' }, limits);
      if (item.pollsLeft > 0) {
        item.pollsLeft--;
        return send(206, undefined, limits);
      }
      item.url ??= `${state.base}/system/media_attachments/${item.id}/original`;
      const { ownerId: _o, pollsLeft: _p, contentType: _c, size: _s, ...json } = item;
      return send(200, { ...json, remote_url: null, text_url: null, meta: {}, blurhash: null }, limits);
    },
  },
];
