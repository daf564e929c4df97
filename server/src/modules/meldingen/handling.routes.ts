import { idParams } from '@contracts/common';
import { standardTextChangeSchema, standardTextCreateSchema, standardTextListQuery, standardTextSchema } from '@contracts/melding-texts';
import { meldingDetailSchema, meldingMergeSchema, meldingSplitSchema, meldingStaffCreateSchema } from '@contracts/meldingen';
import { type AppInstance, createServiceContext } from '@platform/http/app.server';
import { z } from 'zod';
import { mergeMeldingen } from './merge.service';
import { splitMelding } from './split.service';
import { createMeldingAsStaff } from './staff-create.service';
import { changeStandardText, createStandardText, listStandardTexts, removeStandardText } from './standard-texts.service';

// What handlers do beyond the status flow: enter a melding themselves (or from a message), merge
// duplicates, split a melding, and the standard texts they answer with.
export async function registerMeldingHandlingRoutes(app: AppInstance) {
  const links = { publicUrl: app.deps.config.publicUrl };
  const tags = ['Meldingen'];

  app.post(
    '/api/v1/meldingen',
    {
      config: { permission: 'meldingen.manage' },
      schema: {
        tags,
        summary: 'Leg een melding vast namens een inwoner, of maak er een van een bericht (messageId)',
        body: meldingStaffCreateSchema,
        response: { 201: meldingDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createMeldingAsStaff(createServiceContext(request), links, request.body)),
  );

  app.post(
    '/api/v1/meldingen/:id/merge',
    {
      config: { permission: 'meldingen.manage' },
      schema: {
        tags,
        summary: 'Voeg dubbele meldingen samen met deze; zij volgen voortaan haar status',
        params: idParams,
        body: meldingMergeSchema,
        response: { 200: meldingDetailSchema },
      },
    },
    async (request) => mergeMeldingen(createServiceContext(request), links, request.params.id, request.body.duplicateIds),
  );

  app.post(
    '/api/v1/meldingen/:id/split',
    {
      config: { permission: 'meldingen.manage' },
      schema: {
        tags,
        summary: 'Splits een melding: elk deel wordt een eigen melding met eigen categorie en termijn',
        params: idParams,
        body: meldingSplitSchema,
        response: { 200: meldingDetailSchema },
      },
    },
    async (request) => splitMelding(createServiceContext(request), links, request.params.id, request.body.parts),
  );

  app.get(
    '/api/v1/melding-standard-texts',
    {
      config: { permission: 'meldingen.manage' },
      schema: {
        tags,
        summary: 'Standaardteksten voor de melder, per status en categorie',
        querystring: standardTextListQuery,
        response: { 200: z.array(standardTextSchema) },
      },
    },
    async (request) => listStandardTexts(createServiceContext(request), request.query),
  );

  app.post(
    '/api/v1/melding-standard-texts',
    {
      config: { permission: 'meldingen.categories' },
      schema: {
        tags,
        summary: 'Voeg een standaardtekst toe (met plaatshouders zoals {nummer})',
        body: standardTextCreateSchema,
        response: { 201: standardTextSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createStandardText(createServiceContext(request), request.body)),
  );

  app.patch(
    '/api/v1/melding-standard-texts/:id',
    {
      config: { permission: 'meldingen.categories' },
      schema: { tags, summary: 'Wijzig een standaardtekst', params: idParams, body: standardTextChangeSchema, response: { 200: standardTextSchema } },
    },
    async (request) => changeStandardText(createServiceContext(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/melding-standard-texts/:id',
    {
      config: { permission: 'meldingen.categories' },
      schema: { tags, summary: 'Verwijder een standaardtekst', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await removeStandardText(createServiceContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
