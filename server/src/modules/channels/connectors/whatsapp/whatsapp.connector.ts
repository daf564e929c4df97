import type { Connector } from '../../connector.types';
import { createMetaWebhook } from '../meta/meta-webhook.rules';
import { callWhatsapp } from './whatsapp-graph.client';
import { parseStatusReports, parseWebhook } from './whatsapp-inbound.client';
import { sendMessage } from './whatsapp-outbound.client';

// WhatsApp Business Cloud API. Inbound only through Meta's webhook (there is nothing to poll);
// outbound through POST /{phone-number-id}/messages: free text within 24 hours of the resident's
// message, the account's approved template after that.
export const whatsappConnector: Connector = {
  channel: 'whatsapp',
  streams: () => [],
  // Signature (X-Hub-Signature-256 with the app secret) and handshake (verifyToken) as for every Meta product.
  webhook: { ...createMetaWebhook(parseWebhook), reports: parseStatusReports },
  send: sendMessage,
  // No findSent: the Cloud API cannot list or look up sent messages and has no idempotency key. So when an attempt
  // began and never ended (the worker died after Meta may have accepted, before Plein recorded it), the send job does
  // not send again on its own: the item fails as "onzeker" and a person checks the chat before sending it again. A
  // resident never gets the same answer twice, and none is lost without someone seeing it. Each message carries the
  // outbox id in biz_opaque_callback_data, and Meta's status webhook for it settles the doubt without anyone
  // (delivery-reports.service.ts): 'delivered' makes it sent, 'failed' says why it did not arrive.
  async verify(account, deps) {
    const phone = await callWhatsapp<{ verified_name?: string; display_phone_number?: string }>(
      deps,
      account,
      'GET',
      encodeURIComponent(String(account.settings.phoneNumberId ?? '')),
      {
        params: { fields: 'verified_name,display_phone_number' },
      },
    );
    return { displayName: phone?.verified_name || phone?.display_phone_number };
  },
};
