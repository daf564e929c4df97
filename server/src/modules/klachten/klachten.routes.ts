import { idParams } from '@contracts/common';
import {
  klachtCreateSchema,
  klachtDecisionSchema,
  klachtDetailSchema,
  klachtExtensionSchema,
  klachtHandlerSchema,
  klachtHearingSchema,
  klachtListQuery,
  klachtNoteSchema,
  klachtReportQuery,
  klachtReportSchema,
  klachtSchema,
  klachtStatusChangeSchema,
} from '@contracts/klachten';
import { type AppInstance, createServiceContext } from '@platform/http/app.server';
import { z } from 'zod';
import { addKlachtNote, assignKlachtHandler, changeKlachtStatus, decideKlacht, extendKlacht, planKlachtHearing } from './klacht-handling.service';
import { writeReportCsv } from './klacht-report.csv';
import { renderReportPdf } from './klacht-report.pdf';
import { buildKlachtReport } from './klacht-report.service';
import { getKlacht, listKlachten, registerKlacht } from './klachten.service';

export async function registerKlachtenRoutes(app: AppInstance) {
  const tags = ['Klachten'];
  const read = { permission: 'klachten.read' } as const;
  const manage = { permission: 'klachten.manage' } as const;
  const report = { permission: 'klachten.report' } as const;
  const fileName = (r: { year: number; municipalityName: string }, extension: string) =>
    `jaarverslag-klachten-${r.year}-${r.municipalityName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')}.${extension}`;

  app.get(
    '/api/v1/klachten',
    {
      config: read,
      schema: { tags, summary: 'Klachten met filters, laatst ontvangen eerst', querystring: klachtListQuery, response: { 200: z.array(klachtSchema) } },
    },
    async (request) => listKlachten(createServiceContext(request), request.query),
  );

  app.post(
    '/api/v1/klachten',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Registreer een klacht; de klager krijgt een ontvangstbevestiging (Awb 9:6)',
        body: klachtCreateSchema,
        response: { 201: klachtDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await registerKlacht(createServiceContext(request), request.body)),
  );

  app.get(
    '/api/v1/klachten-jaarverslag',
    {
      config: report,
      schema: {
        tags,
        summary: 'Jaarverslag klachten per gemeente en jaar (cijfers, zonder persoonsgegevens)',
        querystring: klachtReportQuery,
        response: { 200: klachtReportSchema },
      },
    },
    async (request) => buildKlachtReport(createServiceContext(request), request.query),
  );

  app.get(
    '/api/v1/klachten-jaarverslag/csv',
    {
      config: report,
      schema: {
        tags,
        summary: 'Jaarverslag klachten als CSV (puntkomma, decimale komma, UTF-8 met BOM: opent zo in Excel)',
        querystring: klachtReportQuery,
        response: { 200: z.string().describe('text/csv') },
      },
    },
    async (request, reply) => {
      const figures = await buildKlachtReport(createServiceContext(request), request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName(figures, 'csv')}"`)
        .send(writeReportCsv(figures));
    },
  );

  app.get(
    '/api/v1/klachten-jaarverslag/pdf',
    {
      config: report,
      schema: {
        tags,
        summary: 'Jaarverslag klachten als PDF, met tabel en grafieken',
        querystring: klachtReportQuery,
        response: { 200: z.any().describe('application/pdf') },
      },
    },
    async (request, reply) => {
      const ctx = createServiceContext(request);
      const figures = await buildKlachtReport(ctx, request.query);
      const pdf = await renderReportPdf(figures, ctx.clock.now());
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileName(figures, 'pdf')}"`)
        .send(pdf);
    },
  );

  app.get(
    '/api/v1/klachten/:id',
    { config: read, schema: { tags, summary: 'Eén klacht met tijdlijn', params: idParams, response: { 200: klachtDetailSchema } } },
    async (request) => getKlacht(createServiceContext(request), request.params.id),
  );

  app.post(
    '/api/v1/klachten/:id/status',
    {
      config: manage,
      schema: {
        tags,
        summary: 'In behandeling, informeel opgelost (Awb 9:5), niet in behandeling (9:8) of ingetrokken',
        params: idParams,
        body: klachtStatusChangeSchema,
        response: { 200: klachtDetailSchema },
      },
    },
    async (request) => changeKlachtStatus(createServiceContext(request), request.params.id, request.body),
  );

  app.put(
    '/api/v1/klachten/:id/handler',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Wijs een behandelaar toe; niet degene over wie geklaagd wordt (Awb 9:7)',
        params: idParams,
        body: klachtHandlerSchema,
        response: { 200: klachtDetailSchema },
      },
    },
    async (request) => assignKlachtHandler(createServiceContext(request), request.params.id, request.body.handlerUserId),
  );

  app.put(
    '/api/v1/klachten/:id/hearing',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Plan de hoorzitting, of leg vast dat de klager afziet van horen (Awb 9:10)',
        params: idParams,
        body: klachtHearingSchema,
        response: { 200: klachtDetailSchema },
      },
    },
    async (request) => planKlachtHearing(createServiceContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/klachten/:id/extension',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Verdaag de beslissing eenmaal met hoogstens 4 weken; de klager krijgt bericht (Awb 9:11)',
        params: idParams,
        body: klachtExtensionSchema,
        response: { 200: klachtDetailSchema },
      },
    },
    async (request) => extendKlacht(createServiceContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/klachten/:id/decision',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Neem een besluit: gegrond, deels gegrond of ongegrond, met conclusie; de klager krijgt het (Awb 9:12)',
        params: idParams,
        body: klachtDecisionSchema,
        response: { 200: klachtDetailSchema },
      },
    },
    async (request) => decideKlacht(createServiceContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/klachten/:id/notes',
    {
      config: manage,
      schema: { tags, summary: 'Interne notitie bij een klacht', params: idParams, body: klachtNoteSchema, response: { 200: klachtDetailSchema } },
    },
    async (request) => addKlachtNote(createServiceContext(request), request.params.id, request.body.text),
  );
}
