import { CHANNEL_REQUIREMENTS } from '@contracts/channel-fields';
import { CHANNEL_CAPABILITIES } from '@contracts/channel-limits';
import {
  channelAccountChangeSchema,
  channelAccountCreateSchema,
  channelAccountSchema,
  contactFormSchema,
  messageListQuery,
  messagePageSchema,
  messageSchema,
  outboxCreateSchema,
  outboxItemSchema,
  phoneNoteCreateSchema,
  quarantinedMessageSchema,
  quarantineRetryOutcomeSchema,
} from '@contracts/channels';
import { idParams } from '@contracts/common';
import { type AppInstance, createServiceContext } from '@platform/http/app.server';
import { describeIdempotentCall } from '@platform/http/idempotency.service';
import { z } from 'zod';
import type { SecretKeys } from './account-secrets.rules';
import { addAccount, changeAccount, getAccount, listAccounts } from './accounts.service';
import { describeContactForm, issueChallenge, submitContactForm } from './contact-form.service';
import { getMessage, listMessages, logPhoneCall } from './messages.service';
import { getOutboxItem, listOutbox, queueOutbound, queueWithdrawal, retryOutboxItem } from './outbox.service';
import { discardQuarantinedMessage, listQuarantinedMessages, retryQuarantinedMessage } from './quarantine.service';

const contactParams = z.strictObject({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Onbekende organisatie'),
  cbsCode: z.string().regex(/^GM\d{4}$/, 'Gebruik een CBS-code zoals GM0383'),
});

