import type { AbuseAction, AggressionEntry, AuthorBlock } from '@contracts/abuse';
import type { Channel } from '@contracts/channels';
import type { AggressionRegisterRow, AuthorBlockRow, MunicipalityRow } from '@platform/db/database.schema';

export function toEntryView(row: AggressionRegisterRow, municipalities: Map<string, Pick<MunicipalityRow, 'cbs_code' | 'name'>>): AggressionEntry {
  const municipality = municipalities.get(row.municipality_id);
  return {
    id: row.id,
    postedAt: row.posted_at.toISOString(),
    recordedAt: row.recorded_at.toISOString(),
    channel: row.channel as Channel,
    accountId: row.account_id,
    accountHandle: row.account_handle,
    municipality: municipality?.cbs_code ?? '',
    municipalityName: municipality?.name ?? '',
    conversationId: row.conversation_id,
    messageId: row.message_id,
    text: row.message_text,
    publicUrl: row.public_url,
    author: { id: row.author_id, handle: row.author_handle, displayName: row.author_name },
    actions: row.actions as AbuseAction[],
    note: row.note,
    recordedBy: row.recorded_by_name,
  };
}

// A block with an end date stops by itself; the row stays until someone lifts it or blocks again.
export function isBlockActive(row: Pick<AuthorBlockRow, 'blocked_until'>, at: Date): boolean {
  return row.blocked_until === null || row.blocked_until > at;
}

export function toBlockView(row: AuthorBlockRow, now: Date): AuthorBlock {
  return {
    id: row.id,
    accountId: row.account_id,
    authorId: row.author_id,
    authorHandle: row.author_handle,
    reason: row.reason,
    until: row.blocked_until?.toISOString() ?? null,
    active: isBlockActive(row, now),
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by_name,
  };
}
