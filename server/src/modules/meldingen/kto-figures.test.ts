import { buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { cycleRemoteAddresses } from '@test/remote-addresses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const nextAddress = cycleRemoteAddresses(2);
async function setup() {
  const org = await buildOrganisation(t.database.db);
  const base = `/api/v1/organisations/${org.slug}/municipalities/GM0383`;
  const categories = (await t.app.inject({ method: 'GET', url: `${base}/melding-categories` })).json().categories as { id: string; code: string }[];
  const tegel = categories.find((c) => c.code === 'wegen-bestrating')!.id;
  const file = async (email?: string) => {
    const receipt = (
      await t.app.inject({
        method: 'POST',
        url: `${base}/meldingen`,
        remoteAddress: nextAddress(),
        payload: { categoryId: tegel, description: 'Losse tegel bij de bakker', lat: 52.548, lon: 4.669, ...(email && { email }) },
      })
    ).json();
    return (
      await t.database.db
        .selectFrom('meldingen')
        .select('id')
        .where('organisation_id', '=', org.id)
        .where('number', '=', receipt.number)
        .executeTakeFirstOrThrow()
    ).id;
  };
  const user = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
  const session = requestAs(t.app, await signIn(t.app, user.email, user.password));
  const api = requestAs(t.app, { bearer: (await session('POST', '/api/v1/me/api-tokens', { name: 'x' })).json().token });
  return { org, file, api };
}

async function ktoLink(orgId: string) {
  const mails = await t.database.db.selectFrom('jobs').select('payload').where('organisation_id', '=', orgId).where('name', '=', 'mail.versturen').execute();
  const text = mails.map((mail) => String(mail.payload.text)).find((body) => body.includes('/tevredenheid/'))!;
  return /\/tevredenheid\/([^/]+)\/([A-Za-z0-9_-]+)/.exec(text)!;
}

describe('tevredenheid (KTO)', () => {
  it('vraagt na afhandeling om een oordeel; ontevreden met toelichting wordt een verzoek om te heropenen; één keer, 14 dagen', async () => {
    const { org, file, api } = await setup();
    const id = await file('melder@example.nl');
    await api('POST', `/api/v1/meldingen/${id}/status`, { status: 'afgehandeld' });
    const [, slug, token] = await ktoLink(org.id);
    const url = `/api/v1/organisations/${slug}/kto/${token}`;
    const view = (await t.app.inject({ method: 'GET', url })).json();
    expect(view).toMatchObject({ answered: false, category: 'Losliggende tegel of gat in de weg' });
    expect(view.reasons.map((r: { code: string }) => r.code)).toContain('niet-opgelost');

    const bad = await t.app.inject({ method: 'POST', url, payload: { satisfied: 'ja' } });
    expect(bad.statusCode).toBe(400);
    const answered = await t.app.inject({
      method: 'POST',
      url,
      payload: { satisfied: false, reasons: ['niet-opgelost'], comment: 'De tegel ligt er nog steeds los.' },
    });
    expect(answered.statusCode, answered.body).toBe(201);
    expect(answered.json()).toEqual({ received: true, reopenRequested: true });
    expect((await t.app.inject({ method: 'POST', url, payload: { satisfied: true } })).statusCode).toBe(409);

    const detail = (await api('GET', `/api/v1/meldingen/${id}`)).json();
    expect(detail.events.slice(-2).map((e: { kind: string; text: string }) => [e.kind, e.text])).toEqual([
      ['kto', 'Melder is niet tevreden (Het probleem is niet opgelost). De tegel ligt er nog steeds los.'],
      ['heropenverzoek', 'De tegel ligt er nog steeds los.'],
    ]);

    // A second melding's link expires after 14 days.
    const other = await file('ander@example.nl');
    await api('POST', `/api/v1/meldingen/${other}/status`, { status: 'afgehandeld' });
    const links = await t.database.db.selectFrom('jobs').select('payload').where('organisation_id', '=', org.id).where('name', '=', 'mail.versturen').execute();
    const second = links
      .map((mail) => String(mail.payload.text))
      .filter((body) => body.includes('/tevredenheid/'))
      .map((body) => /\/tevredenheid\/[^/]+\/([A-Za-z0-9_-]+)/.exec(body)![1])
      .find((value) => value !== token)!;
    t.clock.advance(15 * 86_400_000);
    const expired = await t.app.inject({ method: 'POST', url: `/api/v1/organisations/${slug}/kto/${second}`, payload: { satisfied: true } });
    expect(expired.statusCode).toBe(410);
    t.clock.advance(-15 * 86_400_000);
  });
});

describe('tevredenheid (KTO) opnieuw verstuurd', () => {
  it('geeft een herhaald antwoord met dezelfde Idempotency-Key het eerste antwoord in plaats van "al ingevuld"', async () => {
    const { org, file, api } = await setup();
    const id = await file('melder@example.nl');
    await api('POST', `/api/v1/meldingen/${id}/status`, { status: 'afgehandeld' });
    const [, slug, token] = await ktoLink(org.id);
    const answer = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/organisations/${slug}/kto/${token}`,
        headers: { 'idempotency-key': 'kto-antwoord-van-de-melder' },
        payload: { satisfied: true },
      });
    const first = await answer();
    expect(first.statusCode, first.body).toBe(201);
    const retry = await answer();
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    const events = (await api('GET', `/api/v1/meldingen/${id}`)).json().events as { kind: string }[];
    expect(events.filter((event) => event.kind === 'kto')).toHaveLength(1);
  });
});

describe('cijfers over meldingen', () => {
  it('rekent reactie- en afhandeltijd in kalenderdagen, binnen termijn en tevredenheid over de gekozen periode', async () => {
    const { org, file, api } = await setup();
    const fast = await file('a@example.nl');
    const slow = await file();
    // A third that nobody reacts to: it counts in every percentage as not within.
    await file();
    await api('POST', `/api/v1/meldingen/${fast}/status`, { status: 'in-behandeling' });
    t.clock.advance(2 * 86_400_000);
    await api('POST', `/api/v1/meldingen/${fast}/status`, { status: 'afgehandeld' });
    t.clock.advance(3 * 86_400_000);
    await api('POST', `/api/v1/meldingen/${slow}/status`, { status: 'in-behandeling' });
    t.clock.advance(7 * 86_400_000);
    await api('POST', `/api/v1/meldingen/${slow}/status`, { status: 'afgehandeld' });
    const [, slug, token] = await ktoLink(org.id);
    await t.app.inject({ method: 'POST', url: `/api/v1/organisations/${slug}/kto/${token}`, payload: { satisfied: true } });

    const figures = await api('GET', '/api/v1/insights/meldingen?municipality=GM0383&from=2026-11-01&to=2026-11-30');
    expect(figures.statusCode, figures.body).toBe(200);
    expect(figures.json()).toMatchObject({
      count: 3,
      // Reacted within 3 days: only "fast" (slow after 5 days, open never).
      firstReactionWithinPct: 33.3,
      // Handled within 10 days: "fast" (2 days); "slow" took 12.
      handledWithinPct: 33.3,
      // Termijn 5 werkdagen: fast in time, slow late, open past its deadline.
      withinTermijnPct: 33.3,
      satisfaction: { responses: 1, satisfiedPct: 100 },
    });
    const wide = (await api('GET', '/api/v1/insights/meldingen?municipality=GM0383&from=2026-11-01&to=2026-11-30&reactionDays=5&handledDays=14')).json();
    expect(wide).toMatchObject({ firstReactionWithinPct: 66.7, handledWithinPct: 66.7 });
    expect((await api('GET', '/api/v1/insights/meldingen?municipality=GM0383&from=2026-12-01&to=2026-12-31')).json()).toMatchObject({
      count: 0,
      firstReactionWithinPct: null,
    });
    expect((await api('GET', '/api/v1/insights/meldingen?municipality=GM9999&from=2026-11-01&to=2026-11-30')).statusCode).toBe(400);
    expect((await api('GET', '/api/v1/insights/meldingen?from=2026-11-30&to=2026-11-01')).json().code).toBe('ongeldige-periode');
  });
});
