import type { Rumour } from '@contracts/rumours';
import type { findMessage, RumourRecord } from './rumours.repository';

type MessageRow = NonNullable<Awaited<ReturnType<typeof findMessage>>>;
type MessageLike = Pick<MessageRow, 'id' | 'author_handle' | 'author_name' | 'text' | 'posted_at' | 'channel' | 'public_url'>;

export const toMessageRef = (row: MessageLike) => ({
  messageId: row.id,
  author: row.author_name ?? row.author_handle,
  text: row.text,
  postedAt: new Date(row.posted_at).toISOString(),
  channel: row.channel,
  publicUrl: row.public_url,
});

// The rumour as the API shows it; messages the actor may not see (another municipality) are left out.
export function toRumourView(row: RumourRecord, origin: MessageRow | null, correction: MessageRow | null, messages: number): Rumour {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    origin: origin ? toMessageRef(origin) : null,
    checklist: {
      author: { checked: row.author_checked, note: row.author_note },
      time: { checked: row.time_checked, note: row.time_note },
      context: { checked: row.context_checked, note: row.context_note },
      satire: { checked: row.satire_checked, note: row.satire_note },
    },
    correction: { message: correction ? { ...toMessageRef(correction), direction: correction.direction } : null, url: row.correction_url },
    messages,
    createdBy: row.created_by_name,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
