import { createTestApp, type TestApp } from '@test/harness';
import { NOW, setUpKlachten } from '@test/kits/klachten-kit';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, expect, it } from 'vitest';

let t: TestApp;
let kit: Awaited<ReturnType<typeof setUpKlachten>>;

// A year of klachten in Bergen (and one in Castricum), decided on 23 November 2026:
//   A received 13-11, extended, gegrond: 10 days, within the term
//   B received 01-10, deels gegrond: 53 days, after its deadline of 12-11
//   C received 20-11, informeel opgelost: 3 days
//   D received 23-11, ingetrokken (no lead time); E received 23-11, still open at the end of the year
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(NOW);
  kit = await setUpKlachten(t);
  const { api, register, castricum } = kit;
  const decide = async (id: string, outcome: string) => {
    await api('POST', `/api/v1/klachten/${id}/status`, { status: 'in-behandeling' });
    await api('PUT', `/api/v1/klachten/${id}/hearing`, { waived: true });
    const response = await api('POST', `/api/v1/klachten/${id}/decision`, { outcome, conclusion: 'Onderzocht en besproken.' });
    if (response.statusCode !== 200) throw new Error(response.body);
  };
  const a = await register({ receivedOn: '2026-11-13' });
  await api('POST', `/api/v1/klachten/${a.id}/extension`, { weeks: 2, reason: 'Advies nodig' });
  await decide(a.id, 'gegrond');
  await decide((await register({ receivedOn: '2026-10-01', theme: 'communicatie' })).id, 'deels-gegrond');
  const c = await register({ receivedOn: '2026-11-20' });
  await api('POST', `/api/v1/klachten/${c.id}/status`, { status: 'informeel-opgelost', reason: 'Opgelost aan de telefoon.' });
  const d = await register({ theme: 'termijnen' });
  await api('POST', `/api/v1/klachten/${d.id}/status`, { status: 'ingetrokken' });
  await register({ theme: 'beleid' });
  await decide((await register({ municipalityId: castricum.id })).id, 'gegrond');
  // Last year's klacht counts in last year's report only.
  await t.database.db
    .updateTable('klachten')
    .set({ received_at: new Date('2025-06-02T00:00:00+02:00') })
    .where('organisation_id', '=', kit.org.id)
    .where('id', '=', d.id)
    .execute();
});
afterAll(async () => t.close());

it('telt ontvangen, afgesloten, uitkomsten, thema’s, doorlooptijden en verdagingen per gemeente en jaar', async () => {
  const report = (await kit.api('GET', `/api/v1/klachten-jaarverslag?municipalityId=${kit.bergen.id}&year=2026`)).json();
  expect(report).toEqual({
    year: 2026,
    municipalityId: kit.bergen.id,
    municipalityName: 'Bergen',
    received: 4,
    handled: 4,
    openAtYearEnd: 1,
    outcomes: { gegrond: 1, 'deels-gegrond': 1, ongegrond: 0, 'informeel-opgelost': 1, 'niet-in-behandeling': 0, ingetrokken: 1 },
    themes: { bejegening: 2, communicatie: 1, dienstverlening: 0, termijnen: 0, beleid: 1, overig: 0 },
    leadTime: { basis: 3, averageDays: 22, medianDays: 10, withinTermPercent: 66.7 },
    extended: 1,
  });
  const all = (await kit.api('GET', '/api/v1/klachten-jaarverslag')).json();
  expect(all).toMatchObject({ year: 2026, municipalityId: null, municipalityName: 'Bergen, Castricum', received: 5, outcomes: { gegrond: 2 } });
  const lastYear = (await kit.api('GET', `/api/v1/klachten-jaarverslag?municipalityId=${kit.bergen.id}&year=2025`)).json();
  expect(lastYear).toMatchObject({ received: 1, handled: 0, openAtYearEnd: 1, themes: { termijnen: 1 } });
});

it('levert een CSV met puntkomma’s en decimale komma die Excel direct opent', async () => {
  const response = await kit.api('GET', `/api/v1/klachten-jaarverslag/csv?municipalityId=${kit.bergen.id}&year=2026`);
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(response.headers['content-disposition']).toBe('attachment; filename="jaarverslag-klachten-2026-bergen.csv"');
  expect(response.body.startsWith('\uFEFFJaar;Gemeente;Onderdeel;Omschrijving;Waarde\r\n')).toBe(true);
  const lines = response.body.slice(1).trim().split('\r\n');
  expect(lines).toContain('2026;Bergen;Aantallen;Ontvangen;4');
  expect(lines).toContain('2026;Bergen;Uitkomst;Gegrond;1');
  expect(lines).toContain('2026;Bergen;Uitkomst;Informeel opgelost;1');
  expect(lines).toContain('2026;Bergen;Thema;Bejegening;2');
  expect(lines).toContain('2026;Bergen;Doorlooptijd;Gemiddeld (kalenderdagen);22');
  expect(lines).toContain('2026;Bergen;Doorlooptijd;Binnen de wettelijke termijn (%);66,7');
  expect(lines).toContain('2026;Bergen;Verdaging;Verdaagd;1');
  expect(lines.every((line) => line.split(';').length === 5)).toBe(true);
});

it('levert een PDF met titel, gemeente, de cijfers en grafieken; leesbaar voor een bestuurder', async () => {
  const bestuurder = await kit.person(['bestuurder'], 'Wethouder W.', [kit.bergen.id]);
  const response = await bestuurder.api('GET', `/api/v1/klachten-jaarverslag/pdf?municipalityId=${kit.bergen.id}&year=2026`);
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  const pdf = response.rawPayload;
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const { text } = await extractText(new Uint8Array(pdf), { mergePages: true });
  const flat = text.replace(/\s+/g, ' ');
  expect(flat).toContain('Jaarverslag klachten 2026');
  expect(flat).toContain('Gemeente Bergen');
  expect(flat).toContain('Binnen de wettelijke termijn (%) 66,7');
  expect(flat).toContain('Ontvangen 4');
  expect(flat).toContain('Deels gegrond 1');
  expect(flat).toContain('Uitkomst van de afgesloten klachten');
  expect(flat).toContain('Ontvangen klachten per thema');
  expect(flat).not.toContain('Sanne');
  // The bestuurder works for Bergen only: Castricum's report does not exist for them.
  expect((await bestuurder.api('GET', `/api/v1/klachten-jaarverslag/pdf?municipalityId=${kit.castricum.id}`)).statusCode).toBe(404);
});
