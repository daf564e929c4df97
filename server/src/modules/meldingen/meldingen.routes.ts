import { idParams } from '@contracts/common';
import {
  ktoAnswerSchema,
  ktoViewSchema,
  meldingAssignSchema,
  meldingCategoryChangeSchema,
  meldingCategoryCreateSchema,
  meldingCategorySchema,
  meldingDetailSchema,
  meldingFiguresQuery,
  meldingFiguresSchema,
  meldingListQuery,
  meldingNoteSchema,
  meldingPublicStatusSchema,
  meldingReceiptSchema,
  meldingSchema,
  meldingStatusChangeSchema,
  meldingSubmitSchema,
  nearbyMeldingSchema,
  photoUploadSchema,
} from '@contracts/meldingen';
import { type AppInstance, createServiceContext } from '@platform/http/app.server';
import { describeIdempotentCall } from '@platform/http/idempotency.service';
import { MAX_PHOTO_BYTES } from '@platform/images/photo.service';
import { z } from 'zod';
import { changeCategory, createCategory, listAllCategories } from './categories-admin.service';
import { computeMeldingFigures } from './figures.service';
import { registerMeldingHandlingRoutes } from './handling.routes';
import { importMeldingenAsStaff } from './import.service';
import { answerKtoForm, viewKto } from './kto.service';
import { addMeldingNote, assignMelding, getMelding, getPublicMeldingStatus, listMeldingen, loadMeldingPhoto } from './meldingen.service';
import { openMeldingenNearby } from './nearby.service';
import { uploadMeldingPhoto } from './photos.service';
import { changeMeldingStatus } from './status.service';
import { listPublicCategories, submitPublicMelding } from './submit.service';

const municipalityParams = z.strictObject({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Onbekende organisatie'),
  cbsCode: z.string().regex(/^GM\d{4}$/, 'Gebruik een CBS-code zoals GM0383'),
});
const trackingParams = z.strictObject({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Onbekende organisatie'),
  token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, 'Onbekende link'),
});

