import { API_VERSION } from './api-version.config';

type JsonObject = Record<string, any>;

const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'Foutmelding volgens RFC 9457 (problem details).',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', description: 'Stabiele foutcode' },
    instance: { type: 'string' },
    invalidParams: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          code: { type: 'string' },
          reason: { type: 'string' },
          position: { type: 'integer', description: 'Plek van de fout in de tekst (0 = eerste teken)' },
          length: { type: 'integer', description: 'Lengte van het foute stuk' },
        },
      },
    },
  },
};

const STANDARD_ERRORS: Record<string, string> = {
  '400': 'Ongeldige invoer',
  '401': 'Niet ingelogd',
  '403': 'Geen toestemming',
  '404': 'Niet gevonden',
  '429': 'Te veel verzoeken',
  '500': 'Interne fout',
};

const VERSION_HEADER = {
  'API-Version': {
    description: 'De volledige versie van de API',
    schema: { type: 'string', example: API_VERSION },
  },
};

function problemResponse(description: string) {
  return {
    description,
    headers: VERSION_HEADER,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  };
}

function operationIdFor(method: string, path: string): string {
  const words = path
    .replace(/\{([^}]+)\}/g, 'by-$1')
    .split(/[/-]/)
    .filter(Boolean);
  return [method, ...words].map((word, index) => (index === 0 ? word : word[0]!.toUpperCase() + word.slice(1))).join('');
}

// Shapes the generated document to the Dutch API Design Rules: version in the server URL, an
// API-Version header on every success, problem+json for every error, 400 where input is taken.
export function toNlGovDocument(spec: JsonObject, publicUrl: string): JsonObject {
  const paths: JsonObject = {};
  for (const [fullPath, item] of Object.entries<JsonObject>(spec.paths ?? {})) {
    if (!fullPath.startsWith('/api/v1/') || fullPath === '/api/v1/openapi.json') continue;
    const path = fullPath.slice('/api/v1'.length);
    const operations: JsonObject = {};
    for (const [method, operation] of Object.entries<JsonObject>(item)) {
      const responses: JsonObject = {};
      for (const [status, response] of Object.entries<JsonObject>(operation.responses ?? {})) {
        if (/^[23]/.test(status)) {
          responses[status] = { ...response, headers: { ...(response.headers ?? {}), ...VERSION_HEADER } };
        } else {
          responses[status] = problemResponse(response.description ?? STANDARD_ERRORS[status] ?? 'Fout');
        }
      }
      const takesInput = ['post', 'put', 'patch'].includes(method) || (operation.parameters?.length ?? 0) > 0;
      for (const [status, description] of Object.entries(STANDARD_ERRORS)) {
        if (status === '400' && !takesInput) continue;
        responses[status] ??= problemResponse(description);
      }
      operations[method] = { ...operation, operationId: operation.operationId ?? operationIdFor(method, path), responses };
    }
    paths[path] = operations;
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Plein API',
      description:
        'De API van Plein: luisteren, reageren, meldingen, publiceren en meten voor gemeenten. Inloggen met een sessie of met `Authorization: Bearer <API-token>`.',
      version: API_VERSION,
      contact: { name: 'Plein', email: 'beheer@plein.local', url: `${publicUrl}/api/docs` },
      license: { name: 'EUPL-1.2', url: 'https://eupl.eu/1.2/nl/' },
    },
    servers: [{ url: `${publicUrl}/api/v1`, description: 'Deze Plein-installatie' }],
    tags: spec.tags ?? [],
    paths,
    components: {
      ...(spec.components ?? {}),
      schemas: { ...(spec.components?.schemas ?? {}), Problem: PROBLEM_SCHEMA },
      securitySchemes: {
        sessie: { type: 'apiKey', in: 'cookie', name: 'plein_sessie' },
        apiToken: { type: 'http', scheme: 'bearer' },
      },
    },
    security: [{ sessie: [] }, { apiToken: [] }],
  };
}
