import { CHANNEL_CAPABILITIES } from './channel-limits';
import { CHANNELS, type Channel } from './channels';

// What a stored message is for. What residents sent to an account is a conversation; search results, feeds and
// history imported from another listening tool are for listening only (an analyst can still bring one into the
// inbox). Known where the message is stored, so a burst that is only listened to queues no inbox work at all.
export const LISTENING_ONLY_STREAMS = ['search', 'import'];
export const LISTENING_ONLY_CHANNELS: Channel[] = CHANNELS.filter((channel) => CHANNEL_CAPABILITIES[channel].listeningOnly);

// The purposes a module subscribes to when channels announce stored messages:
// - conversation: what residents sent to us and what we posted ourselves (our replies thread the conversation);
// - public: what was said in public (posts, comments, feeds); never a private message (e-mail, WhatsApp, the web
//   form, a direct message), which is for the people who answer it, not for listening and its figures;
// - any: every stored message.
export const MESSAGE_PURPOSES = ['conversation', 'public', 'any'] as const;
export type MessagePurpose = (typeof MESSAGE_PURPOSES)[number];

export interface PurposedMessage {
  direction: string;
  stream: string | null;
  channel: string;
  visibility: 'openbaar' | 'prive';
}

function isListeningOnlyChannel(channel: string): boolean {
  return (LISTENING_ONLY_CHANNELS as string[]).includes(channel);
}

// A resident's own message to the organisation (not a search hit, a feed item or imported history).
export function isConversational(message: PurposedMessage): boolean {
  return message.direction === 'in' && !LISTENING_ONLY_STREAMS.includes(message.stream ?? '') && !isListeningOnlyChannel(message.channel);
}

export function servesPurpose(message: PurposedMessage, purpose: MessagePurpose): boolean {
  if (purpose === 'any') return true;
  if (purpose === 'public') return message.visibility === 'openbaar';
  return message.direction === 'uit' || isConversational(message);
}
