import { idParams } from '@contracts/common';
import { conversationCaseSchema, presenceReportSchema, presenceSchema, savedViewCreateSchema, savedViewSchema, streamInfoSchema } from '@contracts/inbox-live';
import { type AppInstance, createServiceContext } from '@platform/http/app.server';
import { actsForMunicipality, assertCan } from '@platform/tenancy/policy.rules';
import { z } from 'zod';
import { listCasesOfConversation } from '../cases/cases.service';
import { listSavedViews, removeSavedView, saveView } from '../views/saved-views.service';
import { listPresence, reportPresence } from './presence.service';

const HEARTBEAT_MS = 25_000;

export async function registerLiveInboxRoutes(app: AppInstance) {
  const tags = ['Reageren'];

  // Server-sent events: "gesprek" (new message, reply, change) and "aanwezigheid" (a colleague opened or is
  // answering a conversation), each with the conversation's id. Only for conversations of one's own
  // municipalities. A request without Accept: text/event-stream gets a short explanation instead.
  app.get(
    '/api/v1/inbox/stream',
    {
      config: { permission: 'inbox.read' },
      schema: { tags, summary: 'Live wijzigingen in de inbox (server-sent events; vraag met Accept: text/event-stream)', response: { 200: streamInfoSchema } },
    },
    async (request, reply) => {
      const ctx = createServiceContext(request);
      assertCan(ctx.actor, 'inbox.read');
      const events = app.deps.events;
      if (!events || !String(request.headers.accept ?? '').includes('text/event-stream')) {
        return { stream: '/api/v1/inbox/stream', hint: 'Open dit adres met Accept: text/event-stream (EventSource) voor live wijzigingen.' };
      }
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      reply.raw.write('retry: 3000\n\n');
      const unsubscribe = events.subscribe(ctx.actor.organisationId, (change) => {
        if (change.kind === 'signaal' || change.municipalityId === null || !actsForMunicipality(ctx.actor, change.municipalityId)) return;
        reply.raw.write(`event: ${change.kind}\ndata: ${JSON.stringify({ id: change.id })}\n\n`);
      });
      // A comment now and then keeps proxies from closing an idle stream.
      const heartbeat = setInterval(() => reply.raw.write(': \n\n'), HEARTBEAT_MS);
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
    },
  );

  app.get(
    '/api/v1/conversations/:id/presence',
    {
      config: { permission: 'inbox.read' },
      schema: {
        tags,
        summary: 'Collega’s die dit gesprek nu open hebben (en of ze een antwoord typen)',
        params: idParams,
        response: { 200: z.array(presenceSchema) },
      },
    },
    async (request) => listPresence(createServiceContext(request), request.params.id),
  );

  app.post(
    '/api/v1/conversations/:id/presence',
    {
      config: { permission: 'inbox.read' },
      schema: {
        tags,
        summary: 'Meld dat u dit gesprek open heeft of een antwoord typt (elke 20 seconden)',
        params: idParams,
        body: presenceReportSchema,
        response: { 200: z.array(presenceSchema) },
      },
    },
    async (request) => reportPresence(createServiceContext(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/conversations/:id/cases',
    {
      config: { permission: 'inbox.read' },
      schema: {
        tags,
        summary: 'Meldingen en klachten die van dit gesprek zijn gemaakt, met hun status',
        params: idParams,
        response: { 200: z.array(conversationCaseSchema) },
      },
    },
    async (request) => listCasesOfConversation(createServiceContext(request), request.params.id),
  );

  app.get(
    '/api/v1/me/inbox-views',
    { config: { permission: 'inbox.read' }, schema: { tags, summary: 'Uw opgeslagen inboxweergaven', response: { 200: z.array(savedViewSchema) } } },
    async (request) => listSavedViews(createServiceContext(request)),
  );

  app.post(
    '/api/v1/me/inbox-views',
    {
      config: { permission: 'inbox.read' },
      schema: {
        tags,
        summary: 'Sla de huidige filters op als weergave (dezelfde naam vervangt de filters)',
        body: savedViewCreateSchema,
        response: { 201: savedViewSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await saveView(createServiceContext(request), request.body)),
  );

  app.delete(
    '/api/v1/me/inbox-views/:id',
    { config: { permission: 'inbox.read' }, schema: { tags, summary: 'Verwijder een opgeslagen weergave', params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await removeSavedView(createServiceContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
