import { idParams } from '@contracts/common';
import { routingRuleChangeSchema, routingRuleCreateSchema, routingRuleSchema } from '@contracts/routing';
import { type AppInstance, createServiceContext } from '@platform/http/app.server';
import { z } from 'zod';
import { changeRule, createRule, listRules, removeRule } from './rules.service';

export async function registerRoutingRoutes(app: AppInstance) {
  const tags = ['Reageren'];

  app.get(
    '/api/v1/routing-rules',
    {
      config: { permission: 'inbox.read' },
      schema: { tags, summary: 'Verdeelregels van de inbox, in volgorde', response: { 200: z.array(routingRuleSchema) } },
    },
    async (request) => listRules(createServiceContext(request)),
  );

  app.post(
    '/api/v1/routing-rules',
    {
      config: { permission: 'routing.manage' },
      schema: {
        tags,
        summary:
          'Voeg een verdeelregel toe: voorwaarden (kanaal, account, gemeente, woorden, afzenders, taal, tijd) en acties (team, behandelaar, labels, prioriteit)',
        body: routingRuleCreateSchema,
        response: { 201: routingRuleSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createRule(createServiceContext(request), request.body)),
  );

  app.patch(
    '/api/v1/routing-rules/:id',
    {
      config: { permission: 'routing.manage' },
      schema: { tags, summary: 'Wijzig een verdeelregel', params: idParams, body: routingRuleChangeSchema, response: { 200: routingRuleSchema } },
    },
    async (request) => changeRule(createServiceContext(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/routing-rules/:id',
    { config: { permission: 'routing.manage' }, schema: { tags, summary: 'Verwijder een verdeelregel', params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await removeRule(createServiceContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
