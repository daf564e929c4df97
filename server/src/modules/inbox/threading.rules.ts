import { CHANNEL_CAPABILITIES } from '@contracts/channel-limits';
import type { Channel } from '@contracts/channels';
import type { MessageRow } from '@platform/db/database.schema';

// Direct messages have no threads of their own on most platforms (CHANNEL_CAPABILITIES.oneConversationPerPerson).
function isOneConversationPerPerson(channel: string): boolean {
  return CHANNEL_CAPABILITIES[channel as Channel]?.oneConversationPerPerson ?? false;
}

type Threadable = Pick<MessageRow, 'channel' | 'direction' | 'stream' | 'visibility' | 'author_id' | 'platform_id' | 'thread_root_platform_id'>;

// One conversation per person and thread: a post and the replies in its thread, an e-mail thread, or
// all of one person's direct messages.
export function deriveThreadKey(message: Threadable): string {
  if (message.visibility === 'prive' && isOneConversationPerPerson(message.channel)) return `dm|${message.author_id}`;
  return `${message.thread_root_platform_id ?? message.platform_id}|${message.author_id}`;
}

// The first line or so, for the list.
export function makePreview(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

// A conversation's last message moment only moves forward: a message that arrives late (a poll catching up) does
// not make the conversation look older.
export function pickLater(a: Date, b: Date): Date {
  return a > b ? a : b;
}
