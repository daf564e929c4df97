import type { Db } from '../db/database.client';

export interface OidcProviderValues {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  displayName: string;
  rolesClaim: string;
  roleMapping: Record<string, string>;
  createUsers: boolean;
  enabled: boolean;
}

export async function findOidcProvider(db: Db, organisationId: string) {
  return db.selectFrom('oidc_providers').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst();
}

export async function upsertOidcProvider(db: Db, organisationId: string, values: OidcProviderValues) {
  const row = {
    issuer_url: values.issuerUrl,
    client_id: values.clientId,
    client_secret: values.clientSecret,
    display_name: values.displayName,
    roles_claim: values.rolesClaim,
    role_mapping: JSON.stringify(values.roleMapping),
    create_users: values.createUsers,
    enabled: values.enabled,
  };
  return db
    .insertInto('oidc_providers')
    .values({ organisation_id: organisationId, ...row })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet(row))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertLoginState(db: Db, state: { organisationId: string; state: string; codeVerifier: string; nonce: string; createdAt: Date }) {
  await db
    .insertInto('oidc_login_states')
    .values({
      organisation_id: state.organisationId,
      state: state.state,
      code_verifier: state.codeVerifier,
      nonce: state.nonce,
      created_at: state.createdAt,
    })
    .execute();
}

// Deleting on read makes a state usable once, even when two callbacks race.
export async function consumeLoginState(db: Db, organisationId: string, state: string) {
  return db.deleteFrom('oidc_login_states').where('organisation_id', '=', organisationId).where('state', '=', state).returningAll().executeTakeFirst();
}

export async function findUserByOidcSubject(db: Db, organisationId: string, subject: string) {
  return db.selectFrom('users').selectAll().where('organisation_id', '=', organisationId).where('oidc_subject', '=', subject).executeTakeFirst();
}

export async function setUserOidcSubject(db: Db, organisationId: string, userId: string, subject: string) {
  await db.updateTable('users').set({ oidc_subject: subject }).where('organisation_id', '=', organisationId).where('id', '=', userId).execute();
}

export async function findUserRoles(db: Db, organisationId: string, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('user_roles')
    .select('role')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .orderBy('role')
    .execute();
  return rows.map((row) => row.role);
}
