import { isoDateTime } from '@contracts/common';
import { itemFilterSchema, itemListQuerySchema, itemPageSchema, listeningItemSchema, overviewSchema } from '@contracts/luisteren';
import { type AppInstance, createServiceContext } from '@platform/http/app.server';
import { z } from 'zod';
import { listItems, summariseItems } from './explore.service';
import { getItem } from './item-detail.service';

const messageParams = z.strictObject({ messageId: z.uuid() });
const itemDetailSchema = z.object({
  item: listeningItemSchema,
  thread: z.array(
    z.object({
      messageId: z.uuid(),
      direction: z.enum(['in', 'uit']),
      author: z.string(),
      text: z.string(),
      postedAt: isoDateTime,
      publicUrl: z.string().nullable(),
    }),
  ),
  authorHistory: z.array(listeningItemSchema),
});

export async function registerExploreRoutes(app: AppInstance) {
  const tags = ['Luisteren'];

  app.get(
    '/api/v1/luisteren/items',
    {
      config: { permission: 'listening.read' },
      schema: {
        tags,
        summary: 'Berichten uit alle bronnen, nieuwste eerst; reposts en kopieën als één bericht met een aantal',
        querystring: itemListQuerySchema,
        response: { 200: itemPageSchema },
      },
    },
    async (request) => listItems(createServiceContext(request), request.query),
  );

  app.get(
    '/api/v1/luisteren/overzicht',
    {
      config: { permission: 'listening.read' },
      schema: {
        tags,
        summary: 'Volume en tenor in de tijd, top-auteurs, hashtags, termen, share of voice en plaatsen voor dezelfde filters',
        querystring: itemFilterSchema,
        response: { 200: overviewSchema },
      },
    },
    async (request) => summariseItems(createServiceContext(request), request.query),
  );

  app.get(
    '/api/v1/luisteren/items/:messageId',
    {
      config: { permission: 'listening.read' },
      schema: { tags, summary: 'Eén bericht met zijn draad en wat de auteur eerder schreef', params: messageParams, response: { 200: itemDetailSchema } },
    },
    async (request) => getItem(createServiceContext(request), request.params.messageId),
  );
}
