import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, DESKTOP, launchChromium, openContext, screenshot, signInWithForm, waitForPage } from './browser';
import { type E2eApp, startE2eApp } from './e2e-app';

// A beheerder adds a subcategory for meldingen, sees it in the list, changes its promise and switches it off.
describe('Beheer → Meldingen: categorieën', () => {
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

  const fieldError = async (label: string) => {
    const field = page.getByLabel(label, { exact: true });
    await page.waitForFunction((name) => {
      const labelElement = [...document.querySelectorAll('label')].find((element) => element.textContent === name);
      return document.getElementById(labelElement?.htmlFor ?? '')?.getAttribute('aria-invalid') === 'true';
    }, label);
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    return page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent();
  };

  const row = (name: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

  it('voegt een subcategorie toe: eerst een fout bij het verplichte veld, dan staat ze in de lijst', async () => {
    await signInWithForm(page, e2e.baseUrl, e2e.admin.email, e2e.admin.password);
    await page.goto(`${e2e.baseUrl}/beheer`);
    await waitForPage(page);
    await page.getByRole('navigation', { name: 'Beheeronderdelen' }).getByRole('link', { name: 'Meldingcategorieën' }).click();
    await page.waitForURL(`${e2e.baseUrl}/beheer/meldingen`);
    await waitForPage(page);
    // The seeded categories, grouped under their main category.
    await page.getByRole('table', { name: 'Hoofdcategorie Wegen, verkeer en straatmeubilair en haar subcategorieën' }).waitFor();
    expect(await row('Losliggende tegel of gat in de weg').textContent()).toContain('5 werkdagen');

    await page.getByRole('link', { name: 'Categorie toevoegen' }).click();
    await page.waitForURL(`${e2e.baseUrl}/beheer/meldingen/nieuw`);
    await waitForPage(page);
    await page.getByText('Extra vragen bij een categorie').waitFor();
    await page.getByLabel('Valt onder').selectOption({ label: 'Wegen, verkeer en straatmeubilair' });
    await page.getByLabel('Code').fill('wegen-kuil');
    await page.getByRole('button', { name: 'Categorie toevoegen' }).click();
    expect(await fieldError('Naam voor inwoners')).toBe('Vul dit veld in.');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('maxlength'))).toBe('120');
    await screenshot(page, 'meldingcategorie-fout');

    await page.getByLabel('Naam voor inwoners').fill('Kuil in het fietspad');
    await page.getByLabel('Afdelingen (optioneel)').fill('Wegen, Fietsbeleid');
    await page.getByLabel('Afhandeltermijn in dagen').fill('3');
    await page.getByRole('radio', { name: 'Werkdagen' }).check();
    await page.getByLabel('Servicebelofte (optioneel)').fill('We maken een kuil in het fietspad binnen 3 werkdagen veilig.');
    await page.getByRole('button', { name: 'Categorie toevoegen' }).click();
    await page.waitForURL(`${e2e.baseUrl}/beheer/meldingen`);
    await page.getByText('Categorie Kuil in het fietspad is toegevoegd.').waitFor();
    const added = await row('Kuil in het fietspad').textContent();
    expect(added).toContain('wegen-kuil');
    expect(added).toContain('3 werkdagen');
    expect(added).toContain('Actief');
    // It sits in the table of its main category.
    await page
      .getByRole('table', { name: 'Hoofdcategorie Wegen, verkeer en straatmeubilair en haar subcategorieën' })
      .getByRole('link', { name: 'Kuil in het fietspad' })
      .waitFor();

    // The code is unique: the server's refusal is shown at the field.
    await page.getByRole('link', { name: 'Categorie toevoegen' }).click();
    await waitForPage(page);
    await page.getByRole('radio', { name: 'Nieuwe hoofdcategorie' }).check();
    await page.getByLabel('Naam voor inwoners').fill('Nog een kuil');
    await page.getByLabel('Code').fill('wegen-kuil');
    await page.getByRole('button', { name: 'Categorie toevoegen' }).click();
    expect(await fieldError('Code')).toContain('wegen-kuil');
    await page.getByRole('link', { name: 'Terug naar meldingen' }).click();
    await waitForPage(page);
  });

  it('wijzigt de servicebelofte en zet de categorie op inactief', async () => {
    await page.getByRole('link', { name: 'Kuil in het fietspad', exact: true }).click();
    await waitForPage(page);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Categorie Kuil in het fietspad');
    expect(await page.locator('.plein-data-list').textContent()).toContain('wegen-kuil');
    expect(await page.getByLabel('Afdelingen (optioneel)').inputValue()).toBe('Wegen, Fietsbeleid');
    await page.getByText('Deze categorie heeft geen extra vragen.').waitFor();

    await page.getByLabel('Servicebelofte (optioneel)').fill('We maken een kuil in het fietspad binnen 2 werkdagen veilig.');
    await page.getByRole('radio', { name: 'Inactief' }).check();
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('De wijzigingen zijn opgeslagen.').waitFor();
    await screenshot(page, 'meldingcategorie-wijzigen');

    const stored = await e2e.testApp.database.db.selectFrom('melding_categories').selectAll().where('code', '=', 'wegen-kuil').executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      service_promise: 'We maken een kuil in het fietspad binnen 2 werkdagen veilig.',
      active: false,
      termijn_days: 3,
      termijn_kind: 'werkdagen',
    });

    // Extra questions: one open question and one choice; a choice with one option is refused first.
    await page.getByRole('button', { name: 'Vraag toevoegen' }).click();
    await page.getByRole('group', { name: 'Vraag 1' }).getByLabel('Vraag', { exact: true }).fill('Hoe diep is de kuil?');
    await page.getByRole('button', { name: 'Vraag toevoegen' }).click();
    const second = page.getByRole('group', { name: 'Vraag 2' });
    await second.getByLabel('Vraag', { exact: true }).fill('Is er gevaar voor fietsers?');
    await second.getByLabel('Soort antwoord').selectOption({ label: 'Keuze uit een lijst' });
    await second.getByLabel('Keuzes').fill('ja');
    await second.getByLabel('Verplicht').check();
    await page.getByRole('button', { name: 'Vragen opslaan' }).click();
    await page.getByText('Geef minstens twee keuzes.').first().waitFor();
    await second.getByLabel('Keuzes').fill('ja, nee, weet ik niet');
    await page.getByRole('button', { name: 'Vragen opslaan' }).click();
    await page.getByText('De extra vragen zijn opgeslagen.').waitFor();
    const withQuestions = await e2e.testApp.database.db
      .selectFrom('melding_categories')
      .select('extra_questions')
      .where('code', '=', 'wegen-kuil')
      .executeTakeFirstOrThrow();
    expect(withQuestions.extra_questions).toEqual([
      { key: 'hoe_diep_is_de_kuil', label: 'Hoe diep is de kuil?', type: 'text', required: false },
      { key: 'is_er_gevaar_voor_fietsers', label: 'Is er gevaar voor fietsers?', type: 'choice', required: true, choices: ['ja', 'nee', 'weet ik niet'] },
    ]);

    await page.getByRole('link', { name: 'Terug naar meldingen' }).click();
    await waitForPage(page);
    expect(await row('Kuil in het fietspad').textContent()).toContain('Inactief');
    expect(errors).toEqual([]);
  });
});
