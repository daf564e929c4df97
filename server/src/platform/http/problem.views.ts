import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type InvalidParam } from './http.errors';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

function problemBody(error: AppError, instance: string) {
  return {
    type: `https://plein.local/problemen/${error.code}`,
    title: error.title,
    status: error.status,
    detail: error.detail,
    code: error.code,
    instance,
    ...(error.invalidParams && { invalidParams: error.invalidParams }),
  };
}

function fromZodIssues(error: FastifyError & { validation?: unknown[]; validationContext?: string }): AppError {
  const issues = (error.validation ?? []) as Array<{
    instancePath?: string;
    message?: string;
    params?: { issue?: { path?: unknown[]; code?: string; message?: string; keys?: string[] } };
  }>;
  const invalidParams: InvalidParam[] = issues.map((issue) => {
    const zodIssue = issue.params?.issue;
    const path = zodIssue?.path?.length ? zodIssue.path.join('.') : (issue.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    const keys = zodIssue?.keys?.length ? ` (${zodIssue.keys.join(', ')})` : '';
    return {
      name: path || (error.validationContext ?? 'body'),
      code: zodIssue?.code ?? 'ongeldig',
      reason: `${zodIssue?.message ?? issue.message ?? 'Ongeldige waarde'}${keys}`,
    };
  });
  const where =
    { body: 'de inhoud', querystring: 'de zoekparameters', params: 'het adres', headers: 'de headers' }[error.validationContext ?? 'body'] ?? 'de invoer';
  return new AppError(
    400,
    'ongeldige-invoer',
    'Ongeldige invoer',
    `Er klopt iets niet in ${where}: ${invalidParams.map((p) => `${p.name}: ${p.reason}`).join('; ')}`,
    invalidParams,
  );
}

// Fastify's own errors (bad JSON, too large, wrong media type) get Dutch text and a stable code.
function fromFastifyError(error: FastifyError): AppError {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError(400, 'ongeldige-json', 'Ongeldige invoer', 'De inhoud is geen geldige JSON.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(413, 'te-groot', 'Te groot', 'De inhoud is groter dan toegestaan.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(415, 'mediatype-niet-ondersteund', 'Mediatype niet ondersteund', 'Stuur de inhoud als application/json.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError(400, 'ongeldige-lengte', 'Ongeldige invoer', 'De Content-Length klopt niet met de inhoud.');
    default:
      if (error.statusCode === 429) {
        return new AppError(429, 'te-veel-verzoeken', 'Te veel verzoeken', 'U doet te veel verzoeken achter elkaar. Wacht even en probeer het opnieuw.');
      }
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        return new AppError(error.statusCode, 'ongeldig-verzoek', 'Ongeldig verzoek', 'Het verzoek kon niet worden verwerkt.');
      }
      return new AppError(500, 'interne-fout', 'Er ging iets mis', 'Er ging aan onze kant iets mis. Probeer het later opnieuw.');
  }
}

export function installProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let problem: AppError;
    if (error instanceof AppError) problem = error;
    else if (hasZodFastifySchemaValidationErrors(error)) problem = fromZodIssues(error);
    else if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'antwoord voldoet niet aan schema');
      problem = fromFastifyError({ ...error, statusCode: 500 } as FastifyError);
    } else problem = fromFastifyError(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'onverwachte fout');
    if (problem.status === 429 && !reply.getHeader('retry-after')) reply.header('Retry-After', '60');
    reply
      .status(problem.status)
      .type(PROBLEM_CONTENT_TYPE)
      .send(problemBody(problem, request.url.split('?')[0] ?? '/'));
  });
}

export function sendProblem(reply: import('fastify').FastifyReply, error: AppError, instance: string) {
  return reply.status(error.status).type(PROBLEM_CONTENT_TYPE).send(problemBody(error, instance));
}
