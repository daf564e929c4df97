import { type AppInstance, createServiceContext } from '@platform/http/app.server';
import { z } from 'zod';
import { sendItemToInbox } from './listening-items.service';

const messageParams = z.strictObject({ messageId: z.uuid() });

// Under Luisteren's address, because that is where the analyst finds the item; the inbox owns what it does.
export async function registerListeningItemRoutes(app: AppInstance) {
  app.post(
    '/api/v1/luisteren/items/:messageId/naar-inbox',
    {
      config: { permission: 'inbox.handle' },
      schema: {
        tags: ['Luisteren'],
        summary: 'Zet het bericht als gesprek in de webcare-inbox',
        params: messageParams,
        response: { 200: z.object({ conversationId: z.uuid() }) },
      },
    },
    async (request) => sendItemToInbox(createServiceContext(request), request.params.messageId),
  );
}
