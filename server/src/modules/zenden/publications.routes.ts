import { idParams } from '@contracts/common';
import { publicationCreateSchema, publicationListQuery, publicationRescheduleSchema, publicationSchema } from '@contracts/publications';
import { type AppInstance, createServiceContext } from '@platform/http/app.server';
import { describeIdempotentCall } from '@platform/http/idempotency.service';
import { z } from 'zod';
import { cancelPublication, getPublication, listPublications, planPublication, reschedulePublication } from './publications.service';

export async function registerPublicationRoutes(app: AppInstance) {
  const tags = ['Zenden'];
  const read = { permission: 'publications.read' } as const;
  const manage = { permission: 'publications.manage' } as const;

  app.get(
    '/api/v1/publications',
    {
      config: read,
      schema: {
        tags,
        summary: 'Geplande en gepubliceerde berichten in een periode, op tijdstip',
        querystring: publicationListQuery,
        response: { 200: z.array(publicationSchema) },
      },
    },
    async (request) => listPublications(createServiceContext(request), request.query),
  );

  app.post(
    '/api/v1/publications',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Plan een bericht voor een of meer kanalen van een gemeente; het gaat op de geplande minuut precies één keer uit. Met een Idempotency-Key plant een herhaald verzoek niets opnieuw',
        body: publicationCreateSchema,
        response: { 201: publicationSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await planPublication(createServiceContext(request), request.body, describeIdempotentCall(request))),
  );

  app.get(
    '/api/v1/publications/:id',
    { config: read, schema: { tags, summary: 'Eén publicatie met het resultaat per kanaal', params: idParams, response: { 200: publicationSchema } } },
    async (request) => getPublication(createServiceContext(request), request.params.id),
  );

  app.post(
    '/api/v1/publications/:id/reschedule',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Verplaats een gepland bericht; 409 als het intussen is gewijzigd of al aan de kanalen is gegeven',
        params: idParams,
        body: publicationRescheduleSchema,
        response: { 200: publicationSchema },
      },
    },
    async (request) => reschedulePublication(createServiceContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/publications/:id/cancel',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Annuleer een gepland bericht; 409 als het al aan de kanalen is gegeven',
        params: idParams,
        response: { 200: publicationSchema },
      },
    },
    async (request) => cancelPublication(createServiceContext(request), request.params.id),
  );
}
