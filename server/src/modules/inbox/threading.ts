import type { MessageRow } from '../../platform/db/schema';

// Platforms whose private messages have no threads of their own: all direct messages of one person form
// one conversation. E-mail, the web form and phone notes do have threads (or are one message each).
const DIRECT_MESSAGE_CHANNELS = new Set(['x', 'whatsapp', 'instagram', 'facebook', 'mastodon', 'linkedin', 'bluesky', 'gesimuleerd']);

type Threadable = Pick<MessageRow, 'channel' | 'direction' | 'stream' | 'visibility' | 'author_id' | 'platform_id' | 'thread_root_platform_id'>;

// One conversation per person and thread: a post and the replies in its thread, an e-mail thread, or
// all of one person's direct messages.
export function threadKeyFor(message: Threadable): string {
  if (message.visibility === 'prive' && DIRECT_MESSAGE_CHANNELS.has(message.channel)) return `dm|${message.author_id}`;
  return `${message.thread_root_platform_id ?? message.platform_id}|${message.author_id}`;
}

// The first line or so, for the list.
export function previewOf(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
