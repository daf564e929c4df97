import type { OidcSettings, OidcSettingsChange } from '@contracts/oidc';
import type { Selectable } from 'kysely';
import { recordAudit } from '../audit/audit.service';
import { runInTransaction, type ServiceContext } from '../context.service';
import type { OidcProvidersTable } from '../db/database.schema';
import { badRequest } from '../http/http.errors';
import { assertCan } from '../tenancy/policy.rules';
import type { Role } from '../tenancy/roles.rules';
import { isLoopbackHttp } from './oidc.client';
import { findOidcProvider, upsertOidcProvider } from './oidc.repository';
import { buildClientSecretContext, buildOidcRedirectUri } from './oidc-sign-in.service';
import { sealSecret } from './secret-box.rules';

export interface OidcSettingsOptions {
  publicUrl: string;
  secretKey?: Buffer;
}

function toView(row: Selectable<OidcProvidersTable>, publicUrl: string): OidcSettings {
  return {
    configured: true,
    issuerUrl: row.issuer_url,
    clientId: row.client_id,
    clientSecretSet: row.client_secret !== '',
    displayName: row.display_name,
    rolesClaim: row.roles_claim,
    roleMapping: row.role_mapping as Record<string, Role>,
    createUsers: row.create_users,
    enabled: row.enabled,
    redirectUri: buildOidcRedirectUri(publicUrl),
  };
}

export async function getOidcSettings(ctx: ServiceContext, options: OidcSettingsOptions): Promise<OidcSettings> {
  assertCan(ctx.actor, 'organisation.manage');
  const row = await findOidcProvider(ctx.db, ctx.actor.organisationId);
  if (row) return toView(row, options.publicUrl);
  // Not set up yet: the defaults fill the form, and the redirect URI is needed to register Plein at the provider first.
  return {
    configured: false,
    issuerUrl: '',
    clientId: '',
    clientSecretSet: false,
    displayName: 'Inloggen met uw organisatie-account',
    rolesClaim: 'roles',
    roleMapping: {},
    createUsers: true,
    enabled: false,
    redirectUri: buildOidcRedirectUri(options.publicUrl),
  };
}

function assertIssuerUrl(issuerUrl: string, publicUrl: string) {
  const url = new URL(issuerUrl);
  // http only for a provider on the same machine, and only while Plein itself runs without TLS (development).
  const allowed = url.protocol === 'https:' || (isLoopbackHttp(url) && publicUrl.startsWith('http://'));
  if (!allowed || url.search || url.hash || url.username) {
    throw badRequest('ongeldige-issuer', 'Gebruik het https-adres van de provider, zonder ? of #.', [
      { name: 'issuerUrl', code: 'ongeldig', reason: 'Moet met https:// beginnen en mag geen ? of # bevatten.' },
    ]);
  }
}

export async function saveOidcSettings(ctx: ServiceContext, input: OidcSettingsChange, options: OidcSettingsOptions): Promise<OidcSettings> {
  assertCan(ctx.actor, 'organisation.manage');
  assertIssuerUrl(input.issuerUrl, options.publicUrl);
  const organisationId = ctx.actor.organisationId;
  return runInTransaction(ctx, async (tx) => {
    const existing = await findOidcProvider(tx.db, organisationId);
    let clientSecret = existing?.client_secret;
    if (input.clientSecret !== undefined) {
      if (!options.secretKey) {
        throw badRequest(
          'sleutel-ontbreekt',
          'Plein kan het client secret niet versleuteld opslaan: de serverbeheerder moet eerst PLEIN_SECRET_KEY instellen.',
          [{ name: 'clientSecret', code: 'niet-opslaanbaar', reason: 'Er is geen sleutel ingesteld om het secret te versleutelen.' }],
        );
      }
      clientSecret = sealSecret(options.secretKey, input.clientSecret, buildClientSecretContext(organisationId));
    }
    if (clientSecret === undefined) {
      throw badRequest('client-secret-verplicht', 'Vul het client secret in dat u van de provider heeft gekregen.', [
        { name: 'clientSecret', code: 'verplicht', reason: 'Nodig bij de eerste keer instellen.' },
      ]);
    }
    const row = await upsertOidcProvider(tx.db, organisationId, { ...input, clientSecret });
    await recordAudit(tx, {
      action: 'oidc.ingesteld',
      recordType: 'oidc-provider',
      recordId: organisationId,
      details: {
        issuerUrl: input.issuerUrl,
        clientId: input.clientId,
        rolesClaim: input.rolesClaim,
        roleMapping: input.roleMapping,
        createUsers: input.createUsers,
        enabled: input.enabled,
        clientSecretGewijzigd: input.clientSecret !== undefined,
      },
    });
    return toView(row, options.publicUrl);
  });
}
