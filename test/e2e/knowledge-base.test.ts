import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, DESKTOP, expectAccessible, launchChromium, openContext, screenshot, signInWithForm, waitForPage } from './browser';
import { type E2eApp, startE2eApp } from './e2e-app';

// A beheerder fills the knowledge base: adds an article, finds it by another word form, changes it (a new
// version), archives it; adds a webcare text with a placeholder and rewrites the tone code.
describe('Beheer → Kennisbank', () => {
  let e2e: E2eApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    e2e = await startE2eApp();
    browser = await launchChromium();
    page = await (await openContext(browser, DESKTOP)).newPage();
    errors = collectPageErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await e2e?.close();
  });

  const search = async (words: string) => {
    await page.getByLabel('Zoek in de kennisbank').fill(words);
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await waitForPage(page);
  };

  it('voegt een artikel toe en vindt het ook met een andere woordvorm', async () => {
    await signInWithForm(page, e2e.baseUrl, e2e.admin.email, e2e.admin.password);
    await page.goto(`${e2e.baseUrl}/beheer`);
    await waitForPage(page);
    await page.getByRole('navigation', { name: 'Beheeronderdelen' }).getByRole('link', { name: 'Kennisbank' }).click();
    await page.waitForURL(`${e2e.baseUrl}/beheer/kennisbank`);
    await waitForPage(page);
    await page.getByText('Nog geen artikelen.').waitFor();

    await page.getByRole('link', { name: 'Artikel toevoegen' }).click();
    await waitForPage(page);
    await page.getByLabel('Antwoord', { exact: true }).fill('Beste {voornaam}, dat kan via het Omgevingsloket.');
    await page.getByRole('button', { name: 'Artikel toevoegen' }).click();
    await page.getByText('Vul dit in.').waitFor();
    await page.getByText('Onbekende plaatshouder: {voornaam}').waitFor();
    await screenshot(page, 'kennisbank-artikel-fout');

    await page.getByLabel('Vraag', { exact: true }).fill('Hoe vraag ik een vergunning aan voor een dakkapel?');
    await page.getByLabel('Antwoord', { exact: true }).fill('Beste {naam}, dat kan via het Omgevingsloket. Wij beslissen binnen acht weken.');
    await page.getByLabel('Contact (optioneel)').fill('Team Vergunningen, 14 0251');
    await page.getByLabel('Link (optioneel)').fill('https://www.omgevingsloket.nl');
    await page.getByLabel('Voor gemeente').selectOption({ label: 'Castricum' });
    await page.getByRole('button', { name: 'Artikel toevoegen' }).click();
    await page.waitForURL(`${e2e.baseUrl}/beheer/kennisbank`);
    await page.getByText('Het artikel "Hoe vraag ik een vergunning aan voor een dakkapel?" is toegevoegd.').waitFor();

    await search('vergunningen dakkapel');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Hoe vraag ik een vergunning aan voor een dakkapel?' }) });
    expect(await row.textContent()).toContain('Castricum');
    await search('paspoort');
    await page.getByText('Geen artikelen gevonden.').waitFor();
    await search('');
    await expectAccessible(page, 'kennisbank', DESKTOP.width);
  });

  it('bewaart een wijziging als nieuwe versie en archiveert het artikel', async () => {
    await page.getByRole('link', { name: 'Hoe vraag ik een vergunning aan voor een dakkapel?' }).click();
    await waitForPage(page);
    await page.getByLabel('Antwoord', { exact: true }).fill('Beste {naam}, dat kan via het Omgevingsloket. De beslistermijn is acht weken.');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('De wijzigingen zijn opgeslagen als versie 2.').waitFor();
    await page.getByText('Versie 2 · door Sanne de Graaf').waitFor();
    await page.getByText('Versie 1 · door Sanne de Graaf').click();
    await page.getByText('Wij beslissen binnen acht weken.').waitFor();
    await expectAccessible(page, 'kennisbank-artikel', DESKTOP.width);

    await page.getByRole('button', { name: 'Archiveren' }).click();
    await page.getByRole('button', { name: 'Ja, archiveren' }).click();
    await page.getByText('Dit artikel is gearchiveerd: medewerkers vinden het niet.').waitFor();
    await page.getByRole('link', { name: 'Terug naar de kennisbank' }).click();
    await waitForPage(page);
    await page.getByText('Nog geen artikelen.').waitFor();
    await page.getByLabel('Ook gearchiveerde artikelen tonen').check();
    await page.getByRole('cell', { name: 'Gearchiveerd' }).waitFor();
    const stored = await e2e.testApp.database.db
      .selectFrom('knowledge_article_versions')
      .select('version')
      .where('organisation_id', '=', e2e.organisation.id)
      .execute();
    expect(stored.map((v) => v.version).sort()).toEqual([1, 2, 3]);
  });

  it('voegt een webcaretekst toe en past het toonkader aan', async () => {
    await page.getByRole('navigation', { name: 'Onderdelen van de kennisbank' }).getByRole('link', { name: 'Webcareteksten' }).click();
    await waitForPage(page);
    await page.getByLabel('Titel (voor medewerkers)').fill('Doorverwijzing belastingen');
    await page.getByLabel('Tekst', { exact: true }).fill('Hoi {naam}, voor de WOZ-waarde helpt Team Belastingen u graag: 14 0251. {initialen}');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('De webcaretekst is opgeslagen.').waitFor();
    await page.getByRole('cell', { name: 'Doorverwijzing belastingen', exact: true }).waitFor();
    await expectAccessible(page, 'kennisbank-webcareteksten', DESKTOP.width);

    await page.getByRole('navigation', { name: 'Onderdelen van de kennisbank' }).getByRole('link', { name: 'Toonkader' }).click();
    await waitForPage(page);
    await page.getByText('U gebruikt nu de standaardvragen van de gemeente Utrecht.').waitFor();
    expect(await page.getByLabel('Vraag 1').inputValue()).toBe('Zou ik dit zo tegen de wethouder zeggen?');
    await page.getByRole('button', { name: 'Vraag toevoegen' }).click();
    await page.getByLabel('Vraag 4').fill('Zou ik dit zo tegen mijn buurvrouw zeggen?');
    await page.getByRole('button', { name: 'Vraag 2 weghalen' }).click();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Het toonkader is opgeslagen.').waitFor();
    await expectAccessible(page, 'kennisbank-toonkader', DESKTOP.width);
    const code = await e2e.testApp.database.db
      .selectFrom('tone_codes')
      .select('questions')
      .where('organisation_id', '=', e2e.organisation.id)
      .executeTakeFirstOrThrow();
    expect(code.questions).toEqual(['Zou ik dit zo tegen de wethouder zeggen?', 'Zou ik dit nu zo zeggen?', 'Zou ik dit zo tegen mijn buurvrouw zeggen?']);
    expect(errors).toEqual([]);
  });
});
