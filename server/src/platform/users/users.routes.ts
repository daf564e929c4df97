import { idParams } from '@contracts/common';
import { teamChangeSchema, teamCreateSchema, teamSchema, userChangeSchema, userCreateSchema, userSchema } from '@contracts/users';
import { z } from 'zod';
import { type AppInstance, createServiceContext } from '../http/app.server';
import { changeTeam, createTeam, getTeam, listTeams, removeTeam } from './teams.service';
import { changeUser, createUser, getUser, listUsers } from './users.service';

export async function registerUsersRoutes(app: AppInstance) {
  const tags = ['Gebruikers en teams'];

  app.get(
    '/api/v1/users',
    { config: { permission: 'users.read' }, schema: { tags, summary: 'Alle gebruikers van de organisatie', response: { 200: z.array(userSchema) } } },
    async (request) => listUsers(createServiceContext(request)),
  );

  app.post(
    '/api/v1/users',
    { config: { permission: 'users.manage' }, schema: { tags, summary: 'Maak een gebruiker', body: userCreateSchema, response: { 201: userSchema } } },
    async (request, reply) => reply.status(201).send(await createUser(createServiceContext(request), request.body)),
  );

  app.get(
    '/api/v1/users/:id',
    { config: { permission: 'users.read' }, schema: { tags, summary: 'Eén gebruiker', params: idParams, response: { 200: userSchema } } },
    async (request) => getUser(createServiceContext(request), request.params.id),
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags,
        summary: 'Wijzig rollen, gemeenten of status van een gebruiker',
        params: idParams,
        body: userChangeSchema,
        response: { 200: userSchema },
      },
    },
    async (request) => changeUser(createServiceContext(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/teams',
    { config: { permission: 'users.read' }, schema: { tags, summary: 'Alle teams', response: { 200: z.array(teamSchema) } } },
    async (request) => listTeams(createServiceContext(request)),
  );

  app.post(
    '/api/v1/teams',
    { config: { permission: 'teams.manage' }, schema: { tags, summary: 'Maak een team', body: teamCreateSchema, response: { 201: teamSchema } } },
    async (request, reply) => reply.status(201).send(await createTeam(createServiceContext(request), request.body)),
  );

  app.get(
    '/api/v1/teams/:id',
    { config: { permission: 'users.read' }, schema: { tags, summary: 'Eén team met zijn leden', params: idParams, response: { 200: teamSchema } } },
    async (request) => getTeam(createServiceContext(request), request.params.id),
  );

  app.patch(
    '/api/v1/teams/:id',
    {
      config: { permission: 'teams.manage' },
      schema: { tags, summary: 'Wijzig een team', params: idParams, body: teamChangeSchema, response: { 200: teamSchema } },
    },
    async (request) => changeTeam(createServiceContext(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/teams/:id',
    { config: { permission: 'teams.manage' }, schema: { tags, summary: 'Verwijder een team', params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await removeTeam(createServiceContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
