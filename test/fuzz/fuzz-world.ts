import { randomBytes } from 'node:crypto';
import { cliOrigin } from '@platform/context.service';
import { makeOperatorActor } from '../../server/src/cli/operator.service';
import { insertKto } from '../../server/src/modules/meldingen/kto.repository';
import { hashTrackingToken } from '../../server/src/modules/meldingen/submit.service';
import { createOpen311Client } from '../../server/src/modules/open311/open311-clients.service';
import { buildChannelAccount, buildOrganisation, buildUser } from '../factories';
import type { TestApp } from '../harness';

export interface SignedWebhookAccount {
  organisationId: string;
  accountId: string;
  appSecret: string;
  channel: 'whatsapp' | 'facebook' | 'instagram';
  platformId: string;
}

// What a valid request needs (an organisation, its codes, live tokens and keys), so generated input reaches past the
// first check into the code behind it, where the 500s of the probe were.
export interface FuzzWorld {
  organisationId: string;
  slug: string;
  cbsCodes: string[];
  categoryId: string;
  trackingToken: string;
  ktoToken: string;
  open311Key: string;
  userEmail: string;
  webhooks: SignedWebhookAccount[];
}

export async function buildFuzzWorld(t: TestApp): Promise<FuzzWorld> {
  const { db } = t.database;
  const org = await buildOrganisation(db, 'Fuzzgemeenten');
  const user = await buildUser(db, t.clock, org.id, { roles: ['beheerder'] });
  const base = `/api/v1/organisations/${org.slug}/municipalities/GM0383`;
  const { categories } = (await t.app.inject({ method: 'GET', url: `${base}/melding-categories` })).json() as { categories: { id: string; code: string }[] };
  const categoryId = categories.find((category) => category.code === 'verlichting-lantaarnpaal')!.id;
  const receipt = await t.app.inject({
    method: 'POST',
    url: `${base}/meldingen`,
    remoteAddress: '10.250.0.1',
    payload: { categoryId, description: 'Lantaarnpaal brandt niet meer.', lat: 52.548, lon: 4.669 },
  });
  if (receipt.statusCode !== 201) throw new Error(`Melding voor de fuzzwereld mislukt: ${receipt.body}`);
  const { trackingToken, number } = receipt.json() as { trackingToken: string; number: string };
  const melding = await db.selectFrom('meldingen').select('id').where('organisation_id', '=', org.id).where('number', '=', number).executeTakeFirstOrThrow();
  const ktoToken = `kto-fuzz-${randomBytes(8).toString('hex')}`;
  await insertKto(db, {
    organisation_id: org.id,
    melding_id: melding.id,
    token_hash: hashTrackingToken(ktoToken),
    sent_at: t.clock.now(),
    expires_at: new Date(t.clock.now().getTime() + 14 * 86_400_000),
  });
  const ctx = { db, clock: t.clock, actor: makeOperatorActor(org.id), origin: cliOrigin };
  const { apiKey } = await createOpen311Client(ctx, 'Fuzz-app');
  await buildChannelAccount(db, t.clock, org.id, { municipalityId: org.municipalities[0]!.id, channel: 'webformulier', handle: 'Contactformulier' });

  const webhooks: SignedWebhookAccount[] = [];
  for (const [channel, settingKey] of [
    ['whatsapp', 'phoneNumberId'],
    ['facebook', 'pageId'],
    ['instagram', 'igUserId'],
  ] as const) {
    const appSecret = randomBytes(16).toString('hex');
    const platformId = String(100_000_000_000_000 + Math.floor(Math.random() * 1e12));
    const account = await buildChannelAccount(db, t.clock, org.id, {
      municipalityId: org.municipalities[0]!.id,
      channel,
      handle: `${channel}-fuzz`,
      // Nothing answers here: media a payload points at cannot be fetched, as when a platform is down.
      serviceUrl: 'http://127.0.0.1:9',
      settings: { [settingKey]: platformId },
      secrets: { accessToken: 'fuzz-token', appSecret, verifyToken: 'fuzz-verify' },
    });
    webhooks.push({ organisationId: org.id, accountId: account.id, appSecret, channel, platformId });
  }
  return {
    organisationId: org.id,
    slug: org.slug,
    cbsCodes: org.municipalities.map((municipality) => municipality.cbs_code),
    categoryId,
    trackingToken,
    ktoToken,
    open311Key: apiKey,
    userEmail: user.email,
    webhooks,
  };
}