export async function registerChannelsRoutes(app: AppInstance) {
  const { db, clock, config } = app.deps;
  const keys: SecretKeys = { current: config.secretKey, previous: config.previousSecretKeys };
  const tags = ['Kanalen'];

  app.get(
    '/api/v1/channels',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Wat elk kanaal kan en vraagt bij het koppelen',
        response: { 200: z.object({ capabilities: z.record(z.string(), z.unknown()), requirements: z.record(z.string(), z.unknown()) }) },
      },
    },
    async () => ({ capabilities: CHANNEL_CAPABILITIES, requirements: CHANNEL_REQUIREMENTS }),
  );

  app.get(
    '/api/v1/channel-accounts',
    { config: { permission: 'channels.read' }, schema: { tags, summary: 'Gekoppelde kanaalaccounts', response: { 200: z.array(channelAccountSchema) } } },
    async (request) => listAccounts(createServiceContext(request)),
  );

  app.post(
    '/api/v1/channel-accounts',
    {
      config: { permission: 'channels.manage' },
      schema: { tags, summary: 'Koppel een kanaalaccount', body: channelAccountCreateSchema, response: { 201: channelAccountSchema } },
    },
    async (request, reply) => reply.status(201).send(await addAccount(createServiceContext(request), keys, request.body)),
  );

  app.get(
    '/api/v1/channel-accounts/:id',
    {
      config: { permission: 'channels.read' },
      schema: { tags, summary: 'Eén kanaalaccount met zijn status', params: idParams, response: { 200: channelAccountSchema } },
    },
    async (request) => getAccount(createServiceContext(request), request.params.id),
  );

  app.patch(
    '/api/v1/channel-accounts/:id',
    {
      config: { permission: 'channels.manage' },
      schema: {
        tags,
        summary: 'Wijzig, pauzeer of hervat een kanaalaccount; vernieuw zijn token',
        params: idParams,
        body: channelAccountChangeSchema,
        response: { 200: channelAccountSchema },
      },
    },
    async (request) => changeAccount(createServiceContext(request), keys, request.params.id, request.body),
  );

  const entryParams = z.strictObject({ id: z.uuid(), entryId: z.uuid() });

  app.get(
    '/api/v1/channel-accounts/:id/quarantine',
    {
      config: { permission: 'channels.read' },
      schema: {
        tags,
        summary: 'Berichten van dit account die niet konden worden opgeslagen en apart zijn gezet',
        params: idParams,
        response: { 200: z.array(quarantinedMessageSchema) },
      },
    },
    async (request) => listQuarantinedMessages(createServiceContext(request), request.params.id),
  );

  app.post(
    '/api/v1/channel-accounts/:id/quarantine/:entryId/retry',
    {
      config: { permission: 'channels.manage' },
      schema: {
        tags,
        summary: 'Probeer een apart gezet bericht opnieuw op te slaan',
        params: entryParams,
        response: { 200: quarantineRetryOutcomeSchema },
      },
    },
    async (request) => retryQuarantinedMessage(createServiceContext(request), keys, request.params.id, request.params.entryId),
  );

  app.delete(
    '/api/v1/channel-accounts/:id/quarantine/:entryId',
    {
      config: { permission: 'channels.manage' },
      schema: { tags, summary: 'Verwijder een apart gezet bericht', params: entryParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await discardQuarantinedMessage(createServiceContext(request), request.params.id, request.params.entryId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/messages',
    {
      config: { permission: 'messages.read' },
      schema: { tags, summary: 'Ontvangen en verzonden berichten, nieuwste eerst', querystring: messageListQuery, response: { 200: messagePageSchema } },
    },
    async (request) => listMessages(createServiceContext(request), request.query),
  );

  app.get(
    '/api/v1/messages/:id',
    { config: { permission: 'messages.read' }, schema: { tags, summary: 'Eén bericht', params: idParams, response: { 200: messageSchema } } },
    async (request) => getMessage(createServiceContext(request), request.params.id),
  );

  app.post(
    '/api/v1/messages/:id/withdrawal',
    {
      config: { permission: 'channels.send' },
      schema: {
        tags,
        summary: 'Trek een door Plein verstuurd bericht in (het platform verwijdert het)',
        params: idParams,
        response: { 201: outboxItemSchema, 200: outboxItemSchema },
      },
    },
    async (request, reply) => {
      const { item, created } = await queueWithdrawal(createServiceContext(request), request.params.id);
      return reply.status(created ? 201 : 200).send(item);
    },
  );

  app.post(
    '/api/v1/phone-calls',
    {
      config: { permission: 'messages.log' },
      schema: { tags, summary: 'Leg een telefoongesprek vast als binnenkomend bericht', body: phoneNoteCreateSchema, response: { 201: messageSchema } },
    },
    async (request, reply) => reply.status(201).send(await logPhoneCall(createServiceContext(request), request.body)),
  );

  app.get(
    '/api/v1/outbox',
    {
      config: { permission: 'channels.read' },
      schema: {
        tags,
        summary: 'Uitgaande berichten en hun status',
        querystring: z.strictObject({ accountId: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.array(outboxItemSchema) },
      },
    },
    async (request) => listOutbox(createServiceContext(request), request.query),
  );

  app.post(
    '/api/v1/outbox',
    {
      config: { permission: 'channels.send' },
      schema: {
        tags,
        summary: 'Verstuur een bericht of antwoord (precies één keer, ook bij herhalen met dezelfde sleutel)',
        body: outboxCreateSchema,
        response: { 201: outboxItemSchema, 200: outboxItemSchema },
      },
    },
    async (request, reply) => {
      const { item, created } = await queueOutbound(createServiceContext(request), request.body);
      return reply.status(created ? 201 : 200).send(item);
    },
  );

  app.get(
    '/api/v1/outbox/:id',
    { config: { permission: 'channels.read' }, schema: { tags, summary: 'Eén uitgaand bericht', params: idParams, response: { 200: outboxItemSchema } } },
    async (request) => getOutboxItem(createServiceContext(request), request.params.id),
  );

  app.post(
    '/api/v1/outbox/:id/retry',
    {
      config: { permission: 'channels.send' },
      schema: { tags, summary: 'Verstuur een mislukt bericht opnieuw', params: idParams, response: { 200: outboxItemSchema } },
    },
    async (request) => retryOutboxItem(createServiceContext(request), request.params.id),
  );

  const publicTags = ['Contactformulier'];
  app.get(
    '/api/v1/organisations/:slug/municipalities/:cbsCode/contact-form',
    {
      config: { access: 'public' },
      schema: {
        tags: publicTags,
        summary: 'Gegevens voor het openbare contactformulier',
        params: contactParams,
        response: { 200: z.object({ municipality: z.string(), houseColour: z.string(), formName: z.string() }) },
      },
    },
    async (request) => describeContactForm(db, request.params.slug, request.params.cbsCode),
  );

  app.post(
    '/api/v1/organisations/:slug/municipalities/:cbsCode/contact-challenges',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: publicTags,
        summary: 'Vraag een eenmalige controle-opgave voor het contactformulier',
        params: contactParams,
        response: { 201: z.object({ challenge: z.string(), difficulty: z.number().int() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await issueChallenge(db, clock, request.params.slug, request.params.cbsCode)),
  );

  app.post(
    '/api/v1/organisations/:slug/municipalities/:cbsCode/contact',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: publicTags,
        summary: 'Verstuur het contactformulier (zonder account)',
        params: contactParams,
        body: contactFormSchema,
        response: { 202: z.object({ received: z.boolean() }) },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await submitContactForm(db, clock, request.params.slug, request.params.cbsCode, request.body, describeIdempotentCall(request))),
  );
}
