import { createTestApp, type TestApp } from '@test/harness';
import { NOW, setUpKlachten } from '@test/kits/klachten-kit';
import { startSmtpSink } from '@test/smtp-sink';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { computeKlachtDeadline, startOfLocalDay } from './klacht-termijn.rules';

let t: TestApp;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ SMTP_URL: sink.url });
});
afterAll(async () => {
  await t.close();
  await sink.close();
});
beforeEach(() => t.clock.set(NOW));

const endOfDayAmsterdam = (date: string) => new Date(`${date}T23:59:59.999+01:00`).toISOString();

describe('Awb-termijnen (klok ingespoten)', () => {
  it('zes weken na ontvangst; valt het einde op een zaterdag, zondag of feestdag, dan de eerstvolgende werkdag (Atw)', () => {
    // Monday 23 November 2026 + 6 weeks = Monday 4 January 2027.
    expect(computeKlachtDeadline(startOfLocalDay('2026-11-23')).toISOString()).toBe(endOfDayAmsterdam('2027-01-04'));
    // Friday 13 November + 6 weeks = Eerste Kerstdag (Friday), then the weekend: Monday 28 December.
    expect(computeKlachtDeadline(startOfLocalDay('2026-11-13')).toISOString()).toBe(endOfDayAmsterdam('2026-12-28'));
    // Saturday 14 November + 6 weeks = Saturday 26 December (also Tweede Kerstdag): Monday 28 December.
    expect(computeKlachtDeadline(startOfLocalDay('2026-11-14')).toISOString()).toBe(endOfDayAmsterdam('2026-12-28'));
    // Extended by 4 weeks, counted from the end of the six weeks (25 December) → Friday 22 January 2027.
    expect(computeKlachtDeadline(startOfLocalDay('2026-11-13'), 4).toISOString()).toBe(endOfDayAmsterdam('2027-01-22'));
    // Summer time: received Thursday 19 March 2026 + 6 weeks = Thursday 30 April, 23:59 CEST.
    expect(computeKlachtDeadline(startOfLocalDay('2026-03-19')).toISOString()).toBe('2026-04-30T21:59:59.999Z');
  });

  it('rekent de termijn vanaf de ontvangstdatum, ook als de klacht later is ingevoerd, en verdaagt één keer vóór het einde', async () => {
    const { api, register, mails } = await setUpKlachten(t);
    const klacht = await register({ receivedOn: '2026-11-13' });
    expect(klacht).toMatchObject({
      receivedOn: '2026-11-13',
      deadline: endOfDayAmsterdam('2026-12-28'),
      originalDeadline: endOfDayAmsterdam('2026-12-28'),
      extension: null,
      overdue: false,
    });
    expect(klacht.number).toMatch(/^K2026-\d{5}$/);

    expect((await api('POST', `/api/v1/klachten/${klacht.id}/extension`, { weeks: 5, reason: 'Te lang' })).statusCode).toBe(400);
    const extended = await api('POST', `/api/v1/klachten/${klacht.id}/extension`, { weeks: 4, reason: 'Wij wachten op het verslag van de afdeling.' });
    expect(extended.statusCode, extended.body).toBe(200);
    expect(extended.json()).toMatchObject({
      deadline: endOfDayAmsterdam('2027-01-22'),
      originalDeadline: endOfDayAmsterdam('2026-12-28'),
      extension: { weeks: 4 },
    });
    expect(extended.json().events.at(-1)).toMatchObject({ kind: 'verdaagd', sentToComplainant: true });
    const notice = (await mails()).find((mail) => mail.subject === `Uw klacht ${klacht.number}: meer tijd nodig`)!;
    expect(notice.to).toBe('sanne@example.nl');
    expect(notice.text).toContain('22 januari 2027');
    expect(notice.text).toContain('Wij wachten op het verslag van de afdeling.');

    const again = await api('POST', `/api/v1/klachten/${klacht.id}/extension`, { weeks: 1, reason: 'Nog eens' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('al-verdaagd');

    // After the term has ended, extending is too late.
    const late = await register({ receivedOn: '2026-11-13' });
    t.clock.set(new Date('2026-12-29T09:00:00+01:00'));
    const refused = await api('POST', `/api/v1/klachten/${late.id}/extension`, { weeks: 2, reason: 'Te laat bedacht' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('termijn-verstreken');
    expect((await api('GET', `/api/v1/klachten/${late.id}`)).json().overdue).toBe(true);
    expect((await api('GET', '/api/v1/klachten?overdue=ja')).json().map((k: { id: string }) => k.id)).toEqual([late.id]);
  });
});

describe('registreren en behandelen', () => {
  it('registreert met nummer, stuurt de ontvangstbevestiging en doorloopt de Awb-stappen tot het besluit, per e-mail over SMTP', async () => {
    const { org, api, person, register } = await setUpKlachten(t);
    const handler = await person(['griffie'], 'Henk Behandelaar');
    const klacht = await register({ complainantEmail: 'Sanne.Flow@example.nl', complainantPhone: '06 12345678', complainedAbout: 'Afdeling Burgerzaken' });
    expect(klacht).toMatchObject({
      status: 'ontvangen',
      receivedOn: '2026-11-23',
      complainantEmail: 'sanne.flow@example.nl',
      acknowledgedAt: NOW.toISOString(),
    });
    expect(klacht.events.map((e: { kind: string }) => e.kind)).toEqual(['geregistreerd', 'ontvangstbevestiging']);

    const assigned = await api('PUT', `/api/v1/klachten/${klacht.id}/handler`, { handlerUserId: handler.id });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ status: 'in-behandeling', handlerUserId: handler.id, handlerName: 'Henk Behandelaar' });

    const hearing = await api('PUT', `/api/v1/klachten/${klacht.id}/hearing`, { at: '2026-12-01T14:00:00+01:00', place: 'Gemeentehuis Bergen, kamer 2' });
    expect(hearing.json()).toMatchObject({ status: 'hoorzitting-gepland', hearing: { at: '2026-12-01T13:00:00.000Z', place: 'Gemeentehuis Bergen, kamer 2' } });
    expect((await api('POST', `/api/v1/klachten/${klacht.id}/notes`, { text: 'Klager belde: komt met partner.' })).statusCode).toBe(200);

    t.clock.set(new Date('2026-12-02T10:00:00+01:00'));
    const decided = await handler.api('POST', `/api/v1/klachten/${klacht.id}/decision`, {
      outcome: 'deels-gegrond',
      conclusion: 'De medewerker had u beter moeten uitleggen waarom.',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'afgehandeld', outcome: 'deels-gegrond', closedAt: '2026-12-02T09:00:00.000Z' });
    expect(decided.json().events.map((e: { kind: string }) => e.kind)).toEqual([
      'geregistreerd',
      'ontvangstbevestiging',
      'behandelaar',
      'status',
      'status',
      'hoorzitting',
      'notitie',
      'besluit',
    ]);
    expect((await api('POST', `/api/v1/klachten/${klacht.id}/status`, { status: 'ingetrokken' })).statusCode).toBe(409);

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('organisation_id', '=', org.id)
      .where('record_id', '=', klacht.id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['klacht.behandelaar', 'klacht.besluit', 'klacht.geregistreerd', 'klacht.hoorzitting', 'klacht.notitie']);

    // The letters really leave through SMTP: acknowledgement, invitation to the hearing, decision.
    await t.worker.drain();
    const delivered = new Map(
      sink.received.filter((mail) => mail.to.includes('sanne.flow@example.nl')).map((mail) => [/^Subject: (.*)$/m.exec(mail.raw)?.[1], mail.raw]),
    );
    expect([...delivered.keys()].sort()).toEqual([
      `Uw klacht ${klacht.number}: ons besluit`,
      `Uw klacht ${klacht.number}: ontvangstbevestiging`,
      `Uw klacht ${klacht.number}: uitnodiging voor een gesprek`,
    ]);
    expect(delivered.get(`Uw klacht ${klacht.number}: ontvangstbevestiging`)).toContain('4 januari 2027');
    expect(delivered.get(`Uw klacht ${klacht.number}: ons besluit`)).toContain('deels gegrond');
    expect(delivered.get(`Uw klacht ${klacht.number}: uitnodiging voor een gesprek`)).toContain('14:00');
  });

  it('zonder e-mailadres zegt de tijdlijn dat de brief per post moet', async () => {
    const { register, api, mails } = await setUpKlachten(t);
    const klacht = await register({ complainantEmail: undefined, complainantAddress: 'Dorpsstraat 1, Bergen', channel: 'brief' });
    expect(klacht.events[1]).toMatchObject({ kind: 'ontvangstbevestiging', sentToComplainant: false, text: expect.stringContaining('per post') });
    expect(await mails()).toEqual([]);
    const notHandled = await api('POST', `/api/v1/klachten/${klacht.id}/status`, { status: 'niet-in-behandeling' });
    expect(notHandled.statusCode).toBe(400);
    expect(notHandled.json().invalidParams[0].name).toBe('reason');
    const done = await api('POST', `/api/v1/klachten/${klacht.id}/status`, {
      status: 'niet-in-behandeling',
      reason: 'De gedraging is meer dan een jaar geleden (Awb 9:8 lid 1 sub b).',
    });
    expect(done.json()).toMatchObject({ status: 'niet-in-behandeling', closedAt: NOW.toISOString() });
    expect(done.json().events.at(-1).text).toContain('stuur de klager een brief');
  });

  it('de behandelaar is niet degene over wie geklaagd wordt (Awb 9:7), en moet klachten mogen behandelen', async () => {
    const { api, person, register } = await setUpKlachten(t);
    const complainedAbout = await person(['kcc'], 'Piet Baliemedewerker');
    const bestuurder = await person(['bestuurder'], 'Wethouder W.');
    const colleague = await person(['kcc'], 'Anna Collega');
    const klacht = await register({ complainedUserId: complainedAbout.id });
    expect(klacht.complainedUserName).toBe('Piet Baliemedewerker');
    const refused = await api('PUT', `/api/v1/klachten/${klacht.id}/handler`, { handlerUserId: complainedAbout.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'behandelaar-is-beklaagde', invalidParams: [{ name: 'handlerUserId' }] });
    expect(refused.json().detail).toContain('Awb 9:7');
    expect((await api('PUT', `/api/v1/klachten/${klacht.id}/handler`, { handlerUserId: bestuurder.id })).json().code).toBe('behandelaar-zonder-toegang');
    expect((await api('PUT', `/api/v1/klachten/${klacht.id}/handler`, { handlerUserId: '00000000-0000-4000-8000-000000000000' })).json().code).toBe(
      'onbekende-gebruiker',
    );
    expect((await api('GET', `/api/v1/klachten/${klacht.id}`)).json()).toMatchObject({ status: 'ontvangen', handlerUserId: null });
    expect((await api('PUT', `/api/v1/klachten/${klacht.id}/handler`, { handlerUserId: colleague.id })).json()).toMatchObject({ handlerName: 'Anna Collega' });
  });

  it('neemt een besluit pas na het horen of een vastgelegd afzien daarvan (Awb 9:10), niet vóór een geplande hoorzitting', async () => {
    const { api, person, register } = await setUpKlachten(t);
    const handler = await person(['griffie'], 'Hanna Hoorder');
    const decide = (id: string) => handler.api('POST', `/api/v1/klachten/${id}/decision`, { outcome: 'ongegrond', conclusion: 'Zorgvuldig gehandeld.' });

    const unheard = await register();
    await api('PUT', `/api/v1/klachten/${unheard.id}/handler`, { handlerUserId: handler.id });
    const notHeard = await decide(unheard.id);
    expect(notHeard.statusCode).toBe(409);
    expect(notHeard.json()).toMatchObject({ code: 'eerst-horen' });
    expect(notHeard.json().detail).toContain('Awb 9:10');
    expect((await api('GET', `/api/v1/klachten/${unheard.id}`)).json().status).toBe('in-behandeling');
    await api('PUT', `/api/v1/klachten/${unheard.id}/hearing`, { waived: true, reason: 'Klager wil geen gesprek.' });
    expect((await decide(unheard.id)).statusCode).toBe(200);

    const planned = await register();
    await api('PUT', `/api/v1/klachten/${planned.id}/handler`, { handlerUserId: handler.id });
    await api('PUT', `/api/v1/klachten/${planned.id}/hearing`, { at: '2026-12-01T14:00:00+01:00', place: 'Gemeentehuis' });
    const early = await decide(planned.id);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'hoorzitting-nog-niet-geweest' });
    expect(early.json().detail).toContain('1 december 2026');
    t.clock.set(new Date('2026-12-01T15:00:00+01:00'));
    expect((await decide(planned.id)).statusCode).toBe(200);
  });

  it('volgt de overgangstabel: een besluit pas in behandeling, informeel opgelost meteen mogelijk', async () => {
    const { api, register } = await setUpKlachten(t);
    const klacht = await register();
    const tooEarly = await api('POST', `/api/v1/klachten/${klacht.id}/decision`, { outcome: 'gegrond', conclusion: 'Terecht.' });
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().detail).toContain('Ontvangen');
    const solved = await api('POST', `/api/v1/klachten/${klacht.id}/status`, {
      status: 'informeel-opgelost',
      reason: 'Excuses aangeboden in een telefoongesprek; klager tevreden.',
    });
    expect(solved.json()).toMatchObject({ status: 'informeel-opgelost', outcome: null });
  });
});

