import { idParams } from '@contracts/common';
import { replyCheckRequestSchema, replyCheckResultSchema } from '@contracts/reply-checks';
import { type AppInstance, createServiceContext } from '@platform/http/app.server';
import { checkConversationReply } from './reply-checks.service';

export async function registerReplyCheckRoutes(app: AppInstance) {
  const tags = ['Reageren'];

  app.post(
    '/api/v1/conversations/:id/reply-check',
    {
      config: { permission: 'inbox.handle' },
      schema: {
        tags,
        summary:
          'Controleer een concept-antwoord vóór versturen: blokkerende problemen, waarschuwingen (belofte, persoonsgegevens in een openbaar antwoord), lengte, draad en de toonvragen',
        params: idParams,
        body: replyCheckRequestSchema,
        response: { 200: replyCheckResultSchema },
      },
    },
    async (request) => checkConversationReply(createServiceContext(request), request.params.id, request.body),
  );
}
