import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';

// A local stand-in for the WhatsApp Business Cloud API that behaves as Meta documents it
// (developers.facebook.com/docs/whatsapp/cloud-api): POST /{version}/{phone-number-id}/messages with
// a Bearer token, Graph-style errors, the 24-hour customer service window (131047) and templates,
// plus a helper that delivers signed webhooks to Plein exactly as Meta sends them.

type Json = Record<string, any>;

export interface SentMessage {
  phoneNumberId: string;
  body: Json;
  wamid: string;
}

export type Failure = 'expired-token' | 'rate-limit' | 'server-error';

export interface FakeTemplate {
  language: string;
  bodyParameters: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MESSAGE_TYPES = ['text', 'image', 'video', 'audio', 'document', 'sticker', 'location', 'contacts', 'interactive', 'template', 'reaction'];

function graphError(response: ServerResponse, status: number, code: number, message: string, details?: string, subcode?: number) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(
    JSON.stringify({
      error: {
        message,
        type: 'OAuthException',
        code,
        ...(subcode !== undefined && { error_subcode: subcode }),
        ...(details && { error_data: { messaging_product: 'whatsapp', details } }),
        fbtrace_id: randomBytes(8).toString('base64url'),
      },
    }),
  );
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// Why Meta would refuse this body, or null. Mirrors the documented required fields.
function invalid(body: Json, templates: Map<string, FakeTemplate>): { code: number; message: string } | null {
  if (body.messaging_product !== 'whatsapp') return { code: 100, message: '(#100) The parameter messaging_product is required.' };
  if (typeof body.to !== 'string' || !/^\+?\d{6,15}$/.test(body.to)) return { code: 100, message: '(#100) Invalid parameter: to' };
  if (!MESSAGE_TYPES.includes(body.type)) return { code: 100, message: `(#100) Param type must be one of {${MESSAGE_TYPES.join(', ')}}` };
  if (body.context !== undefined && typeof body.context?.message_id !== 'string') return { code: 100, message: '(#100) Invalid parameter: context.message_id' };
  if (body.type === 'text') {
    if (typeof body.text?.body !== 'string' || body.text.body.length === 0) return { code: 100, message: "(#100) The parameter text['body'] is required." };
    if ([...body.text.body].length > 4096) return { code: 100, message: "(#100) Param text['body'] must be at most 4096 characters long." };
  }
  if (body.type === 'template') {
    const template = templates.get(body.template?.name);
    if (!template || body.template?.language?.code !== template.language) {
      return { code: 132001, message: '(#132001) Template name does not exist in the translation' };
    }
    const parameters = (body.template.components ?? []).filter((c: Json) => c.type === 'body').flatMap((c: Json) => c.parameters ?? []);
    if (parameters.length !== template.bodyParameters) {
      return { code: 132000, message: `(#132000) Number of parameters does not match the expected number of params` };
    }
    if (parameters.some((p: Json) => typeof p.text !== 'string' || /[\n\t]| {5,}/.test(p.text))) {
      return { code: 132018, message: '(#132018) There was an issue with the parameters in your template.' };
    }
  }
  return null;
}

export async function startWhatsAppServer(options: { now: () => Date; accessToken: string }) {
  const sent: SentMessage[] = [];
  // Every POST that reached the server, accepted or not.
  const attempts: Json[] = [];
  const failures: Failure[] = [];
  const templates = new Map<string, FakeTemplate>();
  // When each resident last wrote to the business: what the 24-hour window is measured from.
  const lastInbound = new Map<string, Date>();

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = /^\/(v\d+\.\d+)\/([^/]+)(\/messages)?$/.exec(url.pathname);
    if (!match) return graphError(response, 400, 100, 'Unknown path components');
    if (request.headers.authorization !== `Bearer ${options.accessToken}`) {
      return graphError(response, 401, 190, 'Invalid OAuth access token - Cannot parse access token');
    }
    const phoneNumberId = decodeURIComponent(match[2]!);
    if (request.method === 'GET' && !match[3]) {
      response.writeHead(200, { 'content-type': 'application/json' });
      return response.end(JSON.stringify({ verified_name: 'Gemeente Bergen', display_phone_number: '+31 72 000 0000', id: phoneNumberId }));
    }
    if (request.method !== 'POST' || !match[3]) return graphError(response, 400, 100, 'Unsupported request');
    let body: Json;
    try {
      body = JSON.parse(await readBody(request)) as Json;
    } catch {
      return graphError(response, 400, 100, '(#100) Invalid JSON');
    }
    attempts.push(body);
    const failure = failures.shift();
    if (failure === 'expired-token') {
      return graphError(response, 401, 190, 'Error validating access token: Session has expired.', undefined, 463);
    }
    if (failure === 'rate-limit') {
      return graphError(
        response,
        429,
        130429,
        '(#130429) Rate limit hit',
        'Message failed to send because there were too many messages sent from this phone number in a short period of time',
      );
    }
    if (failure === 'server-error') return graphError(response, 500, 131000, '(#131000) Something went wrong');
    const problem = invalid(body, templates);
    if (problem) return graphError(response, 400, problem.code, problem.message);
    if (body.type !== 'template') {
      const last = lastInbound.get(String(body.to).replace(/^\+/, ''));
      if (!last || options.now().getTime() - last.getTime() > DAY_MS) {
        return graphError(
          response,
          400,
          131047,
          '(#131047) Re-engagement message',
          'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
        );
      }
    }
    const wamid = `wamid.${randomBytes(24).toString('base64')}`;
    sent.push({ phoneNumberId, body, wamid });
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({ messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: String(body.to).replace(/^\+/, '') }], messages: [{ id: wamid }] }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent,
    attempts,
    // The next POSTs fail like this, in order.
    failNext: (...kinds: Failure[]) => failures.push(...kinds),
    approveTemplate: (name: string, template: FakeTemplate) => templates.set(name, template),
    residentWrote: (waId: string, at: Date) => {
      const previous = lastInbound.get(waId);
      if (!previous || previous < at) lastInbound.set(waId, at);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type WhatsAppServer = Awaited<ReturnType<typeof startWhatsAppServer>>;

// --- Webhook payloads as Meta documents them (webhooks/reference/messages/*) ---

export interface Resident {
  waId: string;
  name: string;
}

let counter = 0;
export function generateWamid(): string {
  counter += 1;
  return `wamid.HBgL${randomBytes(12).toString('base64url')}${counter}`;
}

// One inbound message in the messages webhook envelope.
export function buildMessagePayload(phoneNumberId: string, resident: Resident, message: Json & { type: string }, at: Date, id = generateWamid()) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId },
              contacts: [{ profile: { name: resident.name }, wa_id: resident.waId }],
              messages: [{ from: resident.waId, id, timestamp: String(Math.floor(at.getTime() / 1000)), ...message }],
            },
          },
        ],
      },
    ],
  };
}

