import { agreementSchema, bulkCorrectionSchema, correctionSchema } from '@contracts/luisteren';
import { type AppInstance, createServiceContext } from '@platform/http/app.server';
import { z } from 'zod';
import { correctInBulk, correctItems, measureAgreement } from './review.service';

const messageParams = z.strictObject({ messageId: z.uuid() });
const corrected = z.object({ corrected: z.number().int() });
const periodSchema = z.strictObject({ van: z.iso.datetime({ offset: true }).optional(), tot: z.iso.datetime({ offset: true }).optional() });

export async function registerReviewRoutes(app: AppInstance) {
  const tags = ['Luisteren'];

  app.patch(
    '/api/v1/luisteren/items/:messageId',
    {
      config: { permission: 'listening.review' },
      schema: {
        tags,
        summary: 'Verbeter de tenor of het onderwerp van een bericht (leert het model van de organisatie)',
        params: messageParams,
        body: correctionSchema,
        response: { 200: corrected },
      },
    },
    async (request) => correctItems(createServiceContext(request), [request.params.messageId], request.body),
  );

  app.post(
    '/api/v1/luisteren/beoordelingen',
    {
      config: { permission: 'listening.review' },
      schema: {
        tags,
        summary: 'Verbeter de tenor of het onderwerp van veel berichten tegelijk (alles of niets)',
        body: bulkCorrectionSchema,
        response: { 200: corrected },
      },
    },
    async (request) => correctInBulk(createServiceContext(request), request.body),
  );

  app.get(
    '/api/v1/luisteren/overeenstemming',
    {
      config: { permission: 'listening.read' },
      schema: {
        tags,
        summary: 'Hoe vaak mensen het eens waren met de automatische tenor, per week',
        querystring: periodSchema,
        response: { 200: agreementSchema },
      },
    },
    async (request) => measureAgreement(createServiceContext(request), request.query),
  );
}
