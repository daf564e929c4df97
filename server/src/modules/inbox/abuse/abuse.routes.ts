import {
  abuseReportSchema,
  aggressionRegisterQuery,
  aggressionRegisterSchema,
  authorBlockListQuery,
  authorBlockSchema,
  conversationAbuseSchema,
} from '@contracts/abuse';
import { idParams } from '@contracts/common';
import { type AppInstance, createServiceContext } from '@platform/http/app.server';
import { z } from 'zod';
import { getConversationAbuse, reportAbuse } from './abuse.service';
import { listBlocks, unblockAuthor } from './blocks.service';
import { listAggressionRegister, registerCsv } from './register.service';

export async function registerAbuseRoutes(app: AppInstance) {
  const tags = ['Reageren'];

  app.get(
    '/api/v1/conversations/:id/abuse',
    {
      config: { permission: 'inbox.read' },
      schema: {
        tags,
        summary: 'Misbruik in dit gesprek: meldingen in het agressieregister, of openbaar antwoorden nog kan, en de blokkade van de afzender',
        params: idParams,
        response: { 200: conversationAbuseSchema },
      },
    },
    async (request) => getConversationAbuse(createServiceContext(request), request.params.id),
  );

  app.post(
    '/api/v1/conversations/:id/abuse',
    {
      config: { permission: 'inbox.handle' },
      schema: {
        tags,
        summary:
          'Meld een bericht als misbruik: een kopie gaat in het agressieregister met de maatregelen (waarschuwing, blokkeren, aangifte); daarna weigert het gesprek een openbaar antwoord (409). Met blokkeren worden nieuwe berichten van de afzender op dit account bewaard maar meteen gesloten',
        params: idParams,
        body: abuseReportSchema,
        response: { 201: conversationAbuseSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await reportAbuse(createServiceContext(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/aggression-register',
    {
      config: { permission: 'aggression.read' },
      schema: {
        tags,
        summary: 'Het agressieregister over een periode (dag van het bericht), per gemeente of voor al uw gemeenten',
        querystring: aggressionRegisterQuery,
        response: { 200: aggressionRegisterSchema },
      },
    },
    async (request) => listAggressionRegister(createServiceContext(request), request.query),
  );

  app.get(
    '/api/v1/aggression-register/csv',
    {
      config: { permission: 'aggression.read' },
      schema: {
        tags,
        summary: 'Het agressieregister als CSV voor de jaartelling (puntkomma, UTF-8 met BOM: opent zo in Excel)',
        querystring: aggressionRegisterQuery,
        response: { 200: z.string().describe('text/csv') },
      },
    },
    async (request, reply) => {
      const register = await listAggressionRegister(createServiceContext(request), request.query);
      const name = `agressieregister-${request.query.municipality ?? 'alle-gemeenten'}-${register.from}-${register.to}.csv`;
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(registerCsv(register.items));
    },
  );

  app.get(
    '/api/v1/author-blocks',
    {
      config: { permission: 'aggression.read' },
      schema: { tags, summary: 'Geblokkeerde afzenders per account', querystring: authorBlockListQuery, response: { 200: z.array(authorBlockSchema) } },
    },
    async (request) => listBlocks(createServiceContext(request), request.query),
  );

  app.delete(
    '/api/v1/author-blocks/:id',
    {
      config: { permission: 'inbox.handle' },
      schema: {
        tags,
        summary: 'Hef een blokkade op: nieuwe berichten van de afzender komen weer gewoon in de inbox',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await unblockAuthor(createServiceContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
