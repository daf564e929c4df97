import { idParams } from '@contracts/common';
import { authorListChangeSchema, authorListCreateSchema, authorListSchema } from '@contracts/luisteren';
import { type AppInstance, createServiceContext } from '@platform/http/app.server';
import { z } from 'zod';
import { changeAuthorList, createAuthorList, listAuthorLists, removeAuthorList } from './lists.service';

export async function registerAuthorListRoutes(app: AppInstance) {
  const tags = ['Luisteren'];

  app.get(
    '/api/v1/auteurslijsten',
    {
      config: { permission: 'listening.read' },
      schema: { tags, summary: 'Lijsten van auteurs (raadsleden, pers, regiogemeenten)', response: { 200: z.array(authorListSchema) } },
    },
    async (request) => listAuthorLists(createServiceContext(request)),
  );

  app.post(
    '/api/v1/auteurslijsten',
    {
      config: { permission: 'listening.manage' },
      schema: { tags, summary: 'Maak een lijst van auteurs (handles)', body: authorListCreateSchema, response: { 201: authorListSchema } },
    },
    async (request, reply) => reply.status(201).send(await createAuthorList(createServiceContext(request), request.body)),
  );

  app.patch(
    '/api/v1/auteurslijsten/:id',
    {
      config: { permission: 'listening.manage' },
      schema: {
        tags,
        summary: 'Wijzig een lijst; leden worden vervangen',
        params: idParams,
        body: authorListChangeSchema,
        response: { 200: authorListSchema },
      },
    },
    async (request) => changeAuthorList(createServiceContext(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/auteurslijsten/:id',
    { config: { permission: 'listening.manage' }, schema: { tags, summary: 'Verwijder een lijst', params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await removeAuthorList(createServiceContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
