import { idParams } from '@contracts/common';
import {
  correctionCandidateSchema,
  correctionSearchQuerySchema,
  rumourChangeSchema,
  rumourCreateSchema,
  rumourDetailSchema,
  rumourListQuerySchema,
  rumourMessagesAddSchema,
  rumourSchema,
} from '@contracts/rumours';
import { type AppInstance, createServiceContext } from '@platform/http/app.server';
import { z } from 'zod';
import { findCorrectionCandidates } from './correction-search.service';
import { getRumourDetail } from './rumour-spread.service';
import { addRumourMessages, changeRumour, createRumour, listRumours, removeRumourMessage } from './rumours.service';

const messageParams = z.strictObject({ id: z.uuid(), messageId: z.uuid() });

export async function registerRumourRoutes(app: AppInstance) {
  const tags = ['Luisteren'];

  app.get(
    '/api/v1/geruchten',
    {
      config: { permission: 'listening.read' },
      schema: { tags, summary: 'Geruchten, laatst gewijzigd eerst', querystring: rumourListQuerySchema, response: { 200: z.array(rumourSchema) } },
    },
    async (request) => listRumours(createServiceContext(request), request.query),
  );

  app.post(
    '/api/v1/geruchten',
    {
      config: { permission: 'listening.manage' },
      schema: { tags, summary: 'Markeer een bericht als gerucht', body: rumourCreateSchema, response: { 201: rumourSchema } },
    },
    async (request, reply) => reply.status(201).send(await createRumour(createServiceContext(request), request.body)),
  );

  app.get(
    '/api/v1/geruchten/:id',
    {
      config: { permission: 'listening.read' },
      schema: {
        tags,
        summary: 'Een gerucht met de verspreiding per uur of dag, naast die van de rechtzetting',
        params: idParams,
        response: { 200: rumourDetailSchema },
      },
    },
    async (request) => getRumourDetail(createServiceContext(request), request.params.id),
  );

  app.patch(
    '/api/v1/geruchten/:id',
    {
      config: { permission: 'listening.manage' },
      schema: {
        tags,
        summary: 'Wijzig titel, status, controlelijst of rechtzetting',
        params: idParams,
        body: rumourChangeSchema,
        response: { 200: rumourSchema },
      },
    },
    async (request) => changeRumour(createServiceContext(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/geruchten/:id/rechtzetting-zoeken',
    {
      config: { permission: 'listening.manage' },
      schema: {
        tags,
        summary: 'Zoek het bericht dat het gerucht rechtzet: eigen berichten eerst, niet ouder dan het gerucht',
        params: idParams,
        querystring: correctionSearchQuerySchema,
        response: { 200: z.array(correctionCandidateSchema) },
      },
    },
    async (request) => findCorrectionCandidates(createServiceContext(request), request.params.id, request.query.q),
  );

  app.post(
    '/api/v1/geruchten/:id/berichten',
    {
      config: { permission: 'listening.manage' },
      schema: {
        tags,
        summary: 'Voeg berichten aan het gerucht toe; hun kopieën tellen vanzelf mee',
        params: idParams,
        body: rumourMessagesAddSchema,
        response: { 200: rumourSchema },
      },
    },
    async (request) => addRumourMessages(createServiceContext(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/geruchten/:id/berichten/:messageId',
    {
      config: { permission: 'listening.manage' },
      schema: { tags, summary: 'Haal een bericht uit het gerucht', params: messageParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await removeRumourMessage(createServiceContext(request), request.params.id, request.params.messageId);
      return reply.status(204).send(null);
    },
  );
}
