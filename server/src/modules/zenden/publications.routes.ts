import { idParams } from '@contracts/common';
import {
  accountParams,
  publicationAccountSettingChange,
  publicationAccountSettingSchema,
  publicationApproveSchema,
  publicationCommentSchema,
  publicationCreateSchema,
  publicationEditSchema,
  publicationListQuery,
  publicationRescheduleSchema,
  publicationSchema,
  publicationSendBackSchema,
} from '@contracts/publications';
import { type AppInstance, createServiceContext } from '@platform/http/app.server';
import { describeIdempotentCall } from '@platform/http/idempotency.service';
import { z } from 'zod';
import { approvePublication, commentOnPublication, markFastPathReviewed, sendPublicationBack } from './publication-approval.service';
import { changePublicationAccountSetting, listPublicationAccountSettings } from './publication-settings.service';
import { cancelPublication, editPublication, getPublication, listPublications, planPublication, reschedulePublication } from './publications.service';

export async function registerPublicationRoutes(app: AppInstance) {
  const tags = ['Zenden'];
  const read = { permission: 'publications.read' } as const;
  const manage = { permission: 'publications.manage' } as const;

  app.get(
    '/api/v1/publications',
    {
      config: read,
      schema: {
        tags,
        summary: 'Geplande en gepubliceerde berichten in een periode, op tijdstip',
        querystring: publicationListQuery,
        response: { 200: z.array(publicationSchema) },
      },
    },
    async (request) => listPublications(createServiceContext(request), request.query),
  );

  app.post(
    '/api/v1/publications',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Plan een bericht voor een of meer kanalen van een gemeente; het gaat op de geplande minuut precies één keer uit. Met een Idempotency-Key plant een herhaald verzoek niets opnieuw',
        body: publicationCreateSchema,
        response: { 201: publicationSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await planPublication(createServiceContext(request), request.body, describeIdempotentCall(request))),
  );

  app.get(
    '/api/v1/publications/:id',
    { config: read, schema: { tags, summary: 'Eén publicatie met het resultaat per kanaal', params: idParams, response: { 200: publicationSchema } } },
    async (request) => getPublication(createServiceContext(request), request.params.id),
  );

  app.post(
    '/api/v1/publications/:id/reschedule',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Verplaats een gepland bericht; 409 als het intussen is gewijzigd of al aan de kanalen is gegeven',
        params: idParams,
        body: publicationRescheduleSchema,
        response: { 200: publicationSchema },
      },
    },
    async (request) => reschedulePublication(createServiceContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/publications/:id/cancel',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Annuleer een gepland bericht; 409 als het al aan de kanalen is gegeven',
        params: idParams,
        response: { 200: publicationSchema },
      },
    },
    async (request) => cancelPublication(createServiceContext(request), request.params.id),
  );

  app.put(
    '/api/v1/publications/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Wijzig tekst, titel of kanalen vóór de publicatie; waar goedkeuring nodig is, gaat het opnieuw ter goedkeuring',
        params: idParams,
        body: publicationEditSchema,
        response: { 200: publicationSchema },
      },
    },
    async (request) => editPublication(createServiceContext(request), request.params.id, request.body),
  );

  const approve = { permission: 'publications.approve' } as const;
  app.post(
    '/api/v1/publications/:id/approve',
    {
      config: approve,
      schema: {
        tags,
        summary:
          'Keur deze tekst goed (niet de schrijver zelf); met genoeg goedkeuringen is het bericht gepland. 409 bij een tweede goedkeuring of een gewijzigde tekst',
        params: idParams,
        body: publicationApproveSchema,
        response: { 200: publicationSchema },
      },
    },
    async (request) => approvePublication(createServiceContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/publications/:id/send-back',
    {
      config: approve,
      schema: {
        tags,
        summary: 'Stuur terug naar de schrijver, met wat er anders moet',
        params: idParams,
        body: publicationSendBackSchema,
        response: { 200: publicationSchema },
      },
    },
    async (request) => sendPublicationBack(createServiceContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/publications/:id/comments',
    {
      config: manage,
      schema: { tags, summary: 'Een opmerking bij een concept', params: idParams, body: publicationCommentSchema, response: { 200: publicationSchema } },
    },
    async (request) => commentOnPublication(createServiceContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/publications/:id/reviewed-afterwards',
    {
      config: approve,
      schema: {
        tags,
        summary: 'Achteraf bekeken: een bericht dat via de snelle route (crisis) zonder goedkeuring uitging',
        params: idParams,
        response: { 200: publicationSchema },
      },
    },
    async (request) => markFastPathReviewed(createServiceContext(request), request.params.id),
  );

  app.get(
    '/api/v1/publication-accounts',
    {
      config: read,
      schema: {
        tags,
        summary: 'Per account: hoeveel collega’s een bericht goedkeuren, en of het een crisisaccount is',
        response: { 200: z.array(publicationAccountSettingSchema) },
      },
    },
    async (request) => listPublicationAccountSettings(createServiceContext(request)),
  );

  app.put(
    '/api/v1/publication-accounts/:accountId',
    {
      config: { permission: 'publications.settings' },
      schema: {
        tags,
        summary: 'Stel goedkeuring en crisisaccount in voor een account',
        params: accountParams,
        body: publicationAccountSettingChange,
        response: { 200: publicationAccountSettingSchema },
      },
    },
    async (request) => changePublicationAccountSetting(createServiceContext(request), request.params.accountId, request.body),
  );
}
