import { defineSystemSchedules } from '@platform/jobs/platform.jobs';
import { buildChannelAccount, buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { type MastodonServer, startMastodonServer } from '@test/platforms/mastodon-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zendenModule } from './index';

// Z4 through the API: approval per account (one or two colleagues, never the author), send back with a comment, a
// change after approval, and the crisis fast path with its review afterwards.
let t: TestApp;
let mastodon: MastodonServer;

beforeAll(async () => {
  t = await createTestApp();
  await defineSystemSchedules(t.database.db, t.clock, zendenModule.schedules ?? []);
  mastodon = await startMastodonServer({ now: () => t.clock.now() });
});

afterAll(async () => {
  await mastodon?.close();
  await t?.close();
});

let n = 0;
async function team(approval: 'geen' | 'een' | 'twee', crisisAccount = false) {
  n += 1;
  const org = await buildOrganisation(t.database.db);
  const municipalityIds = org.municipalities.map((m) => m.id);
  const person = async (role: 'communicatieadviseur' | 'webcare') => {
    const user = await buildUser(t.database.db, t.clock, org.id, { roles: [role], municipalityIds });
    return { id: user.id, api: requestAs(t.app, await signIn(t.app, user.email, user.password)) };
  };
  const [author, reviewer, second, webcare] = [
    await person('communicatieadviseur'),
    await person('communicatieadviseur'),
    await person('communicatieadviseur'),
    await person('webcare'),
  ];
  const onMastodon = mastodon.addAccount(`kust${n}`);
  const account = await buildChannelAccount(t.database.db, t.clock, org.id, {
    municipalityId: municipalityIds[0]!,
    channel: 'mastodon',
    handle: onMastodon.username,
    serviceUrl: mastodon.url,
    secrets: { accessToken: onMastodon.token },
  });
  const set = await author.api('PUT', `/api/v1/publication-accounts/${account.id}`, { approval, crisisAccount });
  expect(set.statusCode, set.body).toBe(200);
  await t.worker.drain();
  const plan = async (extra: Record<string, unknown> = {}, who = author) =>
    who.api('POST', '/api/v1/publications', {
      municipalityId: municipalityIds[0],
      title: 'Afsluiting Dorpsstraat',
      plannedAt: inMinutes(5),
      variants: [{ accountId: account.id, text: 'Vanaf maandag is de Dorpsstraat afgesloten.' }],
      ...extra,
    });
  const published = () => mastodon.statusesBy(onMastodon).length;
  return { org, author, reviewer, second, webcare, account, plan, published };
}

// A moment on the test's clock, which the tests in this file move on.
const inMinutes = (count: number) => new Date(t.clock.now().getTime() + count * 60_000).toISOString();

async function minutes(count: number) {
  for (let minute = 0; minute < count; minute++) {
    t.clock.advance(60_000);
    await t.worker.drain();
  }
}

describe('Zenden: goedkeuring', () => {
  it('laat een bericht wachten tot een collega het goedkeurt; de schrijver zelf telt niet, en wie al goedkeurde krijgt 409', async () => {
    const kust = await team('twee');
    const planned = await kust.plan();
    expect(planned.statusCode, planned.body).toBe(201);
    const post = planned.json();
    expect(post).toMatchObject({ status: 'ter-goedkeuring', approvalsRequired: 2, approvedBy: [] });

    const own = await kust.author.api('POST', `/api/v1/publications/${post.id}/approve`, { version: 1 });
    expect([own.statusCode, own.json().code]).toEqual([409, 'eigen-bericht']);
    const first = await kust.reviewer.api('POST', `/api/v1/publications/${post.id}/approve`, { version: 1 });
    expect(first.json()).toMatchObject({ status: 'ter-goedkeuring', approvedBy: [kust.reviewer.id] });
    const twice = await kust.reviewer.api('POST', `/api/v1/publications/${post.id}/approve`, { version: 1 });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'al-goedgekeurd']);
    // Webcare reads the calendar but does not approve.
    expect((await kust.webcare.api('POST', `/api/v1/publications/${post.id}/approve`, { version: 1 })).statusCode).toBe(403);

    // Still waiting at its minute: nothing goes out.
    await minutes(6);
    expect(kust.published()).toBe(0);
    const second = await kust.second.api('POST', `/api/v1/publications/${post.id}/approve`, { version: 1 });
    expect(second.json()).toMatchObject({ status: 'gepland', approvedBy: [kust.reviewer.id, kust.second.id] });
    // Approved after its moment: out at the next minute, once.
    await minutes(1);
    expect(kust.published()).toBe(1);
    await minutes(3);
    expect(kust.published()).toBe(1);
  });

  it('stuurt terug met een opmerking; na de wijziging van de schrijver keurt een collega de nieuwe tekst goed', async () => {
    const kust = await team('een');
    const post = (await kust.plan({ plannedAt: inMinutes(180) })).json();
    const sentBack = await kust.reviewer.api('POST', `/api/v1/publications/${post.id}/send-back`, {
      version: 1,
      comment: 'Noem ook de omleiding via de Kerkweg.',
    });
    expect(sentBack.json()).toMatchObject({ status: 'teruggestuurd' });
    t.clock.advance(1_000);
    // A sent-back post cannot be approved as it is.
    expect((await kust.second.api('POST', `/api/v1/publications/${post.id}/approve`, { version: 1 })).statusCode).toBe(409);

    const edited = await kust.author.api('PUT', `/api/v1/publications/${post.id}`, {
      version: 1,
      title: 'Afsluiting Dorpsstraat',
      variants: [{ accountId: kust.account.id, text: 'Vanaf maandag is de Dorpsstraat afgesloten; de omleiding gaat via de Kerkweg.' }],
    });
    expect(edited.json()).toMatchObject({ status: 'ter-goedkeuring', version: 2, contentVersion: 2, approvedBy: [] });
    // Someone who still looked at the first text is told it changed.
    const stale = await kust.reviewer.api('POST', `/api/v1/publications/${post.id}/approve`, { version: 1 });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'intussen-gewijzigd']);
    const approved = await kust.reviewer.api('POST', `/api/v1/publications/${post.id}/approve`, { version: 2 });
    expect(approved.json()).toMatchObject({ status: 'gepland' });
    expect(
      approved
        .json()
        .reviews.map((review: { decision: string; contentVersion: number; comment: string | null }) => [
          review.decision,
          review.contentVersion,
          review.comment,
        ]),
    ).toEqual([
      ['teruggestuurd', 1, 'Noem ook de omleiding via de Kerkweg.'],
      ['goedgekeurd', 2, null],
    ]);

    // A new time keeps the approval; a new text needs it again.
    const moved = await kust.author.api('POST', `/api/v1/publications/${post.id}/reschedule`, { plannedAt: inMinutes(240), version: 2 });
    expect(moved.json()).toMatchObject({ status: 'gepland', version: 3, contentVersion: 2 });
    const changed = await kust.author.api('PUT', `/api/v1/publications/${post.id}`, {
      version: 3,
      title: 'Afsluiting Dorpsstraat',
      variants: [{ accountId: kust.account.id, text: 'Vanaf dinsdag is de Dorpsstraat afgesloten.' }],
    });
    expect(changed.json()).toMatchObject({ status: 'ter-goedkeuring', contentVersion: 3, approvedBy: [] });
  });

  it('neemt de snelle route alleen op een crisisaccount, legt wie en waarom vast, en laat een collega het achteraf bekijken', async () => {
    const crisis = await team('twee', true);
    const fast = await crisis.plan({ fastPath: { reason: 'Grote brand bij de haven; rook richting centrum.' } });
    expect(fast.statusCode, fast.body).toBe(201);
    expect(fast.json()).toMatchObject({
      status: 'gepland',
      fastPath: { reason: 'Grote brand bij de haven; rook richting centrum.', by: crisis.author.id, reviewedAfterwardsAt: null },
    });
    expect((await crisis.webcare.api('POST', '/api/v1/publications', {})).statusCode).toBe(403);
    await minutes(6);
    expect(crisis.published()).toBe(1);
    const own = await crisis.author.api('POST', `/api/v1/publications/${fast.json().id}/reviewed-afterwards`);
    expect([own.statusCode, own.json().code]).toEqual([409, 'eigen-bericht']);
    const reviewed = await crisis.reviewer.api('POST', `/api/v1/publications/${fast.json().id}/reviewed-afterwards`);
    expect(reviewed.json().fastPath.reviewedAfterwardsAt).toBe(t.clock.now().toISOString());

    const ordinary = await team('een');
    const refused = await ordinary.plan({ fastPath: { reason: 'Het moet nu echt snel.' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().invalidParams).toEqual([expect.objectContaining({ name: 'fastPath', code: 'geen-crisisaccount' })]);
  });

  it('laat alleen wie mag de regels per account zien en zetten, binnen de eigen organisatie', async () => {
    const kust = await team('een');
    const other = await team('geen');
    const listed = (await kust.webcare.api('GET', '/api/v1/publication-accounts')).json();
    expect(listed).toEqual([expect.objectContaining({ accountId: kust.account.id, approval: 'een', crisisAccount: false })]);
    expect((await kust.webcare.api('PUT', `/api/v1/publication-accounts/${kust.account.id}`, { approval: 'geen', crisisAccount: false })).statusCode).toBe(403);
    expect((await kust.author.api('PUT', `/api/v1/publication-accounts/${other.account.id}`, { approval: 'geen', crisisAccount: true })).statusCode).toBe(404);
    expect((await other.author.api('GET', '/api/v1/publication-accounts')).json()).toEqual([
      expect.objectContaining({ accountId: other.account.id, approval: 'geen' }),
    ]);
  });
});
