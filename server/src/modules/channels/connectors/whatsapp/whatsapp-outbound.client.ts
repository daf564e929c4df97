import { ChannelError, type ConnectorAccount, type ConnectorDeps, type OutboundRequest, type SentResult } from '../../connector.types';
import { hasGraphCode } from '../meta/graph.errors';
import { callWhatsapp } from './whatsapp-graph.client';

type Json = Record<string, any>;

const DAY_MS = 24 * 60 * 60 * 1000;
// A reply can wait in the queue for a while; closing the window a little early avoids a free-form
// message that Meta refuses because the 24 hours ran out in the meantime.
const WINDOW_MARGIN_MS = 5 * 60 * 1000;

interface SendResponse {
  messages?: { id?: string }[];
}

// Whether a free-form message may still go to this resident. The connector only knows the message
// being answered (replyTo.postedAt), not the resident's newest message: answering an older message
// of someone who wrote again since may use the template when a free reply was allowed. That errs on
// the side Meta accepts, and a 131047 from Meta falls back to the template anyway.
export function isWindowOpen(request: OutboundRequest, now: Date): boolean {
  if (!request.replyTo) return false;
  return now.getTime() - request.replyTo.postedAt.getTime() < DAY_MS - WINDOW_MARGIN_MS;
}

function baseMessage(request: OutboundRequest, to: string): Json {
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to,
    // Comes back in the status webhooks (sent, delivered, failed): what ties those to the outbox item.
    biz_opaque_callback_data: request.outboxId,
  };
}

function textMessage(request: OutboundRequest, to: string): Json {
  return {
    ...baseMessage(request, to),
    // Shows the resident which of their messages this answers.
    ...(request.kind === 'reply' && request.replyTo && { context: { message_id: request.replyTo.platformId } }),
    type: 'text',
    text: { body: request.text, preview_url: false },
  };
}

// Template body parameters may not contain newlines, tabs or more than four spaces in a row.
function asTemplateParameter(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function templateMessage(request: OutboundRequest, to: string, account: ConnectorAccount, withText: boolean): Json {
  const language = String(account.settings.templateLanguage || 'nl');
  return {
    ...baseMessage(request, to),
    type: 'template',
    template: {
      name: String(account.settings.templateName),
      language: { code: language },
      ...(withText && { components: [{ type: 'body', parameters: [{ type: 'text', text: asTemplateParameter(request.text) }] }] }),
    },
  };
}

async function post(deps: ConnectorDeps, account: ConnectorAccount, message: Json): Promise<SentResult> {
  const phoneNumberId = String(account.settings.phoneNumberId ?? '');
  const response = await callWhatsapp<SendResponse>(deps, account, 'POST', `${encodeURIComponent(phoneNumberId)}/messages`, { body: message });
  const id = response?.messages?.[0]?.id;
  // Accepted but unnamed: probably sent, so no automatic retry that could send it twice.
  if (!id)
    throw new ChannelError(
      'permanent',
      'WhatsApp nam het bericht aan zonder bericht-id terug te geven. Kijk in WhatsApp Business of het is aangekomen voordat u het opnieuw verstuurt.',
    );
  // WhatsApp messages have no public address.
  return { platformId: id, publicUrl: null };
}

// Outside the window only an approved template may go. The text goes in as the body parameter; a
// template without one (Meta answers 132000, parameter count mismatch, and sends nothing) goes without.
async function sendTemplate(deps: ConnectorDeps, account: ConnectorAccount, request: OutboundRequest, to: string): Promise<SentResult> {
  try {
    return await post(deps, account, templateMessage(request, to, account, true));
  } catch (error) {
    if (!hasGraphCode(error, 132000)) throw error;
    return post(deps, account, templateMessage(request, to, account, false));
  }
}

function windowClosed(): ChannelError {
  return new ChannelError(
    'permanent',
    'Het 24-uursvenster van WhatsApp is gesloten: de inwoner schreef meer dan 24 uur geleden, en er is geen goedgekeurd sjabloon ingesteld. Stel bij het account een sjabloon in of wacht tot de inwoner opnieuw schrijft.',
  );
}

// No idempotency key exists in the Cloud API and sent messages cannot be looked up, so a retry after
// a crash between Meta accepting and Plein recording sends the message again (see findSent).
export async function sendMessage(account: ConnectorAccount, request: OutboundRequest, deps: ConnectorDeps): Promise<SentResult> {
  if (request.kind === 'post') throw new ChannelError('permanent', 'WhatsApp kent geen openbare berichten; antwoord op een bericht van een inwoner.');
  if (request.kind === 'delete') throw new ChannelError('permanent', 'Een verstuurd WhatsApp-bericht kan Plein niet verwijderen.');
  if (request.media.length > 0) throw new ChannelError('permanent', 'Plein kan via WhatsApp nog geen afbeeldingen versturen; verstuur alleen tekst.');
  if (!request.replyTo)
    throw new ChannelError('permanent', 'Een WhatsApp-bericht gaat altijd naar een inwoner die eerst zelf schreef; kies het bericht waarop u antwoordt.');
  const to = request.replyTo.authorId;
  const hasTemplate = Boolean(account.settings.templateName);
  if (!isWindowOpen(request, deps.clock.now())) {
    if (!hasTemplate) throw windowClosed();
    return sendTemplate(deps, account, request, to);
  }
  try {
    return await post(deps, account, textMessage(request, to));
  } catch (error) {
    // Meta's clock decides: it refused the free-form message (and sent nothing), so the template goes instead.
    if (hasGraphCode(error, 131047) && hasTemplate) return sendTemplate(deps, account, request, to);
    throw error;
  }
}
