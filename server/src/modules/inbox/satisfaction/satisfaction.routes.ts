import { idParams } from '@contracts/common';
import {
  conversationSatisfactionSchema,
  satisfactionAnswerSchema,
  satisfactionFiguresQuery,
  satisfactionFiguresSchema,
  satisfactionSettingSchema,
  satisfactionViewSchema,
} from '@contracts/conversation-satisfaction';
import { type AppInstance, createServiceContext } from '@platform/http/app.server';
import { describeIdempotentCall } from '@platform/http/idempotency.service';
import { z } from 'zod';
import { answerSurveyForm, viewSurvey } from './answer.service';
import { computeSatisfactionFigures, getConversationSatisfaction, getSatisfactionSurveySetting, setSatisfactionSurvey } from './satisfaction.service';

const surveyParams = z.strictObject({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Onbekende organisatie'),
  token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, 'Onbekende link'),
});

export async function registerSatisfactionRoutes(app: AppInstance) {
  const { db, clock } = app.deps;
  const tags = ['Reageren'];
  const publicTags = ['Reageren (openbaar)'];

  app.get(
    '/api/v1/organisations/:slug/conversation-satisfaction/:token',
    {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: publicTags,
        summary: 'De tevredenheidsvraag na een afgesloten webcaregesprek (link uit het antwoord)',
        params: surveyParams,
        response: { 200: satisfactionViewSchema },
      },
    },
    async (request) => viewSurvey(db, clock, request.params.slug, request.params.token),
  );

  app.post(
    '/api/v1/organisations/:slug/conversation-satisfaction/:token',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: publicTags,
        summary: 'Beantwoord de tevredenheidsvraag (1–5, toelichting optioneel), één keer; 410 na 14 dagen',
        params: surveyParams,
        body: satisfactionAnswerSchema,
        response: { 201: z.object({ received: z.boolean() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await answerSurveyForm(db, clock, request.params.slug, request.params.token, request.body, describeIdempotentCall(request))),
  );

  app.get(
    '/api/v1/conversations/:id/satisfaction',
    {
      config: { permission: 'inbox.read' },
      schema: { tags, summary: 'De tevredenheidsvragen van dit gesprek en de antwoorden', params: idParams, response: { 200: conversationSatisfactionSchema } },
    },
    async (request) => getConversationSatisfaction(createServiceContext(request), request.params.id),
  );

  app.get(
    '/api/v1/insights/conversation-satisfaction',
    {
      config: { permission: 'inbox.read' },
      schema: {
        tags: ['Inzicht'],
        summary: 'Klanttevredenheid webcare per medewerker, team en account: vragen verstuurd, antwoorden, gemiddeld cijfer en deel 4–5',
        querystring: satisfactionFiguresQuery,
        response: { 200: satisfactionFiguresSchema },
      },
    },
    async (request) => computeSatisfactionFigures(createServiceContext(request), request.query),
  );

  app.get(
    '/api/v1/channel-accounts/:id/satisfaction-survey',
    {
      config: { permission: 'channels.read' },
      schema: {
        tags,
        summary: 'Of dit account na het sluiten van een gesprek de tevredenheidsvraag stelt',
        params: idParams,
        response: { 200: satisfactionSettingSchema },
      },
    },
    async (request) => getSatisfactionSurveySetting(createServiceContext(request), request.params.id),
  );

  app.put(
    '/api/v1/channel-accounts/:id/satisfaction-survey',
    {
      config: { permission: 'channels.manage' },
      schema: {
        tags,
        summary: 'Zet de tevredenheidsvraag na het sluiten van een gesprek aan of uit voor dit account',
        params: idParams,
        body: satisfactionSettingSchema,
        response: { 200: satisfactionSettingSchema },
      },
    },
    async (request) => setSatisfactionSurvey(createServiceContext(request), request.params.id, request.body.enabled),
  );
}
