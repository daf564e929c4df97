import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlainMessage } from '../../server/src/modules/channels/connector.types';
import { storeMessages } from '../../server/src/modules/channels/ingest.service';
import { insertKto } from '../../server/src/modules/meldingen/kto.repository';
import { hashTrackingToken } from '../../server/src/modules/meldingen/submit.service';
import { buildChannelAccount } from '../factories';
import { requestAs, signIn } from '../harness';
import { collectPageErrors, DESKTOP, expectAccessible, launchChromium, openContext, PHONE, signInWithForm, waitForPage } from './browser';
import { createFailedJob, type E2eApp, startE2eApp } from './e2e-app';
import { findWebcareSurveyPaths } from './webcare-survey-fixture';

// Every page of the web app, checked with axe-core at desktop width and at 360 px, where nothing may scroll sideways.
describe('toegankelijkheid van elke pagina', () => {
  let e2e: E2eApp;
  let browser: Browser;
  const workspacePages: Array<{ name: string; path: string }> = [
    { name: 'luisteren', path: '/luisteren' },
    { name: 'luisteren-monitors', path: '/luisteren/monitors' },
    { name: 'luisteren-monitor-nieuw', path: '/luisteren/monitors/nieuw' },
    { name: 'luisteren-signalen', path: '/luisteren/signalen' },
    { name: 'luisteren-betrouwbaarheid', path: '/luisteren/betrouwbaarheid' },
    { name: 'luisteren-lijsten', path: '/luisteren/lijsten' },
    { name: 'luisteren-analyses', path: '/luisteren/analyses' },
    { name: 'luisteren-geruchten', path: '/luisteren/geruchten' },
    { name: 'luisteren-netwerk', path: '/luisteren/netwerk' },
    { name: 'inbox', path: '/inbox' },
    { name: 'meldingen', path: '/meldingen' },
    { name: 'zenden', path: '/zenden' },
    { name: 'zenden-nieuw', path: '/zenden/nieuw' },
    { name: 'zenden-accounts', path: '/zenden/accounts' },
    { name: 'participatie', path: '/participatie' },
    { name: 'inzicht', path: '/inzicht' },
    { name: 'crisis', path: '/crisis' },
    { name: 'beheer', path: '/beheer' },
    { name: 'gebruikers', path: '/beheer/gebruikers' },
    { name: 'gebruiker-nieuw', path: '/beheer/gebruikers/nieuw' },
    { name: 'teams', path: '/beheer/teams' },
    { name: 'team-nieuw', path: '/beheer/teams/nieuw' },
    { name: 'gemeenten', path: '/beheer/gemeenten' },
    { name: 'beheer-inloggen', path: '/beheer/inloggen' },
    { name: 'audit', path: '/beheer/audit' },
    { name: 'taken', path: '/beheer/taken' },
    { name: 'kanaal-koppelen', path: '/beheer/kanalen/nieuw' },
    { name: 'meldingcategorieen', path: '/beheer/meldingen' },
    { name: 'meldingcategorie-nieuw', path: '/beheer/meldingen/nieuw' },
    { name: 'standaardteksten', path: '/beheer/standaardteksten' },
    { name: 'verdeelregels', path: '/beheer/verdeelregels' },
    { name: 'kennisbank', path: '/beheer/kennisbank' },
    { name: 'kennisbank-artikel-nieuw', path: '/beheer/kennisbank/nieuw' },
    { name: 'kennisbank-webcareteksten', path: '/beheer/kennisbank/webcareteksten' },
    { name: 'kennisbank-toonkader', path: '/beheer/kennisbank/toonkader' },
    { name: 'tokens', path: '/profiel/tokens' },
    { name: 'toegankelijkheid-ingelogd', path: '/toegankelijkheid' },
    { name: 'niet-gevonden-ingelogd', path: '/bestaat-niet' },
  ];
  const publicPages = [
    { name: 'inloggen', path: '/inloggen' },
    { name: 'wachtwoord-vergeten', path: '/wachtwoord-vergeten' },
    { name: 'wachtwoord-herstellen', path: '/wachtwoord-herstellen#token=pr_voorbeeldtoken' },
    { name: 'wachtwoord-herstellen-zonder-token', path: '/wachtwoord-herstellen' },
    { name: 'toegankelijkheid', path: '/toegankelijkheid' },
    { name: 'niet-gevonden', path: '/deze-pagina-bestaat-niet' },
  ];

  beforeAll(async () => {
    e2e = await startE2eApp();
    browser = await launchChromium();
    // Pages with content as well as pages with empty states: both must pass.
    const session = await signIn(e2e.testApp.app, e2e.admin.email, e2e.admin.password);
    const as = requestAs(e2e.testApp.app, session);
    const team = await as('POST', '/api/v1/teams', { name: 'KCC', description: 'Klantcontactcentrum', memberIds: [e2e.admin.id] });
    workspacePages.push({ name: 'team-wijzigen', path: `/beheer/teams/${team.json().id}` });
    workspacePages.push({ name: 'gebruiker-wijzigen', path: `/beheer/gebruikers/${e2e.admin.id}` });
    await as('POST', '/api/v1/me/api-tokens', { name: 'Power BI dashboard' });
    // Luisteren with a monitor (waiting for the worker: its progress bar) and an author list; the page without
    // monitors is checked in luisteren.test.ts.
    const monitor = await as('POST', '/api/v1/monitors', { name: 'Afval', query: '(afval OF gft*) NIET kerstboom' });
    await as('POST', '/api/v1/auteurslijsten', { name: 'Raadsleden', members: ['@raadslid_piet'] });
    workspacePages.push({ name: 'luisteren-monitor', path: `/luisteren/monitors/${monitor.json().id}` });
    const article = await as('POST', '/api/v1/knowledge-articles', {
      question: 'Wanneer wordt de gft-container geleegd?',
      answer: 'Om de week; kijk in de afvalapp.',
      contact: 'KCC, 14 0251',
      link: 'https://www.example.nl/afval',
    });
    workspacePages.push({ name: 'kennisbank-artikel', path: `/beheer/kennisbank/${article.json().id}` });
    await as('POST', '/api/v1/reply-templates', { title: 'Bedankt', body: 'Dank u wel, {naam}! {initialen}' });
    await createFailedJob(e2e);
    // Meldingen for staff: the map view and a melding's detail page with contact details, actions and timeline.
    const meldingenBase = `/api/v1/organisations/${e2e.organisation.slug}/municipalities/GM0383`;
    const tegel = (
      (await e2e.testApp.app.inject({ method: 'GET', url: `${meldingenBase}/melding-categories` })).json().categories as Array<{ id: string; code: string }>
    ).find((c) => c.code === 'wegen-bestrating')!;
    const filed = await e2e.testApp.app.inject({
      method: 'POST',
      url: `${meldingenBase}/meldingen`,
      remoteAddress: '10.8.0.1',
      payload: {
        categoryId: tegel.id,
        description: 'Losse stoeptegel bij de bushalte.',
        lat: 52.548,
        lon: 4.669,
        address: 'Stationsweg 1',
        email: 'melder@example.nl',
      },
    });
    const meldingId = (await e2e.testApp.database.db.selectFrom('meldingen').select('id').where('number', '=', filed.json().number).executeTakeFirstOrThrow())
      .id;
    workspacePages.push(
      { name: 'meldingen-kaart', path: '/meldingen?weergave=kaart' },
      { name: 'melding', path: `/meldingen/${meldingId}` },
      // A category with an extra question, so the read-only question list is checked too.
      {
        name: 'meldingcategorie-wijzigen',
        path: `/beheer/meldingen/${(await e2e.testApp.app.inject({ method: 'GET', url: `${meldingenBase}/melding-categories` })).json().categories.find((c: { code: string }) => c.code === 'overlast-geluid').id}`,
      },
    );
    // Klachten: the register with one klacht, its detail page with every action, the form and the yearly report.
    const klacht = await as('POST', '/api/v1/klachten', {
      municipalityId: e2e.organisation.municipalities[0]!.id,
      complainantName: 'Joke Jansen',
      complainantEmail: 'joke@example.nl',
      subject: 'Aan de balie onvriendelijk te woord gestaan.',
      theme: 'bejegening',
      channel: 'balie',
    });
    await as('POST', `/api/v1/klachten/${klacht.json().id}/status`, { status: 'in-behandeling' });
    workspacePages.push(
      { name: 'klachten', path: '/klachten' },
      { name: 'klacht-registreren', path: '/klachten/nieuw' },
      { name: 'klacht', path: `/klachten/${klacht.json().id}` },
      { name: 'klachten-jaarverslag', path: '/klachten/jaarverslag' },
    );
    // Channel pages with a web form, a phone line, a simulated and a Meta account.
    const bergen = e2e.organisation.municipalities.find((m) => m.name === 'Bergen')!;
    const build = (input: Parameters<typeof buildChannelAccount>[3]) =>
      buildChannelAccount(e2e.testApp.database.db, e2e.testApp.clock, e2e.organisation.id, input);
    await build({ municipalityId: bergen.id, channel: 'webformulier', handle: 'Contactformulier' });
    await build({ municipalityId: bergen.id, channel: 'telefoon', handle: '14 072' });
    await build({ municipalityId: bergen.id, channel: 'gesimuleerd', handle: 'Oefenaccount', settings: { scenario: 'alledaags' } });
    const facebook = await build({
      municipalityId: bergen.id,
      channel: 'facebook',
      handle: 'Gemeente Bergen',
      settings: { pageId: '1234567890' },
      secrets: { accessToken: 'paginatoken', appSecret: 'app-secret' },
    });
    // A message the database would not store, so the account page shows the section of messages set aside.
    await storeMessages(
      e2e.testApp.database.db,
      e2e.testApp.clock,
      { organisation_id: e2e.organisation.id, id: facebook.id, municipality_id: bergen.id, channel: 'facebook' },
      [
        buildPlainMessage({
          platformId: 'fb-onmogelijk',
          author: { id: 'fb-1', handle: 'inwoner', displayName: 'Inwoner', followers: null },
          text: 'Bericht met een datum die de database niet kent',
          visibility: 'openbaar',
          postedAt: new Date(-8.64e15),
          raw: {},
        }),
      ],
    );
    workspacePages.push(
      { name: 'kanalen', path: '/beheer/kanalen' },
      { name: 'kanaal-wijzigen', path: `/beheer/kanalen/${facebook.id}` },
      { name: 'telefoongesprek', path: '/inbox/telefoongesprek' },
    );
    publicPages.push(
      { name: 'contactformulier', path: `/contact/${e2e.organisation.slug}/GM0373` },
      { name: 'contactformulier-onbekend', path: `/contact/${e2e.organisation.slug}/GM0383` },
    );
    // The public melding form and the status page a resident reaches from the confirmation e-mail.
    const meldingBase = `/api/v1/organisations/${e2e.organisation.slug}/municipalities/GM0383`;
    const meldingCategories = (await e2e.testApp.app.inject({ method: 'GET', url: `${meldingBase}/melding-categories` })).json().categories as Array<{
      id: string;
      code: string;
    }>;
    const lamp = meldingCategories.find((c) => c.code === 'verlichting-lantaarnpaal')!;
    const receipt = (
      await e2e.testApp.app.inject({
        method: 'POST',
        url: `${meldingBase}/meldingen`,
        remoteAddress: '10.8.0.2',
        payload: { categoryId: lamp.id, description: 'Lamp brandt niet', lat: 52.5485, lon: 4.6694 },
      })
    ).json();
    publicPages.push(
      { name: 'meldformulier', path: `/melden/${e2e.organisation.slug}/GM0383` },
      { name: 'melding-status', path: `/melding/${e2e.organisation.slug}/${receipt.trackingToken}` },
    );
    // The satisfaction questions from the "afgehandeld" e-mail: open, expired, and one link per width to answer.
    const lampId = (await e2e.testApp.database.db.selectFrom('meldingen').select('id').where('number', '=', receipt.number).executeTakeFirstOrThrow()).id;
    const now = e2e.testApp.clock.now().getTime();
    for (const [token, days] of [
      ['kto-open-voorbeeldtoken', 14],
      ['kto-verlopen-voorbeeldtoken', -1],
      [`kto-${DESKTOP.width}-voorbeeldtoken`, 14],
      [`kto-${PHONE.width}-voorbeeldtoken`, 14],
    ] as const) {
      await insertKto(e2e.testApp.database.db, {
        organisation_id: e2e.organisation.id,
        melding_id: lampId,
        token_hash: hashTrackingToken(token),
        sent_at: new Date(now - 86_400_000),
        expires_at: new Date(now + days * 86_400_000),
      });
    }
    // Webcare: the agressieregister, and the satisfaction question after a closed conversation.
    workspacePages.push({ name: 'agressieregister', path: '/inbox/agressieregister' });
    const survey = await findWebcareSurveyPaths(e2e);
    publicPages.push(
      { name: 'webcare-tevredenheid', path: survey.open },
      { name: 'webcare-tevredenheid-verlopen', path: survey.expired },
      { name: 'webcare-tevredenheid-onbekend', path: survey.unknown },
    );
    publicPages.push(
      { name: 'tevredenheid', path: `/tevredenheid/${e2e.organisation.slug}/kto-open-voorbeeldtoken` },
      { name: 'tevredenheid-verlopen', path: `/tevredenheid/${e2e.organisation.slug}/kto-verlopen-voorbeeldtoken` },
      { name: 'tevredenheid-onbekend', path: `/tevredenheid/${e2e.organisation.slug}/kto-onbekend-voorbeeldtoken` },
    );
  });

  afterAll(async () => {
    await browser?.close();
    await e2e?.close();
  });

  for (const viewport of [DESKTOP, PHONE]) {
    it(`openbare pagina's op ${viewport.width}px`, async () => {
      const context = await openContext(browser, viewport);
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      for (const { name, path } of publicPages) {
        await page.goto(`${e2e.baseUrl}${path}`);
        await expectAccessible(page, name, viewport.width);
      }
      // The sign-in form with errors next to its fields.
      await page.goto(`${e2e.baseUrl}/inloggen`);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.getByText('Vul dit veld in.').first().waitFor();
      await expectAccessible(page, 'inloggen-fouten', viewport.width);
      // The contact form with errors next to its fields.
      await page.goto(`${e2e.baseUrl}/contact/${e2e.organisation.slug}/GM0373`);
      await waitForPage(page);
      await page.getByRole('button', { name: 'Versturen' }).click();
      await page.getByText('Vul dit veld in.').first().waitFor();
      await expectAccessible(page, 'contactformulier-fouten', viewport.width);
      // The melding form with errors next to its fields.
      await page.goto(`${e2e.baseUrl}/melden/${e2e.organisation.slug}/GM0383`);
      await waitForPage(page);
      await page.getByRole('button', { name: 'Melding versturen' }).click();
      await page.getByText('Kies een onderwerp.').waitFor();
      await expectAccessible(page, 'meldformulier-fouten', viewport.width);
      // The satisfaction questions: not satisfied (reasons and comment shown), then the thanks, then "already answered".
      await page.goto(`${e2e.baseUrl}/tevredenheid/${e2e.organisation.slug}/kto-${viewport.width}-voorbeeldtoken`);
      await waitForPage(page);
      await page.getByRole('button', { name: 'Antwoord versturen' }).click();
      await page.getByText('Kies Ja of Nee.').waitFor();
      await expectAccessible(page, 'tevredenheid-fouten', viewport.width);
      await page.getByRole('radio', { name: 'Nee' }).check();
      await page.getByRole('checkbox', { name: 'Het duurde te lang' }).check();
      await page.getByLabel('Toelichting (optioneel)').fill('Het duurde drie weken.');
      await expectAccessible(page, 'tevredenheid-nee', viewport.width);
      await page.getByRole('button', { name: 'Antwoord versturen' }).click();
      await page.getByRole('heading', { name: 'Bedankt voor uw antwoord' }).waitFor();
      await expectAccessible(page, 'tevredenheid-bedankt', viewport.width);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'U heeft deze vragen al beantwoord' }).waitFor();
      await expectAccessible(page, 'tevredenheid-al-beantwoord', viewport.width);
      expect(errors).toEqual([]);
      await context.close();
    });

    // The pages are many: Beheer has a test of its own, and each may take longer than one request.
    it(`Beheer op ${viewport.width}px`, async () => {
      const context: BrowserContext = await openContext(browser, viewport);
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await signInWithForm(page, e2e.baseUrl, e2e.admin.email, e2e.admin.password);
      for (const { name, path } of workspacePages.filter((p) => p.path.startsWith('/beheer'))) {
        await page.goto(`${e2e.baseUrl}${path}`);
        await expectAccessible(page, name, viewport.width);
      }
      expect(errors).toEqual([]);
      await context.close();
    }, 180_000);

    it(`werkomgeving op ${viewport.width}px`, async () => {
      const context: BrowserContext = await openContext(browser, viewport);
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await signInWithForm(page, e2e.baseUrl, e2e.admin.email, e2e.admin.password);
      for (const { name, path } of workspacePages.filter((p) => !p.path.startsWith('/beheer'))) {
        await page.goto(`${e2e.baseUrl}${path}`);
        await expectAccessible(page, name, viewport.width);
      }
      // Connecting a Bluesky account: its own fields, a password field and errors at the fields.
      await page.goto(`${e2e.baseUrl}/beheer/kanalen/nieuw`);
      await waitForPage(page);
      await page.getByLabel('Kanaal').selectOption({ label: 'Bluesky' });
      await page.getByRole('button', { name: 'Account koppelen' }).click();
      await page.getByText('Vul dit veld in.').first().waitFor();
      await expectAccessible(page, 'kanaal-koppelen-fouten', viewport.width);
      if (viewport.width <= PHONE.width) {
        await page.goto(`${e2e.baseUrl}/luisteren`);
        await waitForPage(page);
        await page.getByRole('button', { name: 'Menu' }).click();
        await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Inbox' }).waitFor();
        await expectAccessible(page, 'menu-open', viewport.width);
      }
      expect(errors).toEqual([]);
      await context.close();
    }, 180_000);
  }
});
