import type { AppInstance } from '@platform/http/app.server';
import { AppError } from '@platform/http/http.errors';
import { describeIdempotentCall } from '@platform/http/idempotency.service';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Open311Error, type Open311Params, open311Error } from './open311.errors';
import { toGeoReportXml } from './open311.xml';
import { resolveTarget } from './open311-clients.service';
import { createRequest, getRequest, listRequests } from './open311-requests.service';
import { describeDiscovery, describeService, listServices } from './open311-services.service';

type Format = 'json' | 'xml';

export const OPEN311_PREFIX = '/open311/v2';

function send(reply: FastifyReply, format: Format, root: string, body: unknown, status = 200) {
  reply.status(status);
  if (format === 'xml') return reply.type('text/xml; charset=utf-8').send(toGeoReportXml(root, body));
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(body));
}

// Errors answer in the format the address asked for; anything else gets JSON.
const formatOfUrl = (url: string): Format => (/\.xml$/i.test(url.split('?')[0] ?? '') ? 'xml' : 'json');

function sendErrors(reply: FastifyReply, url: string, error: Open311Error) {
  return send(reply, formatOfUrl(url), 'errors', error.errors, error.status);
}

function formatOf(value: string | undefined): Format {
  if (value === 'json' || value === 'xml') return value;
  throw open311Error(404, 'Onbekend formaat: gebruik .json of .xml.');
}

// "wegen-bestrating.json" → the code and the format.
function splitFile(file: string | undefined): { id: string; format: Format } {
  const match = /^(.+)\.(json|xml)$/.exec(file ?? '');
  if (!match) throw open311Error(404, 'Onbekend adres: gebruik …/<id>.json of …/<id>.xml.');
  return { id: match[1]!, format: match[2] as Format };
}

function fromFastifyError(error: FastifyError): Open311Error {
  const status = error.statusCode ?? 500;
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return open311Error(400, 'De inhoud is geen geldige JSON.');
  if (status === 415) return open311Error(415, 'Stuur de gegevens als application/x-www-form-urlencoded (of als JSON).');
  if (status === 413) return open311Error(413, 'De inhoud is groter dan toegestaan.');
  if (status === 429) return open311Error(429, 'U doet te veel verzoeken achter elkaar. Wacht even en probeer het opnieuw.');
  if (status >= 400 && status < 500) return open311Error(status, 'Het verzoek kon niet worden verwerkt.');
  return open311Error(500, 'Er ging aan onze kant iets mis. Probeer het later opnieuw.');
}

function paramsOf(request: FastifyRequest): Open311Params {
  const query = (request.query ?? {}) as Open311Params;
  const body = request.body && typeof request.body === 'object' && !Buffer.isBuffer(request.body) ? (request.body as Open311Params) : {};
  return { ...query, ...body };
}

// application/x-www-form-urlencoded, as GeoReport v2 posts; a repeated field becomes a list.
function parseForm(body: string): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const known = fields[key];
    fields[key] = known === undefined ? value : [...(Array.isArray(known) ? known : [known]), value];
  }
  return fields;
}

const ALLOWED: [RegExp, string][] = [
  [/^\/open311\/v2\/requests\.(json|xml)$/, 'GET, POST'],
  [/^\/open311\/v2\/(discovery|services)\.(json|xml)$/, 'GET'],
  [/^\/open311\/v2\/(services|requests)\/[^/]+$/, 'GET'],
];

// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) for resident apps: outside /api/v1, with
// the specification's own formats (.json or .xml in the address) and error list instead of problem+json.
export async function open311Routes(app: AppInstance) {
  const { db, clock, config } = app.deps;
  const links = { publicUrl: config.publicUrl };

  await app.register(
    async (scope) => {
      scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => done(null, parseForm(String(body))));

      scope.setErrorHandler((error: FastifyError, request, reply) => {
        let answer: Open311Error;
        if (error instanceof Open311Error) answer = error;
        else if (error instanceof AppError) answer = open311Error(error.status, error.detail);
        else answer = fromFastifyError(error);
        if (answer.status >= 500) request.log.error({ err: error }, 'onverwachte fout in Open311');
        if (answer.status === 429 && !reply.getHeader('retry-after')) reply.header('Retry-After', '60');
        return sendErrors(reply, request.url, answer);
      });

      scope.setNotFoundHandler((request, reply) => {
        const path = request.url.split('?')[0] ?? '';
        const allowed = ALLOWED.find(([pattern]) => pattern.test(path))?.[1];
        if (allowed) {
          reply.header('Allow', allowed);
          return sendErrors(reply, request.url, open311Error(405, `Gebruik ${allowed.replace(', ', ' of ')} op dit adres.`));
        }
        return sendErrors(reply, request.url, open311Error(404, 'Dit adres bestaat niet. Zie discovery.json voor wat deze Open311-dienst biedt.'));
      });

      const read = { access: 'public' as const, rateLimit: { max: 120, timeWindow: '1 minute' } };
      const write = { access: 'public' as const, rateLimit: { max: 30, timeWindow: '1 minute' } };
      const schema = { hide: true };

      scope.get('/discovery.:format', { config: read, schema }, async (request, reply) => {
        const format = formatOf((request.params as { format?: string }).format);
        return send(reply, format, 'discovery', describeDiscovery(config.publicUrl));
      });

      scope.get('/services.:format', { config: read, schema }, async (request, reply) => {
        const format = formatOf((request.params as { format?: string }).format);
        const target = await resolveTarget(db, paramsOf(request), 'read');
        return send(reply, format, 'services', await listServices(db, target));
      });

      scope.get('/services/:file', { config: read, schema }, async (request, reply) => {
        const { id, format } = splitFile((request.params as { file?: string }).file);
        const target = await resolveTarget(db, paramsOf(request), 'read');
        return send(reply, format, 'service_definition', await describeService(db, target, id));
      });

      scope.get('/requests.:format', { config: read, schema }, async (request, reply) => {
        const format = formatOf((request.params as { format?: string }).format);
        const params = paramsOf(request);
        const target = await resolveTarget(db, params, 'read');
        const { requests, nextPage } = await listRequests(db, clock, target, params);
        if (nextPage) {
          const next = new URLSearchParams(request.query as Record<string, string>);
          next.set('page', String(nextPage));
          reply.header('link', `<${links.publicUrl}/open311/v2/requests.${format}?${next}>; rel="next"`);
        }
        return send(reply, format, 'service_requests', requests);
      });

      scope.post('/requests.:format', { config: write, schema }, async (request, reply) => {
        const format = formatOf((request.params as { format?: string }).format);
        return send(reply, format, 'service_requests', await createRequest(db, clock, links, paramsOf(request), describeIdempotentCall(request)));
      });

      scope.get('/requests/:file', { config: read, schema }, async (request, reply) => {
        const { id, format } = splitFile((request.params as { file?: string }).file);
        const target = await resolveTarget(db, paramsOf(request), 'read');
        return send(reply, format, 'service_requests', await getRequest(db, target, id));
      });
    },
    { prefix: OPEN311_PREFIX },
  );
}
