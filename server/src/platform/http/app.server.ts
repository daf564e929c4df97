import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { type DestinationStream, pino } from 'pino';
import { z } from 'zod';
import { authenticateBearer, authenticateSession } from '../auth/authenticate.service';
import type { Clock } from '../clock.service';
import type { Config } from '../config.service';
import type { RequestOrigin, ServiceContext } from '../context.service';
import type { Db } from '../db/database.client';
import type { EventHub } from '../events/event-hub.service';
import { buildLoggerOptions } from '../logging.service';
import { can } from '../tenancy/policy.rules';
import { findUncleanText, hasUncleanText } from '../text/clean-text.rules';
import { API_VERSION } from './api-version.config';
import { capConnectionsPerAddress } from './connection-cap.service';
import { AppError, badRequest, forbidden, notFound, unauthenticated } from './http.errors';
import { isNestedDeeperThan, MAX_INPUT_DEPTH } from './input-depth.rules';
import './fastify.types';
import { trackRouteMethods } from './method-not-allowed.routes';
import { installMetrics } from './metrics.service';
import { toNlGovDocument } from './openapi.rules';
import { installProblemHandler, sendProblem } from './problem.views';

z.config(z.locales.nl());

export const SESSION_COOKIE = 'plein_sessie';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AppDependencies {
  db: Db;
  clock: Clock;
  config: Config;
  // Modules register their routes here; see server/src/modules/index.ts.
  registerModules: (app: AppInstance) => Promise<void>;
  readyCheck?: () => Promise<void>;
  defaultMetrics?: boolean;
  // Where logs go; tests pass a stream to check what is (not) logged.
  logStream?: DestinationStream;
  // Committed changes announced by any process, for live pages (the inbox).
  events?: EventHub;
  // The guarded fetch for addresses tenants configure (http/outbound.client.ts), the same one the jobs use: an OIDC
  // issuer a beheerder entered must not reach the installation's own network either.
  outboundFetch: typeof fetch;
}

export type AppInstance = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export interface CataloguedRoute {
  method: string;
  url: string;
  access?: 'public' | 'signed-in';
  permission?: string;
  hasBody: boolean;
  hasQuery: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDependencies;
    // Every /api/v1 route with its access rule; the cross-tenant test matrix walks this list.
    routeCatalogue: CataloguedRoute[];
  }
}

export function getRequestOrigin(request: FastifyRequest): RequestOrigin {
  return { ip: request.ip ?? null, userAgent: request.headers['user-agent']?.slice(0, 500) ?? null, requestId: String(request.id) };
}

// Route handlers turn the request into the explicit context a use case takes.
export function createServiceContext(request: FastifyRequest): ServiceContext {
  if (!request.auth) throw unauthenticated();
  const { db, clock } = request.server.deps;
  return { db, clock, actor: request.auth.actor, origin: getRequestOrigin(request) };
}

