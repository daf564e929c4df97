import { idParams } from '@contracts/common';
import { municipalityChangeSchema, municipalitySchema, organisationSchema } from '@contracts/organisation';
import { type AppInstance, createServiceContext } from '../http/app.server';
import { changeMunicipality, getMunicipality, getOwnOrganisation } from './organisations.service';

const tags = ['Organisatie'];

export async function registerOrganisationsRoutes(app: AppInstance) {
  app.get(
    '/api/v1/organisation',
    { config: { permission: 'organisation.read' }, schema: { tags, summary: 'De eigen organisatie en haar gemeenten', response: { 200: organisationSchema } } },
    async (request) => getOwnOrganisation(createServiceContext(request)),
  );

  app.get(
    '/api/v1/municipalities/:id',
    { config: { permission: 'organisation.read' }, schema: { tags, summary: 'Eén gemeente', params: idParams, response: { 200: municipalitySchema } } },
    async (request) => getMunicipality(createServiceContext(request), request.params.id),
  );

  app.patch(
    '/api/v1/municipalities/:id',
    {
      config: { permission: 'organisation.manage' },
      schema: {
        tags,
        summary: 'Wijzig huisstijl of inwonertal van een gemeente',
        params: idParams,
        body: municipalityChangeSchema,
        response: { 200: municipalitySchema },
      },
    },
    async (request) => changeMunicipality(createServiceContext(request), request.params.id, request.body),
  );
}
