import type { Db } from '../db/database.client';

export interface SignInKey {
  emailHash: string;
  address: string;
}

export async function findSignInFailures(db: Db, key: SignInKey) {
  return db
    .selectFrom('sign_in_failures')
    .selectAll()
    .where('organisation_id', '=', SYSTEM_ORGANISATION)
    .where('email_hash', '=', key.emailHash)
    .where('address', '=', key.address)
    .executeTakeFirst();
}

// One more failure; a count from before `freshSince` starts again at one. Returns the new count.
export async function addSignInFailure(db: Db, key: SignInKey, now: Date, freshSince: Date) {
  const row = await db
    .insertInto('sign_in_failures')
    .values({ email_hash: key.emailHash, address: key.address, failures: 1, last_failed_at: now })
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'email_hash', 'address']).doUpdateSet((eb) => ({
        failures: eb
          .case()
          .when('sign_in_failures.last_failed_at', '<', freshSince)
          .then(1)
          .else(eb('sign_in_failures.failures', '+', 1))
          .end(),
        last_failed_at: now,
      })),
    )
    .returning(['failures'])
    .executeTakeFirstOrThrow();
  return row.failures;
}

export async function lockSignIn(db: Db, key: SignInKey, until: Date) {
  await db
    .updateTable('sign_in_failures')
    .set({ locked_until: until })
    .where('organisation_id', '=', SYSTEM_ORGANISATION)
    .where('email_hash', '=', key.emailHash)
    .where('address', '=', key.address)
    .execute();
}

export async function clearSignInFailures(db: Db, key: SignInKey) {
  await db
    .deleteFrom('sign_in_failures')
    .where('organisation_id', '=', SYSTEM_ORGANISATION)
    .where('email_hash', '=', key.emailHash)
    .where('address', '=', key.address)
    .execute();
}

// The rows belong to the system organisation (migration 0030), as the platform's own schedules do.
const SYSTEM_ORGANISATION = '00000000-0000-0000-0000-000000000000';
