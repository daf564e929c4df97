import { oidcCallbackQuery, oidcSettingsChangeSchema, oidcSettingsSchema, signInOptionsSchema, slugParams } from '@contracts/oidc';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type AppInstance, createServiceContext, getRequestOrigin, SESSION_COOKIE } from '../http/app.server';
import { AppError, notFound } from '../http/http.errors';
import { SESSION_IDLE_MS, startSession } from './auth.service';
import { getOidcSettings, saveOidcSettings } from './oidc-settings.service';
import { beginOidcSignIn, completeOidcSignIn, describeSignInOptions, OidcSignInError } from './oidc-sign-in.service';

const tags = ['Inloggen'];
const STATE_COOKIE = 'plein_oidc';
const STATE_COOKIE_PATH = '/api/v1/oidc';
// Per IP address; a town hall's staff often share one, and they all sign in around nine.
const SIGN_IN_RATE_LIMIT = { max: 120, timeWindow: '1 minute' };
const redirect = z.null().describe('Doorverwijzing; het adres staat in de Location-header');

export async function registerOidcRoutes(app: AppInstance) {
  const { db, clock, config } = app.deps;
  const deps = { db, clock, publicUrl: config.publicUrl, secretKey: config.secretKey, fetch: app.deps.outboundFetch };
  const baseCookie = { httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies };

  // A person's browser follows these addresses, so a failure goes back to the sign-in page with a code
  // it can explain, never to a JSON error or a stack trace.
  function failSignIn(request: FastifyRequest, reply: FastifyReply, error: unknown) {
    if (error instanceof OidcSignInError) request.log.warn({ code: error.code, err: error.reason }, 'inloggen via OpenID Connect geweigerd');
    else request.log.error({ err: error }, 'inloggen via OpenID Connect mislukt');
    const code = error instanceof AppError ? error.code : 'oidc-mislukt';
    reply.clearCookie(STATE_COOKIE, { path: STATE_COOKIE_PATH });
    return reply.redirect(`/inloggen?fout=${encodeURIComponent(code)}`, 302);
  }

  app.get(
    '/api/v1/organisation/oidc',
    {
      config: { permission: 'organisation.manage' },
      schema: { tags, summary: 'Instelling voor inloggen met de OpenID-provider van de organisatie', response: { 200: oidcSettingsSchema } },
    },
    async (request) => getOidcSettings(createServiceContext(request), deps),
  );

  app.put(
    '/api/v1/organisation/oidc',
    {
      config: { permission: 'organisation.manage' },
      schema: { tags, summary: 'Stel de OpenID-provider van de organisatie in', body: oidcSettingsChangeSchema, response: { 200: oidcSettingsSchema } },
    },
    async (request) => saveOidcSettings(createServiceContext(request), request.body, deps),
  );

  app.get(
    '/api/v1/organisations/:slug/sign-in-options',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Hoe kan men inloggen bij deze organisatie', params: slugParams, response: { 200: signInOptionsSchema } },
    },
    async (request) => {
      const options = await describeSignInOptions(db, request.params.slug);
      if (!options) throw notFound('De organisatie');
      return options;
    },
  );

  app.get(
    '/api/v1/oidc/:slug/authorize',
    {
      config: { access: 'public', rateLimit: SIGN_IN_RATE_LIMIT },
      schema: { tags, summary: 'Begin met inloggen via de OpenID-provider van de organisatie', params: slugParams, response: { 302: redirect } },
    },
    async (request, reply) => {
      try {
        const { url, state } = await beginOidcSignIn(deps, request.params.slug);
        reply.setCookie(STATE_COOKIE, state, { ...baseCookie, path: STATE_COOKIE_PATH, maxAge: 600 });
        return reply.redirect(url, 302);
      } catch (error) {
        return failSignIn(request, reply, error);
      }
    },
  );

  app.get(
    '/api/v1/oidc/callback',
    {
      config: { access: 'public', rateLimit: SIGN_IN_RATE_LIMIT },
      schema: { tags, summary: 'Terugkeer van de OpenID-provider na het inloggen', querystring: oidcCallbackQuery, response: { 302: redirect } },
    },
    async (request, reply) => {
      try {
        const query = new URLSearchParams(request.url.split('?')[1] ?? '');
        const signedIn = await completeOidcSignIn(deps, getRequestOrigin(request), { query, browserState: request.cookies[STATE_COOKIE] });
        const { cookieValue } = await startSession(db, clock, getRequestOrigin(request), signedIn.organisationId, signedIn.userId, 'oidc');
        reply.clearCookie(STATE_COOKIE, { path: STATE_COOKIE_PATH });
        reply.setCookie(SESSION_COOKIE, cookieValue, { ...baseCookie, path: '/', maxAge: SESSION_IDLE_MS / 1000 });
        return reply.redirect('/', 302);
      } catch (error) {
        return failSignIn(request, reply, error);
      }
    },
  );
}
