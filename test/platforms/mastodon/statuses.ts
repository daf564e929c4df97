import { render } from './render';
import { type FakeAccount, type Json, type MastodonState, type PostOptions, renderAccountJson } from './state';

// Creating a status (Status JSON with rendered content, attachments, mentions, tags) and the mention
// notifications it sends to local accounts, pushed to their open streams too.

function notify(state: MastodonState, owner: FakeAccount, from: FakeAccount, status: Json) {
  const json = {
    id: String(state.nextNotificationId++),
    type: 'mention',
    created_at: state.now().toISOString(),
    account: renderAccountJson(state, from),
    status,
  };
  state.notifications.push({ id: json.id, ownerId: owner.id, json });
  for (const stream of state.streams.get(owner.id) ?? []) stream.write(`event: notification\ndata: ${JSON.stringify(json)}\n\n`);
}

export function createStatus(state: MastodonState, author: FakeAccount, text: string, options: PostOptions & { mediaIds?: string[] } = {}): Json {
  const base = state.base;
  const parent = options.inReplyToId ? state.statuses.find((status) => status.id === options.inReplyToId) : undefined;
  const { html, mentioned, tags } = render(state, text);
  const attached = (options.mediaIds ?? []).map((id) => state.media.get(id)!);
  for (const item of options.media ?? []) {
    const id = String(state.nextOther++);
    attached.push({
      id,
      type: item.type ?? 'image',
      url: `${base}/system/media_attachments/${id}/original.png`,
      preview_url: `${base}/system/media_attachments/${id}/small.png`,
      description: item.description,
      ownerId: author.id,
      pollsLeft: 0,
      contentType: 'image/png',
      size: 0,
    });
  }
  const id = String(state.nextStatusId++);
  const status = {
    id,
    created_at: state.now().toISOString(),
    in_reply_to_id: parent?.id ?? null,
    in_reply_to_account_id: parent?.account.id ?? null,
    sensitive: false,
    spoiler_text: '',
    visibility: options.visibility ?? 'public',
    language: options.language === undefined ? 'nl' : options.language,
    uri: `${base}/users/${author.username}/statuses/${id}`,
    url: `${base}/@${author.acct}/${id}`,
    replies_count: 0,
    reblogs_count: 0,
    favourites_count: 0,
    edited_at: null,
    content: html,
    reblog: null,
    application: null,
    account: renderAccountJson(state, author),
    media_attachments: attached.map(({ id: mediaId, type, url, preview_url, description }) => ({
      id: mediaId,
      type,
      url,
      preview_url,
      remote_url: null,
      description,
      blurhash: null,
      meta: {},
    })),
    mentions: mentioned.map((account) => ({ id: account.id, username: account.username, url: account.url, acct: account.acct })),
    tags: tags.map((name) => ({ name, url: `${base}/tags/${name}` })),
    emojis: [],
    card: null,
    poll: null,
  };
  state.statuses.push(status);
  for (const account of mentioned) if (account.local && account.id !== author.id) notify(state, account, author, status);
  return status;
}
