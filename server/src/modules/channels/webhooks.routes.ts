import type { AppInstance } from '@platform/http/app.server';
import { AppError, notFound } from '@platform/http/http.errors';
import { z } from 'zod';
import type { SecretKeys } from './account-secrets.rules';
import { answerWebhookHandshake, receiveWebhook } from './webhooks.service';

const webhookParams = z.strictObject({ organisationId: z.uuid(), accountId: z.uuid() });

// Platform-facing, so outside /api/v1: Meta and WhatsApp call these with their own formats. The
// organisation id in the path routes the call to its tenant without a lookup across organisations.
export async function registerWebhookRoutes(app: AppInstance) {
  const { db, clock, config } = app.deps;
  const keys: SecretKeys = { current: config.secretKey, previous: config.previousSecretKeys };

  await app.register(async (scope) => {
    // The signature covers the exact bytes sent; parsing first and re-serialising would not match.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    scope.get(
      '/webhooks/:organisationId/:accountId',
      { config: { access: 'public' }, schema: { hide: true, params: webhookParams } },
      async (request, reply) => {
        const { organisationId, accountId } = request.params as z.infer<typeof webhookParams>;
        const answer = await answerWebhookHandshake(db, keys, organisationId, accountId, request.query as Record<string, string>);
        if (answer === null) throw new AppError(403, 'webhook-geweigerd', 'Geweigerd', 'De verify-token klopt niet.');
        return reply.type('text/plain').send(answer);
      },
    );

    scope.post(
      '/webhooks/:organisationId/:accountId',
      { config: { access: 'public', rateLimit: { max: 600, timeWindow: '1 minute' } }, schema: { hide: true, params: webhookParams } },
      async (request, reply) => {
        const { organisationId, accountId } = request.params as z.infer<typeof webhookParams>;
        const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const result = await receiveWebhook(db, clock, keys, { organisationId, accountId, rawBody, headers: request.headers });
        if (result === 'onbekend') throw notFound('Deze webhook');
        if (result === 'handtekening-fout') {
          request.log.warn({ organisationId, accountId }, 'webhook met ontbrekende of foute handtekening geweigerd');
          throw new AppError(
            401,
            'handtekening-ongeldig',
            'Handtekening ongeldig',
            'De handtekening van dit bericht ontbreekt of klopt niet; er is niets opgeslagen.',
          );
        }
        if (result === 'geen-json') throw new AppError(400, 'geen-json', 'Ongeldige invoer', 'Dit bericht is geen geldige JSON; er is niets opgeslagen.');
        return reply.status(200).send({ ontvangen: result.stored });
      },
    );
  });
}