describe('invoer en toegang', () => {
  it('weigert foute invoer met een Nederlandse uitleg en slaat dan niets op; teksten blijven zoals gegeven', async () => {
    const { org, api, bergen, count } = await setUpKlachten(t);
    const valid = { municipalityId: bergen.id, complainantName: 'Jan', subject: 'Lang gewacht op antwoord', theme: 'termijnen', channel: 'e-mail' };
    const unknownId = '00000000-0000-4000-8000-000000000000';
    const cases: [Record<string, unknown>, string][] = [
      [{ ...valid, complainantName: undefined }, 'complainantName'],
      [{ ...valid, subject: '' }, 'subject'],
      [{ ...valid, subject: 'Kijk <script>alert(1)</script>' }, 'subject'],
      [{ ...valid, complainantName: '<b>Jan</b>' }, 'complainantName'],
      [{ ...valid, theme: 'onbekend' }, 'theme'],
      [{ ...valid, complainantEmail: 'geen-adres' }, 'complainantEmail'],
      [{ ...valid, receivedOn: '2026-11-24' }, 'receivedOn'],
      [{ ...valid, receivedOn: '23-11-2026' }, 'receivedOn'],
      [{ ...valid, municipalityId: unknownId }, 'municipalityId'],
      [{ ...valid, complainedUserId: unknownId }, 'complainedUserId'],
      [{ ...valid, messageId: unknownId }, 'messageId'],
      [{ ...valid, meldingId: unknownId }, 'meldingId'],
      [{ ...valid, onbekend: 1 }, ''],
    ];
    for (const [body, field] of cases) {
      const response = await api('POST', '/api/v1/klachten', body);
      expect(response.statusCode, `${field}: ${response.body}`).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().title).toBe('Ongeldige invoer');
      if (field)
        expect(
          response.json().invalidParams.map((p: { name: string }) => p.name),
          response.body,
        ).toContain(field);
    }
    expect(await count()).toBe(0);
    expect((await t.database.db.selectFrom('klacht_counters').selectAll().where('organisation_id', '=', org.id).execute()).length).toBe(0);

    const odd = await api('POST', '/api/v1/klachten', { ...valid, subject: 'Prijs > € 5 & "gratis" beloofd; 3 < 4' });
    expect(odd.statusCode, odd.body).toBe(201);
    expect(odd.json().subject).toBe('Prijs > € 5 & "gratis" beloofd; 3 < 4');
  });

  it('een andere organisatie of een gemeente waarvoor men niet werkt ziet de klacht niet; de bestuurder leest alleen het jaarverslag', async () => {
    const { register, bergen, castricum, person } = await setUpKlachten(t);
    const klacht = await register();
    const other = await setUpKlachten(t);
    expect((await other.api('GET', `/api/v1/klachten/${klacht.id}`)).statusCode).toBe(404);
    expect((await other.api('POST', `/api/v1/klachten/${klacht.id}/notes`, { text: 'Hallo' })).statusCode).toBe(404);
    expect((await other.api('GET', '/api/v1/klachten')).json()).toEqual([]);
    expect((await other.api('GET', `/api/v1/klachten-jaarverslag?municipalityId=${bergen.id}`)).statusCode).toBe(404);

    const castricumOnly = await person(['kcc'], 'Carla Castricum', [castricum.id]);
    expect((await castricumOnly.api('GET', `/api/v1/klachten/${klacht.id}`)).statusCode).toBe(404);
    expect((await castricumOnly.api('GET', '/api/v1/klachten')).json()).toEqual([]);
    expect(
      (
        await castricumOnly.api('POST', '/api/v1/klachten', {
          municipalityId: bergen.id,
          complainantName: 'Jan',
          subject: 'Lang gewacht',
          theme: 'termijnen',
          channel: 'e-mail',
        })
      ).json().code,
    ).toBe('onbekende-gemeente');

    const bestuurder = await person(['bestuurder'], 'Burgemeester B.');
    expect((await bestuurder.api('GET', '/api/v1/klachten')).statusCode).toBe(403);
    expect((await bestuurder.api('GET', `/api/v1/klachten/${klacht.id}`)).statusCode).toBe(403);
    const report = await bestuurder.api('GET', `/api/v1/klachten-jaarverslag?municipalityId=${bergen.id}&year=2026`);
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json()).toMatchObject({ received: 1, municipalityName: 'Bergen' });
    expect(report.body).not.toContain('Sanne');
  });
});
