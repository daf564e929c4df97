import { idParams } from '@contracts/common';
import { monitorChangeSchema, monitorCreateSchema, monitorSchema } from '@contracts/luisteren';
import { type AppInstance, createServiceContext } from '@platform/http/app.server';
import { z } from 'zod';
import { changeMonitor, createMonitor, getMonitor, listMonitors, removeMonitor } from './monitors.service';

export async function registerMonitorRoutes(app: AppInstance) {
  const tags = ['Luisteren'];

  app.get(
    '/api/v1/monitors',
    {
      config: { permission: 'listening.read' },
      schema: { tags, summary: 'Monitors: opgeslagen zoekvragen over alle bronnen', response: { 200: z.array(monitorSchema) } },
    },
    async (request) => listMonitors(createServiceContext(request)),
  );

  app.post(
    '/api/v1/monitors',
    {
      config: { permission: 'listening.manage' },
      schema: {
        tags,
        summary:
          'Maak een monitor. De zoekvraag kent EN/OF/NIET, haakjes, "woordgroepen", #hashtags, @accounts, woord* en velden (auteur:, bron:, taal:, gemeente:, lijst:, plaats:). Opgeslagen berichten worden daarna doorzocht.',
        body: monitorCreateSchema,
        response: { 201: monitorSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createMonitor(createServiceContext(request), request.body)),
  );

  app.get(
    '/api/v1/monitors/:id',
    {
      config: { permission: 'listening.read' },
      schema: {
        tags,
        summary: 'Een monitor, met de voortgang van het doorzoeken van opgeslagen berichten',
        params: idParams,
        response: { 200: monitorSchema },
      },
    },
    async (request) => getMonitor(createServiceContext(request), request.params.id),
  );

  app.patch(
    '/api/v1/monitors/:id',
    {
      config: { permission: 'listening.manage' },
      schema: {
        tags,
        summary: 'Wijzig een monitor; een andere zoekvraag doorzoekt alles opnieuw',
        params: idParams,
        body: monitorChangeSchema,
        response: { 200: monitorSchema },
      },
    },
    async (request) => changeMonitor(createServiceContext(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/monitors/:id',
    {
      config: { permission: 'listening.manage' },
      schema: { tags, summary: 'Verwijder een monitor en zijn treffers', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await removeMonitor(createServiceContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
