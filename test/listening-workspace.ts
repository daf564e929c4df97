import type { Role } from '@platform/tenancy/roles.rules';
import { buildChannelAccount, buildOrganisation, buildUser } from './factories';
import { requestAs, signIn, type TestApp } from './harness';

// How the listening tests start: an organisation, a signed-in colleague for Castricum (beheerder unless other roles
// are given) and a simulated account there, as its stored row.
export async function buildListeningWorkspace(t: TestApp, roles: Role[] = ['beheerder'], name?: string) {
  const org = await buildOrganisation(t.database.db);
  const castricum = org.municipalities.find((m) => m.cbs_code === 'GM0383')!;
  const user = await buildUser(t.database.db, t.clock, org.id, { roles, municipalityIds: [castricum.id], ...(name && { name }) });
  const as = requestAs(t.app, await signIn(t.app, user.email, user.password));
  const view = await buildChannelAccount(t.database.db, t.clock, org.id, {
    municipalityId: castricum.id,
    channel: 'gesimuleerd',
    settings: { scenario: 'alledaags' },
  });
  const account = await t.database.db.selectFrom('channel_accounts').selectAll().where('id', '=', view.id).executeTakeFirstOrThrow();
  return { org, castricum, user, as, account };
}
