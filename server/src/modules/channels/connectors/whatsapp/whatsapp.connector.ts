import type { Connector } from '../../connector.types';
import { createMetaWebhook } from '../meta/meta-webhook.rules';
import { callWhatsapp } from './whatsapp-graph.client';
import { parseWebhook } from './whatsapp-inbound.client';
import { sendMessage } from './whatsapp-outbound.client';

// WhatsApp Business Cloud API. Inbound only through Meta's webhook (there is nothing to poll);
// outbound through POST /{phone-number-id}/messages: free text within 24 hours of the resident's
// message, the account's approved template after that.
export const whatsappConnector: Connector = {
  channel: 'whatsapp',
  streams: () => [],
  // Signature (X-Hub-Signature-256 with the app secret) and handshake (verifyToken) as for every Meta product.
  webhook: createMetaWebhook(parseWebhook),
  send: sendMessage,
  // The Cloud API cannot list or look up sent messages and has no idempotency key. So when a send
  // job runs a second time (the worker died after Meta accepted, before Plein recorded it), Plein
  // cannot know and sends again: at least once, never lost. That only happens when the worker dies
  // (or its transaction fails) between Meta's answer and the commit; each message carries the outbox
  // id in biz_opaque_callback_data, so status webhooks can expose a double once Plein stores them.
  async findSent() {
    return null;
  },
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
