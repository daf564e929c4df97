import {
  apiTokenCreatedSchema,
  apiTokenCreateSchema,
  apiTokenSchema,
  loginSchema,
  meSchema,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  switchMunicipalitySchema,
} from '@contracts/auth';
import { idParams } from '@contracts/common';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type AppInstance, createServiceContext, getRequestOrigin, SESSION_COOKIE } from '../http/app.server';
import { unauthenticated } from '../http/http.errors';
import { getOwnOrganisation } from '../organisations/organisations.service';
import { actsForMunicipality, listPermissions } from '../tenancy/policy.rules';
import {
  confirmPasswordReset,
  createApiToken,
  listApiTokens,
  logIn,
  logOut,
  requestPasswordReset,
  revokeApiToken,
  SESSION_IDLE_MS,
  switchMunicipality,
} from './auth.service';

const tags = ['Inloggen'];

async function describeMe(request: FastifyRequest) {
  const ctx = createServiceContext(request);
  const organisation = await getOwnOrganisation(ctx);
  const municipalities = organisation.municipalities.filter((m) => actsForMunicipality(ctx.actor, m.id));
  const session = request.auth?.session ?? null;
  const active = municipalities.find((m) => m.id === session?.activeMunicipalityId) ?? municipalities[0];
  return {
    user: { id: ctx.actor.userId, name: ctx.actor.name, email: ctx.actor.email, roles: ctx.actor.roles },
    organisation: { id: organisation.id, slug: organisation.slug, name: organisation.name },
    municipalities,
    activeMunicipalityId: active?.id ?? null,
    permissions: listPermissions(ctx.actor),
    csrfToken: session?.csrfToken ?? null,
  };
}

export async function registerAuthRoutes(app: AppInstance) {
  const { db, clock, config } = app.deps;
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies, maxAge: SESSION_IDLE_MS / 1000 };

  app.post(
    '/api/v1/sessions',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Inloggen met e-mailadres en wachtwoord', body: loginSchema, response: { 201: meSchema } },
    },
    async (request, reply) => {
      const { cookieValue, session, actor } = await logIn(db, clock, getRequestOrigin(request), request.body);
      reply.setCookie(SESSION_COOKIE, cookieValue, cookieOptions);
      request.auth = { actor, session: { id: session.id, csrfToken: session.csrf_token, activeMunicipalityId: null } };
      return reply.status(201).send(await describeMe(request));
    },
  );

  app.delete(
    '/api/v1/sessions/current',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'Uitloggen', response: { 204: z.null() } } },
    async (request, reply) => {
      await logOut(createServiceContext(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'Wie ben ik, voor welke gemeenten werk ik', response: { 200: meSchema } } },
    async (request) => describeMe(request),
  );

  app.put(
    '/api/v1/me/active-municipality',
    {
      config: { access: 'signed-in' },
      schema: { tags, summary: 'Wissel van gemeente', body: switchMunicipalitySchema, response: { 200: meSchema } },
    },
    async (request) => {
      if (!request.auth?.session) throw unauthenticated();
      await switchMunicipality(createServiceContext(request), request.body.municipalityId);
      request.auth.session.activeMunicipalityId = request.body.municipalityId;
      return describeMe(request);
    },
  );

  app.post(
    '/api/v1/password-resets',
    {
      config: { access: 'public', rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Vraag een link aan om een nieuw wachtwoord in te stellen',
        body: passwordResetRequestSchema,
        response: { 202: z.object({ message: z.string() }) },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(db, clock, getRequestOrigin(request), request.body, config.publicUrl);
      return reply.status(202).send({ message: 'Als dit e-mailadres bij een account hoort, ontvangt u binnen enkele minuten een e-mail.' });
    },
  );

  app.post(
    '/api/v1/password-resets/confirmation',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Stel een nieuw wachtwoord in met de link uit de e-mail', body: passwordResetConfirmSchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await confirmPasswordReset(db, clock, getRequestOrigin(request), request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me/api-tokens',
    { config: { permission: 'tokens.own' }, schema: { tags, summary: 'Mijn API-tokens', response: { 200: z.array(apiTokenSchema) } } },
    async (request) => listApiTokens(createServiceContext(request)),
  );

  app.post(
    '/api/v1/me/api-tokens',
    {
      config: { permission: 'tokens.own' },
      schema: { tags, summary: 'Maak een API-token (wordt één keer getoond)', body: apiTokenCreateSchema, response: { 201: apiTokenCreatedSchema } },
    },
    async (request, reply) => reply.status(201).send(await createApiToken(createServiceContext(request), request.body.name)),
  );

  app.delete(
    '/api/v1/me/api-tokens/:id',
    { config: { permission: 'tokens.own' }, schema: { tags, summary: 'Trek een API-token in', params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await revokeApiToken(createServiceContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