// A status update for one of the business's own messages (no contacts, no messages).
// `outboxId`: what Plein sent as biz_opaque_callback_data, which Meta returns in the status.
export function buildStatusPayload(
  phoneNumberId: string,
  waId: string,
  messageId: string,
  status: 'sent' | 'delivered' | 'read' | 'failed',
  at: Date,
  outboxId?: string,
) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId },
              statuses: [
                {
                  id: messageId,
                  status,
                  timestamp: String(Math.floor(at.getTime() / 1000)),
                  recipient_id: waId,
                  ...(outboxId && { biz_opaque_callback_data: outboxId }),
                  ...(status === 'failed' && {
                    errors: [
                      {
                        code: 131047,
                        title: 'Re-engagement message',
                        message: 'Re-engagement message',
                        error_data: {
                          details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
                        },
                      },
                    ],
                  }),
                  ...(status !== 'failed' && { pricing: { billable: true, pricing_model: 'PMP', category: 'service' } }),
                },
              ],
            },
          },
        ],
      },
    ],
  };
}

// POSTs a payload to Plein's webhook the way Meta does: the exact bytes, signed with the app secret.
// The fake server learns when each resident wrote, as Meta would.
export async function deliverWebhook(
  app: FastifyInstance,
  target: { organisationId: string; accountId: string; appSecret: string; server?: WhatsAppServer },
  payload: Json,
  signature: 'good' | 'bad' | 'missing' = 'good',
) {
  const raw = JSON.stringify(payload);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'facebookexternalua' };
  if (signature !== 'missing') {
    const key = signature === 'good' ? target.appSecret : `${target.appSecret}-fout`;
    headers['x-hub-signature-256'] = `sha256=${createHmac('sha256', key).update(raw).digest('hex')}`;
  }
  const response = await app.inject({ method: 'POST', url: `/webhooks/${target.organisationId}/${target.accountId}`, headers, payload: raw });
  if (response.statusCode === 200 && target.server) {
    for (const entry of payload.entry ?? []) {
      for (const change of entry.changes ?? []) {
        for (const message of change.value?.messages ?? []) target.server.residentWrote(message.from, new Date(Number(message.timestamp) * 1000));
      }
    }
  }
  return response;
}
