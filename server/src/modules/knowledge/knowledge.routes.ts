import { idParams } from '@contracts/common';
import {
  knowledgeArticleChangeSchema,
  knowledgeArticleCreateSchema,
  knowledgeArticleSchema,
  knowledgeArticleVersionSchema,
  knowledgeSearchQuery,
  replyTemplateChangeSchema,
  replyTemplateCreateSchema,
  replyTemplateSchema,
  replyTemplateSearchQuery,
  toneCodeChangeSchema,
  toneCodeSchema,
} from '@contracts/knowledge';
import { type AppInstance, createServiceContext } from '@platform/http/app.server';
import { z } from 'zod';
import { changeArticle, createArticle, getArticle, listArticles, listArticleVersions } from './articles.service';
import { changeTemplate, createTemplate, listTemplates, removeTemplate } from './templates.service';
import { changeToneCode, getToneCode } from './tone-code.service';

export async function registerKnowledgeRoutes(app: AppInstance) {
  const tags = ['Reageren'];

  app.get(
    '/api/v1/knowledge-articles',
    {
      config: { permission: 'inbox.read' },
      schema: {
        tags,
        summary: 'Kennisbank: zoek artikelen (Nederlandse stamvormen; treffers in de vraag eerst), per gemeente met de gedeelde erbij',
        querystring: knowledgeSearchQuery,
        response: { 200: z.array(knowledgeArticleSchema) },
      },
    },
    async (request) => listArticles(createServiceContext(request), request.query),
  );

  app.post(
    '/api/v1/knowledge-articles',
    {
      config: { permission: 'knowledge.manage' },
      schema: {
        tags,
        summary: 'Nieuw kennisbankartikel: vraag, antwoord, contact en link; voor één gemeente of gedeeld',
        body: knowledgeArticleCreateSchema,
        response: { 201: knowledgeArticleSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createArticle(createServiceContext(request), request.body)),
  );

  app.get(
    '/api/v1/knowledge-articles/:id',
    {
      config: { permission: 'inbox.read' },
      schema: { tags, summary: 'Eén kennisbankartikel in zijn huidige versie', params: idParams, response: { 200: knowledgeArticleSchema } },
    },
    async (request) => getArticle(createServiceContext(request), request.params.id),
  );

  app.patch(
    '/api/v1/knowledge-articles/:id',
    {
      config: { permission: 'knowledge.manage' },
      schema: {
        tags,
        summary: 'Wijzig of archiveer een kennisbankartikel; elke wijziging wordt een nieuwe versie',
        params: idParams,
        body: knowledgeArticleChangeSchema,
        response: { 200: knowledgeArticleSchema },
      },
    },
    async (request) => changeArticle(createServiceContext(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/knowledge-articles/:id/versions',
    {
      config: { permission: 'inbox.read' },
      schema: {
        tags,
        summary: 'Alle versies van een kennisbankartikel, nieuwste eerst, met auteur en tijd',
        params: idParams,
        response: { 200: z.array(knowledgeArticleVersionSchema) },
      },
    },
    async (request) => listArticleVersions(createServiceContext(request), request.params.id),
  );

  app.get(
    '/api/v1/reply-templates',
    {
      config: { permission: 'inbox.read' },
      schema: {
        tags,
        summary: 'Standaardteksten voor webcare, met plaatshouders zoals {naam}; zoeken zoals in de kennisbank',
        querystring: replyTemplateSearchQuery,
        response: { 200: z.array(replyTemplateSchema) },
      },
    },
    async (request) => listTemplates(createServiceContext(request), request.query),
  );

  app.post(
    '/api/v1/reply-templates',
    {
      config: { permission: 'knowledge.manage' },
      schema: { tags, summary: 'Nieuwe standaardtekst voor webcare', body: replyTemplateCreateSchema, response: { 201: replyTemplateSchema } },
    },
    async (request, reply) => reply.status(201).send(await createTemplate(createServiceContext(request), request.body)),
  );

  app.patch(
    '/api/v1/reply-templates/:id',
    {
      config: { permission: 'knowledge.manage' },
      schema: {
        tags,
        summary: 'Wijzig een standaardtekst voor webcare',
        params: idParams,
        body: replyTemplateChangeSchema,
        response: { 200: replyTemplateSchema },
      },
    },
    async (request) => changeTemplate(createServiceContext(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/reply-templates/:id',
    {
      config: { permission: 'knowledge.manage' },
      schema: { tags, summary: 'Verwijder een standaardtekst voor webcare', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await removeTemplate(createServiceContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/tone-code',
    {
      config: { permission: 'inbox.read' },
      schema: { tags, summary: 'Het toonkader: vragen die een medewerker zich stelt vóór versturen', response: { 200: toneCodeSchema } },
    },
    async (request) => getToneCode(createServiceContext(request)),
  );

  app.put(
    '/api/v1/tone-code',
    {
      config: { permission: 'knowledge.manage' },
      schema: { tags, summary: 'Stel de vragen van het toonkader in', body: toneCodeChangeSchema, response: { 200: toneCodeSchema } },
    },
    async (request) => changeToneCode(createServiceContext(request), request.body.questions),
  );
}