export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: pino(buildLoggerOptions(deps.config.logLevel), deps.logStream ?? process.stdout) as FastifyBaseLogger,
    bodyLimit: deps.config.bodyLimit,
    trustProxy: deps.config.trustProxy,
    // The whole request within the timeout, its headers within half of it (at most 15 s); Node checks every second.
    requestTimeout: deps.config.requestTimeoutMs,
    http: {
      headersTimeout: Math.min(15_000, Math.ceil(deps.config.requestTimeoutMs / 2)),
      connectionsCheckingInterval: Math.min(1_000, deps.config.requestTimeoutMs),
    },
    // Live streams (server-sent events) never end by themselves: on shutdown every connection is closed.
    forceCloseConnections: true,
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w.-]{8,128}$/.test(incoming) ? incoming : randomUUID();
    },
  });
  if (deps.config.trustProxy === false) capConnectionsPerAddress(app.server, deps.config.maxConnectionsPerAddress);
  app.decorate('deps', deps);
  app.decorateRequest('auth', null);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installProblemHandler(app);
  const routeMethods = trackRouteMethods(app);

  const catalogue: CataloguedRoute[] = [];
  app.decorate('routeCatalogue', catalogue);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const config = route.config as { access?: 'public' | 'signed-in'; permission?: string } | undefined;
    if (!config?.access && !config?.permission) {
      throw new Error(`Route ${route.method} ${route.url} zegt niet wie hem mag aanroepen (config.access of config.permission)`);
    }
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      catalogue.push({
        method,
        url: route.url,
        access: config.access,
        permission: config.permission,
        hasBody: Boolean(route.schema?.body),
        hasQuery: Boolean(route.schema?.querystring),
      });
    }
  });

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Map tiles of the melding form come from the configured tile host (PDOK by default).
        imgSrc: ["'self'", 'data:', 'https:', ...tileSources(deps.config.mapTilesUrl)],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: deps.config.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: deps.config.secureCookies,
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: { openapi: '3.0.3', info: { title: 'Plein API', version: API_VERSION } },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    transformSpecification: (spec) => toNlGovDocument(spec as Record<string, unknown>, deps.config.publicUrl),
    transformSpecificationClone: true,
  });

  // The API speaks JSON only; anything else is refused with 415 instead of being read as a string.
  app.removeContentTypeParser(['text/plain']);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
    if (!request.url.startsWith('/api/v1')) return;
    reply.header('API-Version', API_VERSION);
    const path = request.url.split('?')[0] ?? '';
    // NLGov ADR: no trailing slashes; /users/ is not /users nor /users/{id}.
    if (path.endsWith('/')) return sendProblem(reply, notFound('Dit adres'), path);
  });

  // Before validation: who is asking is decided before what they sent is judged (401 before 400).
  app.addHook('preValidation', async (request, reply) => {
    const config = request.routeOptions.config;
    if (!config.access && !config.permission) return;
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      request.auth = await authenticateBearer(deps.db, deps.clock, authorization.slice(7).trim());
      if (!request.auth) throw new AppError(401, 'token-ongeldig', 'Niet ingelogd', 'Het API-token is ongeldig of ingetrokken.');
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) {
        request.auth = await authenticateSession(deps.db, deps.clock, cookie);
        if (!request.auth) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
    if (config.access === 'public') return;
    if (!request.auth) throw unauthenticated();
    // Cookies ride along on cross-site requests; the token only our own pages can read proves intent.
    if (request.auth.session && !SAFE_METHODS.has(request.method)) {
      if (request.headers[CSRF_HEADER] !== request.auth.session.csrfToken) {
        throw new AppError(403, 'csrf-ongeldig', 'Verzoek geweigerd', 'De beveiligingscode van dit verzoek ontbreekt of klopt niet. Laad de pagina opnieuw.');
      }
    }
    if (config.permission && !can(request.auth.actor, config.permission)) throw forbidden();
  });

  // Text must be storable: a NUL character or half a character in anything a person or client app sent is refused here,
  // once for every route and after authentication (401 before 400). A webhook's body stays bytes (its signature covers
  // them); what a platform sends is cleaned where channels store it.
  app.addHook('preValidation', async (request) => {
    if (isNestedDeeperThan(request.body, MAX_INPUT_DEPTH) || isNestedDeeperThan(request.query, MAX_INPUT_DEPTH)) {
      throw badRequest('te-diep-genest', `De invoer is dieper genest dan ${MAX_INPUT_DEPTH} niveaus; dat verwacht geen enkel formulier van Plein.`);
    }
    // The cheap check first: every request passes here, and the field's name is only needed for a refusal.
    if (!hasUncleanText(request.params) && !hasUncleanText(request.query) && !hasUncleanText(request.body)) return;
    const field = findUncleanText(request.params) ?? findUncleanText(request.query) ?? findUncleanText(request.body) ?? '';
    const reason = 'Hier staat een teken in dat niet te bewaren is (een nul-teken of een half teken). Haal het weg of typ de tekst opnieuw.';
    throw badRequest('ongeldige-tekens', reason, [{ name: field || 'invoer', code: 'ongeldig-teken', reason }]);
  });

  app.setNotFoundHandler(async (request, reply) => {
    const allowed = routeMethods.allowedMethods(request.url);
    if (allowed && !allowed.includes(request.method)) {
      reply.header('Allow', allowed.join(', '));
      return sendProblem(
        reply,
        new AppError(405, 'methode-niet-toegestaan', 'Methode niet toegestaan', `Gebruik ${allowed.join(' of ')} op dit adres.`),
        request.url,
      );
    }
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return sendProblem(reply, notFound('Dit adres'), request.url.split('?')[0] ?? '/');
    }
    return serveSpaOrNotFound(request, reply);
  });

  installMetrics(app, { defaultMetrics: deps.defaultMetrics ?? false, token: deps.config.metricsToken });

  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    try {
      await deps.readyCheck?.();
      return { status: 'ok' };
    } catch {
      return sendProblem(reply, new AppError(503, 'niet-gereed', 'Niet gereed', 'De database is niet bereikbaar.'), '/readyz');
    }
  });
  app.get('/api/v1/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    toNlGovDocument(app.swagger() as unknown as Record<string, unknown>, deps.config.publicUrl),
  );

  await app.register(async (api) => deps.registerModules(api.withTypeProvider<ZodTypeProvider>()));
  await registerSpa(app);
  return app;
}

// The single-page app is served from web/dist when it has been built.

const webDist = join(dirname(fileURLToPath(import.meta.url)), '../../../../web/dist');
let spaIndex: string | null = null;

async function registerSpa(app: FastifyInstance) {
  if (!existsSync(join(webDist, 'index.html'))) return;
  spaIndex = readFileSync(join(webDist, 'index.html'), 'utf8');
  await app.register(fastifyStatic, { root: join(webDist, 'assets'), prefix: '/assets/', wildcard: true, immutable: true, maxAge: '365d' });
}

async function serveSpaOrNotFound(request: FastifyRequest, reply: FastifyReply) {
  // A browser asks for HTML; curl and simple clients ask for anything (*/* or no Accept): both get the app.
  const accept = request.headers.accept ?? '*/*';
  if (spaIndex && (accept.includes('text/html') || accept.includes('*/*'))) {
    return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(spaIndex);
  }
  return sendProblem(reply, notFound('Dit adres'), request.url.split('?')[0] ?? '/');
}

// The origin of an XYZ tile template for the CSP; {s} subdomains become a wildcard (https://*.tile.example).
function tileSources(template: string): string[] {
  try {
    const url = new URL(template.replace(/\{s\}/g, 'subdomain-wildcard').replace(/\{[a-z]+\}/gi, '0'));
    return [url.origin.replace('subdomain-wildcard', '*')];
  } catch {
    return [];
  }
}
