import {
  authorGroupChangeSchema,
  authorGroupSchema,
  authorParams,
  authorProfileSchema,
  networkGroupSchema,
  networkPageSchema,
  networkQuerySchema,
} from '@contracts/network';
import { type AppInstance, createServiceContext } from '@platform/http/app.server';
import { z } from 'zod';
import { getAuthorProfile, listNetwork, setAuthorGroup } from './network.service';

const groupChangeResult = z.object({
  group: authorGroupSchema,
  suggestion: z.object({ group: networkGroupSchema.nullable(), reason: z.object({ words: z.array(z.string()), lists: z.array(z.string()) }) }),
});

export async function registerNetworkRoutes(app: AppInstance) {
  const tags = ['Luisteren'];

  app.get(
    '/api/v1/auteurs',
    {
      config: { permission: 'listening.read' },
      schema: {
        tags,
        summary: 'Het lokale netwerk: auteurs met berichten in de periode, hun netwerkgroep, bereik en tenor, en de samenstelling per groep',
        querystring: networkQuerySchema,
        response: { 200: networkPageSchema },
      },
    },
    async (request) => listNetwork(createServiceContext(request), request.query),
  );

  app.get(
    '/api/v1/auteurs/:handle',
    {
      config: { permission: 'listening.read' },
      schema: {
        tags,
        summary: 'Profiel van een auteur: bereik, frequentie en tenor per week, lijsten, netwerkgroep en recente berichten',
        params: authorParams,
        response: { 200: authorProfileSchema },
      },
    },
    async (request) => getAuthorProfile(createServiceContext(request), request.params.handle),
  );

  app.put(
    '/api/v1/auteurs/:handle/groep',
    {
      config: { permission: 'listening.review' },
      schema: {
        tags,
        summary: 'Deel een auteur in bij een netwerkgroep (analist); null haalt de indeling weg',
        params: authorParams,
        body: authorGroupChangeSchema,
        response: { 200: groupChangeResult },
      },
    },
    async (request) => setAuthorGroup(createServiceContext(request), request.params.handle, request.body),
  );
}
