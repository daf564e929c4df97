import {
  analysisChangeSchema,
  analysisCreateSchema,
  analysisScheduleChangeSchema,
  analysisScheduleCreateSchema,
  analysisScheduleSchema,
  analysisSchema,
  analysisSendSchema,
  analysisSummarySchema,
} from '@contracts/analyses';
import { idParams, noContent } from '@contracts/common';
import { type AppInstance, createServiceContext } from '@platform/http/app.server';
import { z } from 'zod';
import { changeAnalysis, createAnalysis, exportAnalysisPdf, getAnalysis, listAnalyses, sendAnalysis } from './analyses.service';
import { changeSchedule, createSchedule, listSchedules, removeSchedule } from './analysis-schedules.service';

const read = { permission: 'listening.read' } as const;
const manage = { permission: 'listening.manage' } as const;

export async function registerAnalysisRoutes(app: AppInstance) {
  const tags = ['Analyses'];
  const publicUrl = app.deps.config.publicUrl;

  app.get(
    '/api/v1/analyses',
    { config: read, schema: { tags, summary: 'TamTams, issue- en reputatie-analyses, nieuwste eerst', response: { 200: z.array(analysisSummarySchema) } } },
    async (request) => listAnalyses(createServiceContext(request)),
  );

  app.post(
    '/api/v1/analyses',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Maak een analyse: cijfers over de periode en een eerste tekst voor aanleiding, analyse en advies',
        body: analysisCreateSchema,
        response: { 201: analysisSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createAnalysis(createServiceContext(request), request.body)),
  );

  app.get(
    '/api/v1/analyses/:id',
    { config: read, schema: { tags, summary: 'Eén analyse met haar cijfers', params: idParams, response: { 200: analysisSchema } } },
    async (request) => getAnalysis(createServiceContext(request), request.params.id),
  );

  app.patch(
    '/api/v1/analyses/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Wijzig de tekst, de ontvangers of de status (concept of definitief)',
        params: idParams,
        body: analysisChangeSchema,
        response: { 200: analysisSchema },
      },
    },
    async (request) => changeAnalysis(createServiceContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/analyses/:id/versturen',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Mail de ontvangers een link naar de analyse en haar PDF; elke versie één keer',
        params: idParams,
        body: analysisSendSchema,
        response: { 200: analysisSchema },
      },
    },
    async (request) => sendAnalysis(createServiceContext(request), request.params.id, request.body ?? {}, publicUrl),
  );

  app.get(
    '/api/v1/analyses/:id/pdf',
    {
      config: read,
      schema: {
        tags,
        summary: 'De analyse als PDF (A4): aanleiding, analyse, advies en de cijfers',
        params: idParams,
        response: { 200: z.any().describe('application/pdf') },
      },
    },
    async (request, reply) => {
      const { fileName, pdf } = await exportAnalysisPdf(createServiceContext(request), request.params.id);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName}"`).send(pdf);
    },
  );

  app.get(
    '/api/v1/analyse-schema',
    {
      config: read,
      schema: { tags, summary: 'Geplande analyses (bijvoorbeeld elke maandag vóór de B&W-vergadering)', response: { 200: z.array(analysisScheduleSchema) } },
    },
    async (request) => listSchedules(createServiceContext(request)),
  );

  app.post(
    '/api/v1/analyse-schema',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Plan een analyse met een cron-uitdrukking (Europe/Amsterdam)',
        body: analysisScheduleCreateSchema,
        response: { 201: analysisScheduleSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createSchedule(createServiceContext(request), request.body)),
  );

  app.patch(
    '/api/v1/analyse-schema/:id',
    {
      config: manage,
      schema: { tags, summary: 'Wijzig een planning', params: idParams, body: analysisScheduleChangeSchema, response: { 200: analysisScheduleSchema } },
    },
    async (request) => changeSchedule(createServiceContext(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/analyse-schema/:id',
    { config: manage, schema: { tags, summary: 'Verwijder een planning', params: idParams, response: { 204: noContent } } },
    async (request, reply) => {
      await removeSchedule(createServiceContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
