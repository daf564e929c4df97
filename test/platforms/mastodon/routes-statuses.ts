import { countStatusLength } from './render';
import { type Route, readBody } from './routes';
import type { Json } from './state';
import { createStatus } from './statuses';

// Posting a status (Idempotency-Key kept one hour, 500-character limit, only processed own media) and deleting one.

const IDEMPOTENCY_MS = 60 * 60_000;

export const statusRoutes: Route[] = [
  {
    method: 'POST',
    path: /^\/api\/v1\/statuses$/,
    answer: async ({ state, request, me, limits, send }) => {
      const key = request.headers['idempotency-key'];
      const body = await readBody(request);
      const params: Json = (request.headers['content-type'] ?? '').includes('json')
        ? JSON.parse(body.toString() || '{}')
        : Object.fromEntries(new URLSearchParams(body.toString()));
      if (typeof key === 'string') {
        const earlier = state.idempotency.get(`${me.id}:${key}`);
        if (earlier && state.now().getTime() - earlier.at < IDEMPOTENCY_MS)
          return send(
            200,
            state.statuses.find((status) => status.id === earlier.statusId),
            limits,
          );
      }
      const text = String(params.status ?? '');
      const mediaIds: string[] = Array.isArray(params.media_ids) ? params.media_ids.map(String) : [];
      if (!text.trim() && mediaIds.length === 0) return send(422, { error: "Validation failed: Text can't be blank" }, limits);
      if (countStatusLength(text) > 500) return send(422, { error: 'Validation failed: Text character limit of 500 exceeded' }, limits);
      if (params.in_reply_to_id && !state.statuses.some((status) => status.id === String(params.in_reply_to_id)))
        return send(404, { error: 'Record not found' }, limits);
      for (const id of mediaIds) {
        const item = state.media.get(id);
        if (!item || item.ownerId !== me.id) return send(422, { error: 'Validation failed: Media attachments are invalid' }, limits);
        if (!item.url) return send(422, { error: 'Cannot attach files that have not finished processing. Try again in a moment!' }, limits);
      }
      const status = createStatus(state, me, text, {
        inReplyToId: params.in_reply_to_id ? String(params.in_reply_to_id) : undefined,
        visibility: params.visibility,
        language: params.language ?? null,
        mediaIds,
      });
      if (typeof key === 'string') state.idempotency.set(`${me.id}:${key}`, { statusId: status.id, at: state.now().getTime() });
      return send(200, status, limits);
    },
  },
  {
    method: 'DELETE',
    path: /^\/api\/v1\/statuses\/([^/]+)$/,
    answer: ({ state, me, limits, send }, match) => {
      const index = state.statuses.findIndex((status) => status.id === match[1] && status.account.id === me.id);
      if (index === -1) return send(404, { error: 'Record not found' }, limits);
      const [deleted] = state.statuses.splice(index, 1);
      return send(200, { ...deleted, text: '' }, limits);
    },
  },
];
