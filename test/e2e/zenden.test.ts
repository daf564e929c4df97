import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zendenModule } from '../../server/src/modules/zenden/index';
import { defineSystemSchedules } from '../../server/src/platform/jobs/platform.jobs';
import { buildChannelAccount, buildUser } from '../factories';
import { type MastodonServer, startMastodonServer } from '../platforms/mastodon-server';
import { collectPageErrors, DESKTOP, expectAccessible, launchChromium, openContext, PHONE, signInWithForm, waitForPage } from './browser';
import { type E2eApp, startE2eApp } from './e2e-app';

// A communicatieadviseur plans a message for Mastodon in the browser; at its minute (the test's clock) it is on the
// local Mastodon server, once, and the page shows where.
describe('zenden in de webapp', () => {
  let e2e: E2eApp;
  let mastodon: MastodonServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let gemeente: ReturnType<MastodonServer['addAccount']>;

  beforeAll(async () => {
    e2e = await startE2eApp();
    const { db } = e2e.testApp.database;
    const clock = e2e.testApp.clock;
    await defineSystemSchedules(db, clock, zendenModule.schedules ?? []);
    mastodon = await startMastodonServer({ now: () => clock.now() });
    gemeente = mastodon.addAccount('bergen');
    const bergenId = e2e.organisation.municipalities.find((m) => m.name === 'Bergen')!.id;
    await buildChannelAccount(db, clock, e2e.organisation.id, {
      municipalityId: bergenId,
      channel: 'mastodon',
      handle: 'bergen',
      serviceUrl: mastodon.url,
      secrets: { accessToken: gemeente.token },
    });
    await e2e.testApp.worker.drain();
    browser = await launchChromium();
    page = await (await openContext(browser, DESKTOP)).newPage();
    errors = collectPageErrors(page);
    await signInWithForm(page, e2e.baseUrl, e2e.admin.email, e2e.admin.password);
  });

  afterAll(async () => {
    await browser?.close();
    await mastodon?.close();
    await e2e?.close();
  });

  it('plant een bericht, weigert eerst een te lange tekst, en publiceert het op de geplande minuut één keer', async () => {
    await page.goto(`${e2e.baseUrl}/zenden`);
    await waitForPage(page);
    await page.getByText('Nog niets gepland').waitFor();
    await page.getByRole('link', { name: 'Bericht plannen' }).click();
    await waitForPage(page);
    await expectAccessible(page, 'zenden-nieuw', DESKTOP.width);

    await page.getByRole('main').getByLabel('Gemeente').selectOption({ label: 'Bergen' });
    await page.getByLabel('Werktitel').fill('Gladheid');
    await page.getByLabel('Datum').fill('2026-11-23');
    await page.getByLabel('Tijd').fill('09:05');
    await page.getByLabel('Mastodon · bergen').check();
    const text = page.getByLabel('Tekst voor Mastodon (bergen)');
    await text.fill('x'.repeat(501));
    await page.getByText('1 tekens te veel: 501 van 500').first().waitFor();
    await page.getByRole('button', { name: 'Plannen' }).click();
    // Checked in the browser: the error stands at the field, and focus goes there.
    expect(await text.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await text.fill('Vannacht strooien we alle hoofdroutes. Blijf voorzichtig op de fiets.');
    await page.getByText('69 van 500 tekens').waitFor();
    await page.getByRole('button', { name: 'Plannen' }).click();
    await page.getByRole('heading', { name: 'Gladheid', level: 1 }).waitFor();
    await page.getByText('23-11-2026 09:05').waitFor();
    await expectAccessible(page, 'zenden-gepland', DESKTOP.width);

    // 09:05 on the test's clock: the planner hands it over, the outbox sends it.
    e2e.testApp.clock.advance(5 * 60_000);
    await e2e.testApp.worker.drain();
    await page.reload();
    await waitForPage(page);
    await page.getByText('gepubliceerd', { exact: true }).waitFor();
    const link = page.getByRole('link', { name: 'Bekijk op Mastodon' });
    expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(mastodon.statusesBy(gemeente)).toHaveLength(1);

    // The calendar from the week of the test's clock (the browser's own today is weeks later).
    await page.goto(`${e2e.baseUrl}/zenden?van=2026-11-20`);
    await waitForPage(page);
    await page.getByRole('link', { name: 'Gladheid' }).waitFor();
    await expectAccessible(page, 'zenden', DESKTOP.width);
    expect(errors).toEqual([]);
  });

  it('laat een collega een bericht terugsturen en, na de wijziging, goedkeuren', async () => {
    // The beheerder asks one approval for the Mastodon account, on the accounts page.
    await page.goto(`${e2e.baseUrl}/zenden/accounts`);
    await waitForPage(page);
    await expectAccessible(page, 'zenden-accounts', DESKTOP.width);
    await page.getByLabel('Goedkeuring voor bergen').selectOption({ label: 'Eén collega' });
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Opgeslagen voor bergen.').waitFor();

    await page.goto(`${e2e.baseUrl}/zenden/nieuw`);
    await waitForPage(page);
    await page.getByRole('main').getByLabel('Gemeente').selectOption({ label: 'Bergen' });
    await page.getByLabel('Werktitel').fill('Kerstmarkt');
    await page.getByLabel('Datum').fill('2026-11-24');
    await page.getByLabel('Tijd').fill('10:00');
    await page.getByLabel('Mastodon · bergen').check();
    await page.getByLabel('Tekst voor Mastodon (bergen)').fill('Zaterdag is de kerstmarkt op het Plein.');
    await page.getByRole('button', { name: 'Plannen' }).click();
    await page.getByRole('heading', { name: 'Kerstmarkt', level: 1 }).waitFor();
    await page.getByText('Ter goedkeuring').first().waitFor();
    await page.getByText('0 van 1 goedkeuringen').waitFor();
    // The author sees no approve button for their own post.
    expect(await page.getByRole('button', { name: 'Goedkeuren' }).count()).toBe(0);
    const postUrl = page.url();

    const colleague = await buildUser(e2e.testApp.database.db, e2e.testApp.clock, e2e.organisation.id, {
      roles: ['communicatieadviseur'],
      municipalityIds: e2e.organisation.municipalities.map((m) => m.id),
      name: 'Kees Collega',
    });
    const reviewer = await (await openContext(browser, DESKTOP)).newPage();
    await signInWithForm(reviewer, e2e.baseUrl, colleague.email, colleague.password);
    await reviewer.goto(postUrl);
    await waitForPage(reviewer);
    await expectAccessible(reviewer, 'zenden-ter-goedkeuring', DESKTOP.width);
    await reviewer.getByLabel('Wat moet er anders?').fill('Noem de tijden: 11 tot 17 uur.');
    await reviewer.getByRole('button', { name: 'Terugsturen' }).click();
    await reviewer.getByText('Het bericht is teruggestuurd.').waitFor();

    await page.reload();
    await waitForPage(page);
    await page.getByText('Kees Collega stuurde terug').waitFor();
    await page.getByText('Noem de tijden: 11 tot 17 uur.').waitFor();
    await page.getByRole('main').getByLabel('Tekst voor Mastodon (bergen)').last().fill('Zaterdag is de kerstmarkt op het Plein, van 11 tot 17 uur.');
    await page.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await page.getByText('De wijziging is opgeslagen.').waitFor();

    await reviewer.reload();
    await waitForPage(reviewer);
    await reviewer.getByRole('button', { name: 'Goedkeuren' }).click();
    await reviewer.getByText('U heeft het bericht goedgekeurd.').waitFor();
    await reviewer.getByText('1 van 1 goedkeuringen').waitFor();
    expect(await reviewer.locator('.plein-data-list').textContent()).toContain('Gepland');
    expect(errors).toEqual([]);
  });

  it('is op een telefoon te gebruiken', async () => {
    const phone = await (await openContext(browser, PHONE)).newPage();
    await signInWithForm(phone, e2e.baseUrl, e2e.admin.email, e2e.admin.password);
    for (const [name, path] of [
      ['zenden', '/zenden'],
      ['zenden-nieuw', '/zenden/nieuw'],
    ] as const) {
      await phone.goto(`${e2e.baseUrl}${path}`);
      await expectAccessible(phone, name, PHONE.width);
    }
  });
});
