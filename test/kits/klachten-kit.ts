import type { Role } from '@platform/tenancy/roles.rules';
import { buildOrganisation, buildUser } from '../factories';
import { requestAs, signIn, type TestApp } from '../harness';

// What the klachten tests share: an organisation with people in the roles that matter, each speaking through an
// API token (the tests move the clock by weeks, past a session's idle timeout).
export async function setUpKlachten(t: TestApp) {
  const org = await buildOrganisation(t.database.db);
  const bergen = org.municipalities.find((m) => m.cbs_code === 'GM0373')!;
  const castricum = org.municipalities.find((m) => m.cbs_code === 'GM0383')!;
  const person = async (roles: Role[], name: string, municipalityIds = [bergen.id, castricum.id]) => {
    const user = await buildUser(t.database.db, t.clock, org.id, { roles, name, municipalityIds });
    const session = requestAs(t.app, await signIn(t.app, user.email, user.password));
    const token = (await session('POST', '/api/v1/me/api-tokens', { name: 'test' })).json().token as string;
    return { ...user, api: requestAs(t.app, { bearer: token }) };
  };
  const coordinator = await person(['kcc'], 'Kim Coördinator');
  const count = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('klachten')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('organisation_id', '=', org.id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const mails = async () =>
    (
      await t.database.db
        .selectFrom('jobs')
        .select('payload')
        .where('organisation_id', '=', org.id)
        .where('name', '=', 'mail.versturen')
        .orderBy('created_at')
        .orderBy('id')
        .execute()
    ).map((job) => job.payload as { to: string; subject: string; text: string });
  const register = async (extra: Record<string, unknown> = {}) => {
    const response = await coordinator.api('POST', '/api/v1/klachten', {
      municipalityId: bergen.id,
      complainantName: 'Sanne de Vries',
      complainantEmail: 'sanne@example.nl',
      subject: 'Ik werd aan de balie onvriendelijk te woord gestaan.',
      theme: 'bejegening',
      channel: 'balie',
      ...extra,
    });
    if (response.statusCode !== 201) throw new Error(`Registreren mislukt (${response.statusCode}): ${response.body}`);
    return response.json();
  };
  return { org, bergen, castricum, person, coordinator, api: coordinator.api, count, mails, register };
}

export const NOW = new Date('2026-11-23T09:00:00+01:00');
