import { conversationFiguresQuery, conversationFiguresReportSchema } from '@contracts/inbox-figures';
import { type AppInstance, createServiceContext } from '@platform/http/app.server';
import { computeConversationFigures } from './figures.service';

export async function registerConversationFiguresRoutes(app: AppInstance) {
  app.get(
    '/api/v1/insights/conversations',
    {
      config: { permission: 'insights.read' },
      schema: {
        tags: ['Inzicht'],
        summary:
          'Webcare-cijfers per account en periode: eerste reactie en afhandeling (gemiddeld, mediaan, p90, binnen de norm), verstuurde antwoorden en het interactiepercentage',
        querystring: conversationFiguresQuery,
        response: { 200: conversationFiguresReportSchema },
      },
    },
    async (request) => computeConversationFigures(createServiceContext(request), request.query),
  );
}
