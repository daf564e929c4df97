import { KLACHT_STATUS_LABELS, type KlachtStatus } from '@contracts/klachten';
import { MELDING_STATUS_LABELS, type MeldingStatus } from '@contracts/meldingen';
import type { ServiceContext } from '@platform/context.service';
import { can } from '@platform/tenancy/policy.rules';
import { findKlachtenFromMessages } from '../../klachten/index';
import { findMeldingenFromMessages } from '../../meldingen/index';
import { findVisibleConversation } from '../conversation-access.service';
import { findMessageIdsOfConversation } from './cases.repository';

// The cases a conversation led to ("maak melding", "maak klacht"), each with its current status. Klachten
// are personal data of their own: only those who may read the register see them.
export async function listCasesOfConversation(ctx: ServiceContext, conversationId: string) {
  const row = await findVisibleConversation(ctx, conversationId);
  const messageIds = await findMessageIdsOfConversation(ctx.db, ctx.actor.organisationId, row.id);
  const mayReadKlachten = can(ctx.actor, 'klachten.read');
  const [meldingen, klachten] = await Promise.all([
    findMeldingenFromMessages(ctx.db, ctx.actor.organisationId, messageIds),
    mayReadKlachten ? findKlachtenFromMessages(ctx.db, ctx.actor.organisationId, messageIds) : [],
  ]);
  return [
    ...meldingen.map((melding) => ({
      kind: 'melding' as const,
      id: melding.id,
      number: melding.number,
      status: melding.status,
      statusLabel: MELDING_STATUS_LABELS[melding.status as MeldingStatus],
      createdAt: melding.created_at.toISOString(),
    })),
    ...klachten.map((klacht) => ({
      kind: 'klacht' as const,
      id: klacht.id,
      number: klacht.number,
      status: klacht.status,
      statusLabel: KLACHT_STATUS_LABELS[klacht.status as KlachtStatus],
      createdAt: klacht.created_at.toISOString(),
    })),
  ].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
