import type { ServiceContext } from '@platform/context.service';
import type { ConversationRow } from '@platform/db/database.schema';
import { badRequest } from '@platform/http/http.errors';
import { type Actor, actsForMunicipality, can } from '@platform/tenancy/policy.rules';
import type { Role } from '@platform/tenancy/roles.rules';
import { findRolesAndMunicipalities, findUsers } from '@platform/users/users.repository';

// Colleagues who may check a reply in this conversation: active, allowed to handle the inbox (policy.rules.ts),
// working for its municipality, and not the one asking.
export async function listEligibleReviewers(ctx: ServiceContext, conversation: ConversationRow) {
  const organisationId = ctx.actor.organisationId;
  const users = (await findUsers(ctx.db, organisationId)).filter((user) => user.active && user.id !== ctx.actor.userId);
  const { roles, municipalities } = await findRolesAndMunicipalities(
    ctx.db,
    organisationId,
    users.map((user) => user.id),
  );
  return users
    .filter((user) => {
      const colleague: Actor = {
        organisationId,
        userId: user.id,
        name: user.name,
        email: user.email,
        roles: roles.filter((row) => row.user_id === user.id).map((row) => row.role as Role),
        municipalityIds: municipalities.filter((row) => row.user_id === user.id).map((row) => row.municipality_id),
      };
      return can(colleague, 'inbox.handle') && actsForMunicipality(colleague, conversation.municipality_id);
    })
    .map((user) => ({ id: user.id, name: user.name }));
}

export async function assertReviewer(ctx: ServiceContext, conversation: ConversationRow, reviewerUserId: string | null) {
  if (reviewerUserId === null) return null;
  if (reviewerUserId === ctx.actor.userId) {
    throw badRequest('eigen-controle', 'U kunt uw eigen antwoord niet controleren. Kies een collega.', [
      { name: 'reviewerUserId', code: 'eigen-antwoord', reason: 'Kies een collega of "iedere collega".' },
    ]);
  }
  const reviewer = (await listEligibleReviewers(ctx, conversation)).find((user) => user.id === reviewerUserId);
  if (!reviewer) {
    throw badRequest('geen-controleur', 'Deze collega kan dit antwoord niet controleren: onbekend, of behandelt de inbox van deze gemeente niet.', [
      { name: 'reviewerUserId', code: 'onbekend', reason: 'Kies een collega uit de lijst.' },
    ]);
  }
  return reviewer;
}