export async function registerMeldingenRoutes(app: AppInstance) {
  const { db, clock, config } = app.deps;
  const links = { publicUrl: config.publicUrl };
  const tags = ['Meldingen'];
  const publicTags = ['Meldingen (openbaar)'];

  app.get(
    '/api/v1/organisations/:slug/municipalities/:cbsCode/melding-categories',
    {
      config: { access: 'public' },
      schema: {
        tags: publicTags,
        summary: 'Categorieën waaruit een inwoner kiest',
        params: municipalityParams,
        response: { 200: z.object({ municipality: z.string(), categories: z.array(meldingCategorySchema) }) },
      },
    },
    async (request) => listPublicCategories(db, request.params.slug, request.params.cbsCode),
  );

  app.post(
    '/api/v1/organisations/:slug/municipalities/:cbsCode/meldingen',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: publicTags,
        summary: 'Doe een melding openbare ruimte (zonder account)',
        params: municipalityParams,
        body: meldingSubmitSchema,
        response: { 201: meldingReceiptSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await submitPublicMelding(db, clock, links, request.params, request.body, { call: describeIdempotentCall(request), client: request.ip })),
  );

  app.get(
    '/api/v1/organisations/:slug/meldingen/:token',
    {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: publicTags,
        summary: 'De status van een melding, via de link uit de bevestiging',
        params: trackingParams,
        response: { 200: meldingPublicStatusSchema },
      },
    },
    async (request) => getPublicMeldingStatus(db, request.params.slug, request.params.token),
  );

  app.get(
    '/api/v1/organisations/:slug/municipalities/:cbsCode/meldingen/nearby',
    {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: publicTags,
        summary: 'Open meldingen van dezelfde soort vlakbij (voordat een inwoner meldt)',
        params: municipalityParams,
        querystring: z.strictObject({ categoryId: z.uuid(), lat: z.coerce.number().min(-90).max(90), lon: z.coerce.number().min(-180).max(180) }),
        response: { 200: z.array(nearbyMeldingSchema) },
      },
    },
    async (request) => openMeldingenNearby(db, request.params.slug, request.params.cbsCode, request.query),
  );

  // Photos arrive as the raw image (image/jpeg, image/png, image/webp) with a limit of their own.
  await app.register(async (scope) => {
    scope.addContentTypeParser(/^image\/.*/, { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES + 1 }, (_request, body, done) => done(null, body));
    scope.post(
      '/api/v1/organisations/:slug/municipalities/:cbsCode/melding-photos',
      {
        bodyLimit: MAX_PHOTO_BYTES + 1,
        config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: {
          tags: publicTags,
          summary: 'Voeg een foto toe aan een nieuwe melding (het bestand zelf als body)',
          params: municipalityParams,
          response: { 201: photoUploadSchema },
        },
      },
      async (request, reply) => {
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const params = request.params as z.infer<typeof municipalityParams>;
        return reply.status(201).send(
          await uploadMeldingPhoto(db, params.slug, params.cbsCode, {
            body,
            declaredType: request.headers['content-type'],
            formSession: request.headers['plein-form-session'],
          }),
        );
      },
    );
  });

  app.get(
    '/api/v1/meldingen/:id/photos/:photoId',
    {
      config: { permission: 'meldingen.read' },
      schema: {
        tags,
        summary: 'Een foto bij een melding',
        params: z.strictObject({ id: z.uuid(), photoId: z.uuid() }),
        response: { 200: z.any().describe('De afbeelding') },
      },
    },
    async (request, reply) => {
      const photo = await loadMeldingPhoto(createServiceContext(request), request.params.id, request.params.photoId);
      return reply.type(photo.content_type).header('cache-control', 'private, max-age=3600').send(photo.content);
    },
  );

  const ktoParams = trackingParams;
  app.get(
    '/api/v1/organisations/:slug/kto/:token',
    {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags: publicTags, summary: 'De tevredenheidsvragen bij een afgehandelde melding', params: ktoParams, response: { 200: ktoViewSchema } },
    },
    async (request) => viewKto(db, clock, request.params.slug, request.params.token),
  );

  app.post(
    '/api/v1/organisations/:slug/kto/:token',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: publicTags,
        summary: 'Beantwoord de tevredenheidsvragen (één keer)',
        params: ktoParams,
        body: ktoAnswerSchema,
        response: { 201: z.object({ received: z.boolean(), reopenRequested: z.boolean() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await answerKtoForm(db, clock, request.params.slug, request.params.token, request.body, describeIdempotentCall(request))),
  );

  app.get(
    '/api/v1/insights/meldingen',
    {
      config: { permission: 'insights.read' },
      schema: {
        tags: ['Inzicht'],
        summary: 'Cijfers over meldingen: reactie- en afhandeltijd, binnen termijn, tevredenheid',
        querystring: meldingFiguresQuery,
        response: { 200: meldingFiguresSchema },
      },
    },
    async (request) => computeMeldingFigures(createServiceContext(request), request.query),
  );

  // History from another system as CSV (the file itself as body); all rows are checked before any is written.
  await app.register(async (scope) => {
    scope.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: 20 * 1024 * 1024 }, (_request, body, done) => done(null, body));
    scope.post(
      '/api/v1/meldingen/import',
      {
        bodyLimit: 20 * 1024 * 1024,
        config: { permission: 'meldingen.import' },
        schema: {
          tags,
          summary:
            'Importeer meldingen uit een eerder systeem (CSV met id, municipality, category, description, created_at, first_reaction_at, handled_at, status, lat, lon)',
          response: { 200: z.object({ rows: z.number().int(), imported: z.number().int(), alreadyPresent: z.number().int() }) },
        },
      },
      async (request) => importMeldingenAsStaff(createServiceContext(request), typeof request.body === 'string' ? request.body : ''),
    );
  });

  app.get(
    '/api/v1/melding-categories',
    {
      config: { permission: 'meldingen.read' },
      schema: { tags, summary: 'Alle categorieën, ook de niet-actieve', response: { 200: z.array(meldingCategorySchema) } },
    },
    async (request) => listAllCategories(createServiceContext(request)),
  );

  app.post(
    '/api/v1/melding-categories',
    {
      config: { permission: 'meldingen.categories' },
      schema: { tags, summary: 'Voeg een categorie toe (hoofd- of subcategorie)', body: meldingCategoryCreateSchema, response: { 201: meldingCategorySchema } },
    },
    async (request, reply) => reply.status(201).send(await createCategory(createServiceContext(request), request.body)),
  );

  app.patch(
    '/api/v1/melding-categories/:id',
    {
      config: { permission: 'meldingen.categories' },
      schema: {
        tags,
        summary: 'Wijzig een categorie; bestaande meldingen houden hun belofte en termijn',
        params: idParams,
        body: meldingCategoryChangeSchema,
        response: { 200: meldingCategorySchema },
      },
    },
    async (request) => changeCategory(createServiceContext(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/meldingen',
    {
      config: { permission: 'meldingen.read' },
      schema: { tags, summary: 'Meldingen met filters, nieuwste eerst', querystring: meldingListQuery, response: { 200: z.array(meldingSchema) } },
    },
    async (request) => listMeldingen(createServiceContext(request), request.query),
  );

  app.get(
    '/api/v1/meldingen/:id',
    {
      config: { permission: 'meldingen.read' },
      schema: { tags, summary: 'Eén melding met tijdlijn', params: idParams, response: { 200: meldingDetailSchema } },
    },
    async (request) => getMelding(createServiceContext(request), request.params.id),
  );

  app.post(
    '/api/v1/meldingen/:id/status',
    {
      config: { permission: 'meldingen.manage' },
      schema: {
        tags,
        summary: 'Zet een melding in een volgende status; de melder krijgt bericht',
        params: idParams,
        body: meldingStatusChangeSchema,
        response: { 200: meldingDetailSchema },
      },
    },
    async (request) => changeMeldingStatus(createServiceContext(request), links, request.params.id, request.body),
  );

  app.post(
    '/api/v1/meldingen/:id/notes',
    {
      config: { permission: 'meldingen.manage' },
      schema: { tags, summary: 'Interne notitie bij een melding', params: idParams, body: meldingNoteSchema, response: { 200: meldingDetailSchema } },
    },
    async (request) => addMeldingNote(createServiceContext(request), request.params.id, request.body.text),
  );

  app.patch(
    '/api/v1/meldingen/:id',
    {
      config: { permission: 'meldingen.manage' },
      schema: {
        tags,
        summary: 'Wijs een melding toe of kies een andere categorie',
        params: idParams,
        body: meldingAssignSchema,
        response: { 200: meldingDetailSchema },
      },
    },
    async (request) => assignMelding(createServiceContext(request), request.params.id, request.body),
  );

  await registerMeldingHandlingRoutes(app);
}
