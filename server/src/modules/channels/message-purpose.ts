// What a stored message is for. What residents sent to an account lands in the inbox; search results, feeds and
// history imported from another listening tool are for listening only (an analyst can still bring one into the
// inbox). Known where the message is stored, so a burst that is only listened to queues no inbox work at all.
export const LISTENING_ONLY_STREAMS = ['search', 'import'];
export const LISTENING_ONLY_CHANNELS = ['rss'];

type Purposed = { direction: string; stream: string | null; channel: string };

export function isConversational(message: Purposed): boolean {
  return message.direction === 'in' && !LISTENING_ONLY_STREAMS.includes(message.stream ?? '') && !LISTENING_ONLY_CHANNELS.includes(message.channel);
}

// The inbox sorts what residents sent and what the organisation itself posted (its replies thread the conversation).
export function isForInbox(message: Purposed): boolean {
  return message.direction === 'uit' || isConversational(message);
}
