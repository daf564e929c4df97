import { idParams } from '@contracts/common';
import {
  conversationChangeSchema,
  conversationDetailSchema,
  conversationListQuery,
  conversationNoteSchema,
  conversationPageSchema,
  conversationReplyResultSchema,
  conversationReplySchema,
} from '@contracts/inbox';
import { type AppInstance, createServiceContext } from '@platform/http/app.server';
import { getConversation, listConversations } from './conversations.service';
import { addConversationNote, changeConversation, replyToConversation } from './handling.service';

export async function registerInboxRoutes(app: AppInstance) {
  const tags = ['Reageren'];
  const links = { publicUrl: app.deps.config.publicUrl };

  app.get(
    '/api/v1/conversations',
    {
      config: { permission: 'inbox.read' },
      schema: {
        tags,
        summary: 'Gesprekken met hun berichten (in en uit), nieuwste eerst; filters op gemeente, toestand, kanaal, account, label, weergave en tekst',
        querystring: conversationListQuery,
        response: { 200: conversationPageSchema },
      },
    },
    async (request) => listConversations(createServiceContext(request), request.query),
  );

  app.get(
    '/api/v1/conversations/:id',
    {
      config: { permission: 'inbox.read' },
      schema: {
        tags,
        summary: 'Eén gesprek met alle berichten, gebeurtenissen, wachtrij en eerdere gesprekken; markeert het als gelezen',
        params: idParams,
        response: { 200: conversationDetailSchema },
      },
    },
    async (request) => getConversation(createServiceContext(request), request.params.id),
  );

  app.patch(
    '/api/v1/conversations/:id',
    {
      config: { permission: 'inbox.handle' },
      schema: {
        tags,
        summary: 'Toestand, snooze, prioriteit, labels of toewijzing wijzigen',
        params: idParams,
        body: conversationChangeSchema,
        response: { 200: conversationDetailSchema },
      },
    },
    async (request) => changeConversation(createServiceContext(request), request.params.id, request.body, links),
  );

  app.post(
    '/api/v1/conversations/:id/notes',
    {
      config: { permission: 'inbox.handle' },
      schema: {
        tags,
        summary: 'Interne notitie; @naam noemt een collega',
        params: idParams,
        body: conversationNoteSchema,
        response: { 200: conversationDetailSchema },
      },
    },
    async (request) => addConversationNote(createServiceContext(request), request.params.id, request.body.text),
  );

  app.post(
    '/api/v1/conversations/:id/reply',
    {
      config: { permission: 'inbox.handle' },
      schema: {
        tags,
        summary:
          'Antwoord de inwoner via het kanaal van het gesprek; het antwoord gaat één keer de deur uit via de wachtrij. Eerst de controles: 400 bij een blokkerend probleem (niet-ingevulde plaatshouder, te lang zonder draad), 422 bij waarschuwingen zonder confirmedWarnings: true',
        params: idParams,
        body: conversationReplySchema,
        response: { 201: conversationReplyResultSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await replyToConversation(createServiceContext(request), request.params.id, request.body)),
  );
}
