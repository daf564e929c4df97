import { checkLength } from '@contracts/channel-limits';
import { ChannelError, type OutboundRequest, type SentResult } from '../../connector.types';
import { convertHtmlToText, type MastodonStatus } from './mastodon.mapping';
import type { MastodonApi } from './mastodon-api.client';

type Visibility = MastodonStatus['visibility'];
interface MediaAttachment {
  id: string;
  url: string | null;
}

// How long an upload that Mastodon processes in the background (202) is waited for before the send is
// retried later; and the server's clock may run a little behind Plein's when findSent compares times.
const MEDIA_WAIT_MS = 30_000;
const CLOCK_SKEW_MS = 2 * 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function mentions(text: string, acct: string): boolean {
  const escaped = acct.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w@])@${escaped}(?![\\w@.-]*\\w)`, 'i').test(text);
}

// What Mastodon is asked to publish. A reply starts with the author's @acct, as Mastodon's own
// clients do (it makes the reply a notification for them), unless the text already names them or the
// mention would push it over 500. A direct message reaches only who it mentions, so there it is required.
export function composeStatusText(request: OutboundRequest): string {
  const acct = request.replyTo?.authorHandle;
  if (!acct || (request.kind !== 'reply' && request.kind !== 'direct') || mentions(request.text, acct)) return request.text;
  const withMention = `@${acct} ${request.text}`;
  if (checkLength('mastodon', withMention).fits) return withMention;
  if (request.kind === 'direct') {
    throw new ChannelError(
      'permanent',
      `Met de vermelding @${acct} ervoor past dit privébericht niet binnen 500 tekens; zonder vermelding ontvangt niemand het. Maak de tekst korter.`,
    );
  }
  return request.text;
}

// A reply is never more public than what it answers: Mastodon's clients keep a followers-only or
// direct conversation at its own visibility, and so does Plein.
function visibilityFor(request: OutboundRequest): Visibility {
  if (request.kind === 'direct') return 'direct';
  const original = (request.replyTo?.raw ?? null) as Partial<MastodonStatus> | null;
  if (request.kind === 'reply' && (original?.visibility === 'direct' || original?.visibility === 'private')) return original.visibility;
  return 'public';
}

// POST /api/v2/media answers 200 when the file is ready, or 202 with url null while Mastodon still
// processes it; GET /api/v1/media/:id then answers 206 until the url is there. A status with an
// unprocessed attachment is refused (422), so Plein waits here.
async function upload(api: MastodonApi, file: OutboundRequest['media'][number]): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.contentType }), file.filename);
  form.append('description', file.altText);
  const created = await api.request<MediaAttachment>('POST', '/api/v2/media', { form });
  if (created.status === 200 && created.body.url) return created.body.id;
  const deadline = Date.now() + MEDIA_WAIT_MS;
  for (let wait = 200; Date.now() < deadline; wait = Math.min(wait * 2, 3_000)) {
    await sleep(wait);
    const current = await api.request<MediaAttachment | null>('GET', `/api/v1/media/${encodeURIComponent(created.body.id)}`);
    if (current.status === 200 && current.body?.url) return created.body.id;
  }
  throw new ChannelError('transient', `Mastodon was na ${MEDIA_WAIT_MS / 1000} seconden nog bezig met ${file.filename}; Plein probeert het later opnieuw.`);
}

function sentResult(api: MastodonApi, status: MastodonStatus): SentResult {
  return { platformId: status.id, publicUrl: status.url ?? status.uri, secrets: api.freshSecrets() };
}

// Mastodon keeps an Idempotency-Key for one hour: a retry within the hour gets the status the first
// attempt made. After that only findSent protects against a double, which is why the job asks it first.
export async function publish(api: MastodonApi, request: OutboundRequest): Promise<SentResult> {
  if (request.kind === 'delete') return remove(api, request);
  if ((request.kind === 'reply' || request.kind === 'direct') && !request.replyTo) {
    throw new ChannelError('permanent', 'Een antwoord zonder oorspronkelijk bericht kan niet naar Mastodon.');
  }
  const text = composeStatusText(request);
  const mediaIds: string[] = [];
  for (const file of request.media) mediaIds.push(await upload(api, file));
  const body = {
    status: text,
    visibility: visibilityFor(request),
    language: 'nl',
    ...(request.replyTo && { in_reply_to_id: request.replyTo.platformId }),
    ...(mediaIds.length > 0 && { media_ids: mediaIds }),
  };
  const created = await api.request<MastodonStatus>('POST', '/api/v1/statuses', { json: body, headers: { 'idempotency-key': request.idempotencyKey } });
  return sentResult(api, created.body);
}

async function remove(api: MastodonApi, request: OutboundRequest): Promise<SentResult> {
  if (!request.targetPlatformId) throw new ChannelError('permanent', 'Plein weet niet welk Mastodon-bericht verwijderd moet worden.');
  try {
    await api.request('DELETE', `/api/v1/statuses/${encodeURIComponent(request.targetPlatformId)}`);
  } catch (error) {
    // Already gone (an earlier attempt got through): that is what was asked.
    if (!(error instanceof ChannelError && error.status === 404)) throw error;
  }
  return { platformId: request.targetPlatformId, publicUrl: null, secrets: api.freshSecrets() };
}

// Mastodon renders "@user@domain" as "@user" in the content; whitespace differs between text and HTML.
function fingerprint(text: string): string {
  return text
    .replace(/(^|[^\w@])@(\w+)@[\w.-]+\w/g, '$1@$2')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

// Whether an earlier attempt already published this item: the account's newest statuses with the
// same text, answering the same status, made after the item was queued.
export async function findPublished(api: MastodonApi, request: OutboundRequest): Promise<SentResult | null> {
  if (request.kind === 'delete') return null;
  let expected: string;
  try {
    expected = fingerprint(composeStatusText(request));
  } catch {
    return null;
  }
  const accountId = await api.ownAccountId();
  const statuses = await api.get<MastodonStatus[]>(`/api/v1/accounts/${encodeURIComponent(accountId)}/statuses`, { limit: 40, exclude_reblogs: 'true' });
  const replyTo = request.replyTo?.platformId ?? null;
  const since = request.createdAt.getTime() - CLOCK_SKEW_MS;
  const found = statuses.find(
    (status) =>
      (status.in_reply_to_id ?? null) === replyTo && Date.parse(status.created_at) >= since && fingerprint(convertHtmlToText(status.content)) === expected,
  );
  return found ? sentResult(api, found) : null;
}
