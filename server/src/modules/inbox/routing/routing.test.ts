import { buildChannelAccount, buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlainMessage, storeMessages } from '../../channels/index';
import { containsWord, decide, matches, type RoutableMessage } from './routing.rules';

const message = (fields: Partial<RoutableMessage> = {}): RoutableMessage => ({
  channel: 'x',
  accountId: 'account-1',
  municipalityId: 'castricum',
  text: 'Wanneer wordt het afval opgehaald?',
  subject: null,
  authorId: '123',
  authorHandle: '@raadslid_jan',
  language: 'nl',
  visibility: 'openbaar',
  // Monday 23 November 2026, 10:00 in Amsterdam.
  receivedAt: new Date('2026-11-23T09:00:00Z'),
  ...fields,
});

describe('verdeelregels: voorwaarden', () => {
  it('vindt hele woorden en woordgroepen, zonder op hoofdletters of accenten te letten', () => {
    expect(containsWord('AFVAL! Al weken niet opgehaald', 'afval')).toBe(true);
    expect(containsWord('De afvalbak is vol', 'afval')).toBe(false);
    expect(containsWord('Wat vindt de wethouder van het café?', 'cafe')).toBe(true);
    expect(containsWord('Ik bel de pers morgen', 'de pers')).toBe(true);
  });

  it('eist elke gegeven voorwaarde: kanaal, gemeente, afzender, zichtbaarheid en tijdvenster', () => {
    expect(matches({}, message())).toBe(true);
    expect(matches({ channels: ['x', 'bluesky'], words: ['afval', 'grofvuil'] }, message())).toBe(true);
    expect(matches({ channels: ['email'] }, message())).toBe(false);
    expect(matches({ municipalityIds: ['bergen'] }, message())).toBe(false);
    expect(matches({ authors: ['raadslid_jan'] }, message())).toBe(true);
    expect(matches({ authors: ['@iemand_anders'] }, message())).toBe(false);
    expect(matches({ visibility: 'prive' }, message())).toBe(false);
    expect(matches({ languages: ['en'] }, message())).toBe(false);
    expect(matches({ time: { days: ['ma', 'di', 'wo', 'do', 'vr'], from: '09:00', until: '17:00' } }, message())).toBe(true);
    // Evenings and nights: a window past midnight; Monday 10:00 is not in it, Saturday 23:30 is.
    const evenings = { time: { days: ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'] as const, from: '17:00', until: '08:00' } };
    expect(matches({ time: { ...evenings.time, days: [...evenings.time.days] } }, message())).toBe(false);
    expect(matches({ time: { ...evenings.time, days: [...evenings.time.days] } }, message({ receivedAt: new Date('2026-11-28T22:30:00Z') }))).toBe(true);
  });

  it('past regels op volgorde toe: labels samen, hoogste prioriteit, de eerste toewijzing beslist', () => {
    const decision = decide(
      [
        { name: 'Pers en raad', conditions: { authors: ['raadslid_jan'] }, actions: { assignTeamId: 'communicatie', labels: ['raad'], priority: 'hoog' } },
        { name: 'Afval', conditions: { words: ['afval'] }, actions: { assignTeamId: 'kcc', labels: ['afval'], priority: 'normaal' } },
        { name: 'E-mail', conditions: { channels: ['email'] }, actions: { labels: ['mail'] } },
      ],
      message(),
    );
    expect(decision).toEqual({
      assignTeamId: 'communicatie',
      assignUserId: undefined,
      labels: ['raad', 'afval'],
      priority: 'hoog',
      ruleNames: ['Pers en raad', 'Afval'],
    });
  });
});

describe('verdeelregels in de inbox', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('stuurt een nieuw gesprek naar het team van de eerste passende regel, met labels en prioriteit, en laat een latere toewijzing staan', async () => {
    const org = await buildOrganisation(t.database.db);
    const castricum = org.municipalities.find((m) => m.cbs_code === 'GM0383')!;
    const beheerder = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
    const admin = requestAs(t.app, await signIn(t.app, beheerder.email, beheerder.password));
    const kcc = (await admin('POST', '/api/v1/teams', { name: 'KCC' })).json();
    const communicatie = (await admin('POST', '/api/v1/teams', { name: 'Communicatie' })).json();
    const image = await admin('POST', '/api/v1/routing-rules', {
      name: 'Beeld en beleid naar communicatie',
      position: 10,
      conditions: { words: ['wethouder', 'de pers', 'raadsvergadering'] },
      actions: { assignTeamId: communicatie.id, labels: ['imago'], priority: 'hoog' },
    });
    expect(image.statusCode, image.body).toBe(201);
    await admin('POST', '/api/v1/routing-rules', { name: 'Rest naar KCC', position: 100, conditions: {}, actions: { assignTeamId: kcc.id } });

    const view = await buildChannelAccount(t.database.db, t.clock, org.id, {
      municipalityId: castricum.id,
      channel: 'gesimuleerd',
      settings: { scenario: 'alledaags' },
    });
    const account = await t.database.db.selectFrom('channel_accounts').selectAll().where('id', '=', view.id).executeTakeFirstOrThrow();
    const receive = async (author: string, text: string, root: string | null = null) => {
      const [id] = await storeMessages(t.database.db, t.clock, account, [
        buildPlainMessage({
          platformId: `r-${crypto.randomUUID()}`,
          author: { id: author, handle: `@${author}`, displayName: author, followers: null },
          text,
          visibility: 'openbaar',
          postedAt: t.clock.now(),
          threadRootPlatformId: root,
          raw: {},
        }),
      ]);
      await t.worker.drain();
      const conversationId = (await t.database.db.selectFrom('messages').select('conversation_id').where('id', '=', id!).executeTakeFirstOrThrow())
        .conversation_id!;
      return (await admin('GET', `/api/v1/conversations/${conversationId}`)).json();
    };

    const political = await receive('journalist', 'Wat zegt de wethouder over de sluiting van het zwembad?');
    expect(political).toMatchObject({ assignedTeamId: communicatie.id, labels: ['imago'], priority: 'hoog' });
    expect(political.events[0]).toMatchObject({
      kind: 'toegewezen',
      actorName: 'Verdeelregels',
      text: 'Verdeelregel Beeld en beleid naar communicatie, Rest naar KCC: team Communicatie; labels imago; prioriteit hoog',
    });
    const everyday = await receive('bewoner', 'Wanneer komt de gft-container?');
    expect(everyday).toMatchObject({ assignedTeamId: kcc.id, labels: [], priority: 'normaal' });

    // A person's assignment stands: a new message in the same thread, which would match the image rule,
    // lands in the same conversation and is not routed again.
    await admin('PATCH', `/api/v1/conversations/${everyday.id}`, { assignedTeamId: null, assignedUserId: beheerder.id });
    const again = await receive('bewoner', 'Hallo? De wethouder weet hier vast van.', everyday.messages[0].platformId);
    expect(again).toMatchObject({ id: everyday.id, messageCount: 2, assignedUserId: beheerder.id, assignedTeamId: null, labels: [], priority: 'normaal' });
  });

  it('verdeelt op een monitor van Luisteren en op de tenor, ook als de luisterjob nog niet gedraaid heeft', async () => {
    const org = await buildOrganisation(t.database.db);
    const castricum = org.municipalities.find((m) => m.cbs_code === 'GM0383')!;
    const beheerder = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
    const admin = requestAs(t.app, await signIn(t.app, beheerder.email, beheerder.password));
    const communicatie = (await admin('POST', '/api/v1/teams', { name: 'Communicatie' })).json();
    const monitor = (await admin('POST', '/api/v1/monitors', { name: 'Beeld en beleid', query: 'wethouder OF burgemeester OF raad' })).json();
    expect(
      (
        await admin('POST', '/api/v1/routing-rules', {
          name: 'Onbekende monitor',
          conditions: { monitorIds: [crypto.randomUUID()] },
          actions: { labels: ['x'] },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await admin('POST', '/api/v1/routing-rules', {
          name: 'Beleid',
          position: 1,
          conditions: { monitorIds: [monitor.id] },
          actions: { assignTeamId: communicatie.id, labels: ['beleid'] },
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await admin('POST', '/api/v1/routing-rules', {
          name: 'Kritiek',
          position: 2,
          conditions: { tenors: ['kritiek'] },
          actions: { labels: ['kritiek'], priority: 'hoog' },
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await admin('POST', '/api/v1/routing-rules', { name: 'Foute tenor', conditions: { tenors: ['boos'] }, actions: { labels: ['x'] } })).statusCode,
    ).toBe(400);

    const view = await buildChannelAccount(t.database.db, t.clock, org.id, {
      municipalityId: castricum.id,
      channel: 'gesimuleerd',
      settings: { scenario: 'alledaags' },
    });
    const account = await t.database.db.selectFrom('channel_accounts').selectAll().where('id', '=', view.id).executeTakeFirstOrThrow();
    const receive = async (text: string, visibility: 'openbaar' | 'prive' = 'openbaar') => {
      const [id] = await storeMessages(t.database.db, t.clock, account, [
        buildPlainMessage({
          platformId: `m-${crypto.randomUUID()}`,
          author: { id: 'a', handle: 'a', displayName: null, followers: null },
          text,
          visibility,
          postedAt: t.clock.now(),
          raw: {},
        }),
      ]);
      // The inbox's job first, on purpose: routing must analyse the message itself.
      await t.worker.drain(1);
      await t.worker.drain();
      const conversationId = (await t.database.db.selectFrom('messages').select('conversation_id').where('id', '=', id!).executeTakeFirstOrThrow())
        .conversation_id!;
      return (await admin('GET', `/api/v1/conversations/${conversationId}`)).json();
    };
    expect(await receive('Wat vindt de wethouder van het nieuwe plan?')).toMatchObject({ assignedTeamId: communicatie.id, labels: ['beleid'] });
    expect(await receive('De stoep ligt al weken open, echt schandalig en levensgevaarlijk!')).toMatchObject({
      assignedTeamId: null,
      labels: ['kritiek'],
      priority: 'hoog',
    });
    expect(await receive('Hoe laat gaat de milieustraat open?')).toMatchObject({ assignedTeamId: null, labels: [], priority: 'normaal' });

    // A private message is routed on the same monitor and tenor, judged in memory: listening keeps nothing of it.
    const before = await t.database.db.selectFrom('listening_items').select('message_id').where('organisation_id', '=', org.id).execute();
    expect(await receive('Waarom reageert de wethouder niet? Schandalig, ik ben woedend!', 'prive')).toMatchObject({
      assignedTeamId: communicatie.id,
      labels: ['beleid', 'kritiek'],
      priority: 'hoog',
    });
    const after = await t.database.db.selectFrom('listening_items').select('message_id').where('organisation_id', '=', org.id).execute();
    expect(after).toHaveLength(before.length);
    expect(await t.database.db.selectFrom('monitor_matches').select('message_id').where('organisation_id', '=', org.id).execute()).toHaveLength(1);
  });

  it('weigert regels met onbekende teams, accounts of zonder actie, en laat alleen beheer ze wijzigen', async () => {
    const org = await buildOrganisation(t.database.db);
    const beheerder = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
    const admin = requestAs(t.app, await signIn(t.app, beheerder.email, beheerder.password));
    const unknownTeam = await admin('POST', '/api/v1/routing-rules', { name: 'X', actions: { assignTeamId: crypto.randomUUID() } });
    expect(unknownTeam.statusCode).toBe(400);
    expect(unknownTeam.json().invalidParams[0].name).toBe('actions.assignTeamId');
    expect((await admin('POST', '/api/v1/routing-rules', { name: 'Niets', actions: {} })).statusCode).toBe(400);
    expect(
      (
        await admin('POST', '/api/v1/routing-rules', {
          name: 'Tijd',
          conditions: { time: { days: ['ma'], from: '25:00', until: '17:00' } },
          actions: { labels: ['x'] },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await admin('POST', '/api/v1/routing-rules', { name: 'Account', conditions: { accountIds: [crypto.randomUUID()] }, actions: { labels: ['x'] } }))
        .statusCode,
    ).toBe(400);
    expect((await admin('GET', '/api/v1/routing-rules')).json()).toEqual([]);

    const rule = (await admin('POST', '/api/v1/routing-rules', { name: 'Afval', conditions: { words: ['afval'] }, actions: { labels: ['afval'] } })).json();
    const agent = await buildUser(t.database.db, t.clock, org.id, { roles: ['webcare'] });
    const webcare = requestAs(t.app, await signIn(t.app, agent.email, agent.password));
    expect((await webcare('GET', '/api/v1/routing-rules')).json()).toHaveLength(1);
    expect((await webcare('PATCH', `/api/v1/routing-rules/${rule.id}`, { active: false })).statusCode).toBe(403);
    expect((await admin('PATCH', `/api/v1/routing-rules/${rule.id}`, { active: false })).json()).toMatchObject({ active: false });
    expect((await admin('DELETE', `/api/v1/routing-rules/${rule.id}`)).statusCode).toBe(204);
  });
});
