import { idParams, noContent } from '@contracts/common';
import {
  conversationHandoffsSchema,
  handoffCreateSchema,
  handoffPartnerChangeSchema,
  handoffPartnerCreateSchema,
  handoffPartnerSchema,
  partnerHandoffUpdateSchema,
  partnerHandoffViewSchema,
} from '@contracts/handoff';
import { type AppInstance, createServiceContext } from '@platform/http/app.server';
import { describeIdempotentCall } from '@platform/http/idempotency.service';
import { z } from 'zod';
import { handOffConversation, listConversationHandoffs } from './handoff.service';
import { updatePartnerHandoff, viewPartnerHandoff } from './partner-link.service';
import { changePartner, createPartner, listPartners, removePartner } from './partners.service';

const linkParams = z.strictObject({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Onbekende organisatie'),
  token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, 'Onbekende link'),
});

export async function registerHandoffRoutes(app: AppInstance) {
  const { db, clock } = app.deps;
  const links = { publicUrl: app.deps.config.publicUrl };
  const tags = ['Reageren'];

  app.get(
    '/api/v1/handoff-partners',
    {
      config: { permission: 'inbox.read' },
      schema: { tags, summary: 'Partners buiten de organisatie aan wie een gesprek kan worden doorgezet', response: { 200: z.array(handoffPartnerSchema) } },
    },
    async (request) => listPartners(createServiceContext(request)),
  );

  app.post(
    '/api/v1/handoff-partners',
    {
      config: { permission: 'handoff.partners' },
      schema: {
        tags,
        summary: 'Voeg een partner toe (naam, e-mail, gemeente, werkdagen om te antwoorden)',
        body: handoffPartnerCreateSchema,
        response: { 201: handoffPartnerSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createPartner(createServiceContext(request), request.body)),
  );

  app.patch(
    '/api/v1/handoff-partners/:id',
    {
      config: { permission: 'handoff.partners' },
      schema: { tags, summary: 'Wijzig een partner', params: idParams, body: handoffPartnerChangeSchema, response: { 200: handoffPartnerSchema } },
    },
    async (request) => changePartner(createServiceContext(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/handoff-partners/:id',
    {
      config: { permission: 'handoff.partners' },
      schema: { tags, summary: 'Verwijder een partner; eerdere overdrachten houden naam en adres', params: idParams, response: { 204: noContent } },
    },
    async (request, reply) => {
      await removePartner(createServiceContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/conversations/:id/handoffs',
    {
      config: { permission: 'inbox.read' },
      schema: { tags, summary: 'De overdrachten van dit gesprek met hun status', params: idParams, response: { 200: conversationHandoffsSchema } },
    },
    async (request) => listConversationHandoffs(createServiceContext(request), request.params.id),
  );

  app.post(
    '/api/v1/conversations/:id/handoffs',
    {
      config: { permission: 'inbox.handle' },
      schema: {
        tags,
        summary:
          'Draag het gesprek over: aan een ander account van de organisatie (het team van dat account neemt het over; optioneel een bericht aan de inwoner via de wachtrij) of aan een partner (één e-mail met een geheime link; het gesprek wacht tot de partner antwoordt)',
        params: idParams,
        body: handoffCreateSchema,
        response: { 201: conversationHandoffsSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await handOffConversation(createServiceContext(request), links, request.params.id, request.body)),
  );

  const publicTags = ['Reageren (openbaar)'];
  app.get(
    '/api/v1/organisations/:slug/handoffs/:token',
    {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: publicTags,
        summary: 'Een doorgezette vraag voor de partner (link uit de e-mail); de eerste keer openen wordt gemeld',
        params: linkParams,
        response: { 200: partnerHandoffViewSchema },
      },
    },
    async (request) => viewPartnerHandoff(db, clock, request.params.slug, request.params.token),
  );

  app.post(
    '/api/v1/organisations/:slug/handoffs/:token',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: publicTags,
        summary: 'De partner neemt de vraag in behandeling, handelt hem af of geeft hem terug (met een kort antwoord); 410 na 30 dagen',
        params: linkParams,
        body: partnerHandoffUpdateSchema,
        response: { 200: partnerHandoffViewSchema },
      },
    },
    async (request) => updatePartnerHandoff(db, clock, request.params.slug, request.params.token, request.body, describeIdempotentCall(request)),
  );
}
