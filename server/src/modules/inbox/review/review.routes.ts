import { idParams } from '@contracts/common';
import { replyDraftApprovalResultSchema, replyDraftCreateSchema, replyDraftReturnSchema, replyDraftSchema, reviewerSchema } from '@contracts/reply-review';
import { type AppInstance, createServiceContext } from '@platform/http/app.server';
import { z } from 'zod';
import { approveDraft, sendBackDraft } from './decision.service';
import { listReviewers, requestReview, resubmitDraft, withdrawDraft } from './review.service';

export async function registerReplyReviewRoutes(app: AppInstance) {
  const tags = ['Reageren'];

  app.get(
    '/api/v1/conversations/:id/reviewers',
    {
      config: { permission: 'inbox.handle' },
      schema: {
        tags,
        summary: 'Collega’s die een antwoord in dit gesprek kunnen controleren (behandelen de inbox van deze gemeente; u zelf niet)',
        params: idParams,
        response: { 200: z.array(reviewerSchema) },
      },
    },
    async (request) => listReviewers(createServiceContext(request), request.params.id),
  );

  app.post(
    '/api/v1/conversations/:id/reply-drafts',
    {
      config: { permission: 'inbox.handle' },
      schema: {
        tags,
        summary:
          'Laat een antwoord eerst door een collega controleren: het wacht op het gesprek (niet in de wachtrij) tot een collega het goedkeurt of terugstuurt. Dezelfde controles als bij versturen (400, 409, 422)',
        params: idParams,
        body: replyDraftCreateSchema,
        response: { 201: replyDraftSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await requestReview(createServiceContext(request), request.params.id, request.body)),
  );

  app.put(
    '/api/v1/reply-drafts/:id',
    {
      config: { permission: 'inbox.handle' },
      schema: {
        tags,
        summary: 'Pas uw antwoord ter controle aan (bijvoorbeeld na terugsturen); het wacht daarna opnieuw op controle',
        params: idParams,
        body: replyDraftCreateSchema,
        response: { 200: replyDraftSchema },
      },
    },
    async (request) => resubmitDraft(createServiceContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/reply-drafts/:id/withdrawal',
    {
      config: { permission: 'inbox.handle' },
      schema: { tags, summary: 'Trek uw antwoord ter controle in', params: idParams, response: { 200: replyDraftSchema } },
    },
    async (request) => withdrawDraft(createServiceContext(request), request.params.id),
  );

  app.post(
    '/api/v1/reply-drafts/:id/approval',
    {
      config: { permission: 'inbox.handle' },
      schema: {
        tags,
        summary:
          'Keur het antwoord van een collega goed: het gaat via de wachtrij de deur uit, één keer (ook bij twee keer goedkeuren). Uw eigen antwoord goedkeuren kan niet (403)',
        params: idParams,
        response: { 200: replyDraftApprovalResultSchema },
      },
    },
    async (request) => approveDraft(createServiceContext(request), request.params.id),
  );

  app.post(
    '/api/v1/reply-drafts/:id/send-back',
    {
      config: { permission: 'inbox.handle' },
      schema: {
        tags,
        summary: 'Stuur het antwoord terug naar de schrijver, met uw opmerking',
        params: idParams,
        body: replyDraftReturnSchema,
        response: { 200: replyDraftSchema },
      },
    },
    async (request) => sendBackDraft(createServiceContext(request), request.params.id, request.body.comment),
  );
}
