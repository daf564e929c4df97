import { insertJob } from '@platform/jobs/jobs.repository';
import { ROLES } from '@platform/tenancy/roles.rules';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlainMessage } from '../server/src/modules/channels/connector.types';
import { storeMessages } from '../server/src/modules/channels/ingest.service';
import { buildChannelAccount, buildOrganisation, buildUser } from './factories';
import { createTestApp, requestAs, type SignedIn, signIn, type TestApp } from './harness';

// Walks every /api/v1 route the app registers, so a module that adds routes is covered automatically.
// A route with a path parameter needs an entry in `recordOf` saying how to get a record of organisation A;
// the test fails for a route that has none.

interface Tenant {
  org: Awaited<ReturnType<typeof buildOrganisation>>;
  admin: Awaited<ReturnType<typeof buildUser>>;
  session: SignedIn;
  marker: string;
}

// `query`: for a GET that needs a query string to do its work (a search).
type RecordFixture = (a: Tenant, t: TestApp) => Promise<{ params: Record<string, string>; body?: unknown; query?: string }>;

const recordOf: Record<string, RecordFixture> = {
  '/api/v1/municipalities/:id': async (a) => ({ params: { id: a.org.municipalities[0]!.id }, body: {} }),
  '/api/v1/users/:id': async (a) => ({ params: { id: a.admin.id }, body: {} }),
  '/api/v1/teams/:id': async (a, t) => {
    const response = await requestAs(t.app, a.session)('POST', '/api/v1/teams', { name: `Team ${Math.random()}` });
    return { params: { id: response.json().id }, body: {} };
  },
  '/api/v1/me/api-tokens/:id': async (a, t) => {
    const response = await requestAs(t.app, a.session)('POST', '/api/v1/me/api-tokens', { name: 'matrix' });
    return { params: { id: response.json().id } };
  },
  '/api/v1/jobs/:id/retry': async (a, t) => {
    const id = await insertJob(t.database.db, { organisationId: a.org.id, name: 'bestaat.niet', runAt: t.clock.now() });
    await t.database.db.updateTable('jobs').set({ status: 'failed' }).where('id', '=', id!).execute();
    return { params: { id: id! } };
  },
  '/api/v1/channel-accounts/:id': async (a, t) => ({
    params: { id: (await simulatedAccount(a, t)).id },
    body: {},
  }),
  '/api/v1/channel-accounts/:id/office-hours': async (a, t) => ({
    params: { id: (await simulatedAccount(a, t)).id },
    body: {
      week: { maandag: [{ from: '09:00', to: '17:00' }] },
      firstResponse: null,
      resolution: null,
      acknowledgement: { enabled: false, text: 'Antwoord uiterlijk {antwoordmoment}.' },
    },
  }),
  '/api/v1/channel-accounts/:id/quarantine': async (a, t) => quarantinedMessageOf(a, t),
  '/api/v1/channel-accounts/:id/quarantine/:entryId': async (a, t) => quarantinedMessageOf(a, t),
  '/api/v1/channel-accounts/:id/quarantine/:entryId/retry': async (a, t) => quarantinedMessageOf(a, t),
  '/api/v1/publications/:id': async (a, t) => {
    const id = await publicationOf(a, t);
    return { params: { id }, body: { version: 1, title: 'Gewijzigd', variants: [{ accountId: (await simulatedAccount(a, t)).id, text: a.marker }] } };
  },
  '/api/v1/publications/:id/approve': async (a, t) => ({ params: { id: await waitingPublicationOf(a, t) }, body: { version: 1 } }),
  '/api/v1/publications/:id/send-back': async (a, t) => ({ params: { id: await waitingPublicationOf(a, t) }, body: { version: 1, comment: 'Anders' } }),
  '/api/v1/publications/:id/comments': async (a, t) => ({ params: { id: await publicationOf(a, t) }, body: { text: 'Opmerking' } }),
  '/api/v1/publications/:id/reviewed-afterwards': async (a, t) => ({ params: { id: await waitingPublicationOf(a, t, 'snelle-route') } }),
  '/api/v1/publication-accounts/:accountId': async (a, t) => ({
    params: { accountId: (await simulatedAccount(a, t)).id },
    body: { approval: 'een', crisisAccount: false },
  }),
  '/api/v1/publications/:id/cancel': async (a, t) => ({ params: { id: await publicationOf(a, t) } }),
  '/api/v1/publications/:id/reschedule': async (a, t) => ({ params: { id: await publicationOf(a, t) }, body: { plannedAt: '2027-01-16T09:00', version: 1 } }),
  '/api/v1/messages/:id': async (a, t) => ({ params: { id: await phoneMessage(a, t) } }),
  '/api/v1/messages/:id/withdrawal': async (a, t) => ({ params: { id: await sentMessage(a, t) } }),
  '/api/v1/meldingen/:id': async (a, t) => ({ params: { id: await meldingOf(a, t) }, body: {} }),
  '/api/v1/meldingen/:id/status': async (a, t) => ({ params: { id: await meldingOf(a, t) }, body: { status: 'in-behandeling' } }),
  '/api/v1/meldingen/:id/photos/:photoId': async (a, t) => {
    const id = await meldingOf(a, t, true);
    const photo = await t.database.db.selectFrom('melding_photos').select('attachment_id').where('melding_id', '=', id).executeTakeFirstOrThrow();
    return { params: { id, photoId: photo.attachment_id } };
  },
  '/api/v1/melding-categories/:id': async (a, t) => {
    const [category] = (await requestAs(t.app, a.session)('GET', '/api/v1/melding-categories')).json();
    return { params: { id: category.id }, body: {} };
  },
  '/api/v1/meldingen/:id/notes': async (a, t) => ({ params: { id: await meldingOf(a, t) }, body: { text: 'Notitie' } }),
  '/api/v1/meldingen/:id/merge': async (a, t) => ({ params: { id: await meldingOf(a, t) }, body: { duplicateIds: [await meldingOf(a, t)] } }),
  '/api/v1/meldingen/:id/split': async (a, t) => ({
    params: { id: await meldingOf(a, t) },
    body: { parts: [{ categoryId: await categoryOf(a, t), description: 'Ook een volle afvalbak' }] },
  }),
  '/api/v1/melding-standard-texts/:id': async (a, t) => {
    const response = await requestAs(t.app, a.session)('POST', '/api/v1/melding-standard-texts', {
      status: 'afgehandeld',
      title: 'Klaar',
      body: 'Melding {nummer} is klaar.',
    });
    return { params: { id: response.json().id }, body: {} };
  },
  '/api/v1/outbox/:id': async (a, t) => ({ params: { id: await failedOutboxItem(a, t) } }),
  '/api/v1/conversations/:id': async (a, t) => ({ params: { id: await conversationOf(a, t) }, body: {} }),
  '/api/v1/conversations/:id/notes': async (a, t) => ({ params: { id: await conversationOf(a, t) }, body: { text: 'Notitie' } }),
  '/api/v1/conversations/:id/reply': async (a, t) => ({ params: { id: await conversationOf(a, t) }, body: { text: 'Antwoord' } }),
  '/api/v1/conversations/:id/presence': async (a, t) => ({ params: { id: await conversationOf(a, t) }, body: { composing: true } }),
  '/api/v1/conversations/:id/cases': async (a, t) => ({ params: { id: await conversationOf(a, t) } }),
  '/api/v1/me/inbox-views/:id': async (a, t) => {
    const response = await requestAs(t.app, a.session)('POST', '/api/v1/me/inbox-views', { name: `Open ${Math.random()}`, filters: { toestand: 'open' } });
    return { params: { id: response.json().id } };
  },
  '/api/v1/conversations/:id/abuse': async (a, t) => {
    const id = await conversationOf(a, t);
    return { params: { id }, body: { messageId: await firstMessageOf(t, id), actions: ['waarschuwing'] } };
  },
  '/api/v1/conversations/:id/satisfaction': async (a, t) => ({ params: { id: await conversationOf(a, t) } }),
  '/api/v1/author-blocks/:id': async (a, t) => {
    const id = await conversationOf(a, t);
    await requestAs(t.app, a.session)('POST', `/api/v1/conversations/${id}/abuse`, { messageId: await firstMessageOf(t, id), actions: ['blokkeren'] });
    const conversation = await t.database.db.selectFrom('conversations').select(['account_id', 'author_id']).where('id', '=', id).executeTakeFirstOrThrow();
    const block = await t.database.db
      .selectFrom('author_blocks')
      .select('id')
      .where('organisation_id', '=', a.org.id)
      .where('account_id', '=', conversation.account_id)
      .where('author_id', '=', conversation.author_id)
      .executeTakeFirstOrThrow();
    return { params: { id: block.id } };
  },
  '/api/v1/channel-accounts/:id/satisfaction-survey': async (a, t) => ({ params: { id: (await simulatedAccount(a, t)).id }, body: { enabled: false } }),
  '/api/v1/handoff-partners/:id': async (a, t) => ({ params: { id: await handoffPartnerOf(a, t) }, body: { answerDays: 4 } }),
  '/api/v1/conversations/:id/handoffs': async (a, t) => ({
    params: { id: await conversationOf(a, t) },
    body: { to: 'partner', partnerId: await handoffPartnerOf(a, t), question: 'Kunt u dit oppakken?' },
  }),
  '/api/v1/monitors/:id': async (a, t) => ({ params: { id: await monitorOf(a, t) }, body: {} }),
  '/api/v1/luisteren/items/:messageId': async (a, t) => ({ params: { messageId: await listeningItemOf(a, t) }, body: { tenor: 'steun' } }),
  '/api/v1/luisteren/items/:messageId/naar-inbox': async (a, t) => ({ params: { messageId: await listeningItemOf(a, t) } }),
  '/api/v1/luisteren/signalen/:id/gezien': async (a, t) => {
    const monitorId = await monitorOf(a, t);
    const alert = await t.database.db
      .insertInto('listening_alerts')
      .values({
        organisation_id: a.org.id,
        monitor_id: monitorId,
        kind: 'piek',
        window_start: t.clock.now(),
        window_end: t.clock.now(),
        observed: 40,
        expected: 2,
        created_at: t.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { params: { id: alert.id } };
  },
  '/api/v1/auteurslijsten/:id': async (a, t) => {
    const response = await requestAs(t.app, a.session)('POST', '/api/v1/auteurslijsten', {
      name: `Pers ${Math.floor(Math.random() * 1e9)}`,
      members: ['journalist'],
    });
    return { params: { id: response.json().id }, body: {} };
  },
  '/api/v1/auteurs/:handle': async (a, t) => ({ params: { handle: await authorOf(a, t) } }),
  '/api/v1/auteurs/:handle/groep': async (a, t) => ({ params: { handle: await authorOf(a, t) }, body: { groep: 'media', toelichting: 'Lokale omroep' } }),
  '/api/v1/geruchten/:id': async (a, t) => ({ params: { id: await rumourOf(a, t) }, body: { status: 'onbeslist' } }),
  '/api/v1/geruchten/:id/rechtzetting-zoeken': async (a, t) => ({ params: { id: await rumourOf(a, t) }, query: 'q=afval' }),
  '/api/v1/geruchten/:id/berichten': async (a, t) => ({ params: { id: await rumourOf(a, t) }, body: { messageIds: [await listeningItemOf(a, t)] } }),
  '/api/v1/geruchten/:id/berichten/:messageId': async (a, t) => {
    const id = await rumourOf(a, t);
    const messageId = await listeningItemOf(a, t);
    await requestAs(t.app, a.session)('POST', `/api/v1/geruchten/${id}/berichten`, { messageIds: [messageId] });
    return { params: { id, messageId } };
  },
  '/api/v1/analyses/:id': async (a, t) => ({ params: { id: await analysisOf(a, t) }, body: {} }),
  '/api/v1/analyses/:id/pdf': async (a, t) => ({ params: { id: await analysisOf(a, t) } }),
  '/api/v1/analyses/:id/versturen': async (a, t) => ({ params: { id: await analysisOf(a, t) }, body: {} }),
  '/api/v1/analyse-schema/:id': async (a, t) => {
    const response = await requestAs(t.app, a.session)('POST', '/api/v1/analyse-schema', { kind: 'tamtam', title: 'TamTam', cron: '0 8 * * 1' });
    return { params: { id: response.json().id }, body: {} };
  },
  '/api/v1/routing-rules/:id': async (a, t) => {
    const response = await requestAs(t.app, a.session)('POST', '/api/v1/routing-rules', {
      name: 'Afval',
      conditions: { words: ['afval'] },
      actions: { labels: ['afval'] },
    });
    return { params: { id: response.json().id }, body: {} };
  },
  '/api/v1/conversations/:id/reply-check': async (a, t) => ({ params: { id: await conversationOf(a, t) }, body: { text: 'Antwoord' } }),
  '/api/v1/knowledge-articles/:id': async (a, t) => ({ params: { id: await knowledgeArticleOf(a, t) }, body: {} }),
  '/api/v1/knowledge-articles/:id/versions': async (a, t) => ({ params: { id: await knowledgeArticleOf(a, t) } }),
  '/api/v1/reply-templates/:id': async (a, t) => {
    const response = await requestAs(t.app, a.session)('POST', '/api/v1/reply-templates', { title: 'Bedankt', body: 'Dank u wel, {naam}.' });
    return { params: { id: response.json().id }, body: {} };
  },
  '/api/v1/klachten/:id': async (a, t) => ({ params: { id: await klachtOf(a, t) } }),
  '/api/v1/klachten/:id/status': async (a, t) => ({ params: { id: await klachtOf(a, t) }, body: { status: 'in-behandeling' } }),
  '/api/v1/klachten/:id/handler': async (a, t) => ({ params: { id: await klachtOf(a, t) }, body: { handlerUserId: a.admin.id } }),
  '/api/v1/klachten/:id/hearing': async (a, t) => ({ params: { id: await klachtOf(a, t) }, body: { waived: true } }),
  '/api/v1/klachten/:id/extension': async (a, t) => ({ params: { id: await klachtOf(a, t) }, body: { weeks: 4, reason: 'Advies van de afdeling nodig' } }),
  '/api/v1/klachten/:id/decision': async (a, t) => ({
    params: { id: await klachtOf(a, t, true) },
    body: { outcome: 'ongegrond', conclusion: 'Zorgvuldig gehandeld.' },
  }),
  '/api/v1/klachten/:id/notes': async (a, t) => ({ params: { id: await klachtOf(a, t) }, body: { text: 'Notitie' } }),
  '/api/v1/outbox/:id/retry': async (a, t) => ({ params: { id: await failedOutboxItem(a, t) } }),
  '/api/v1/conversations/:id/reply-images': async (a, t) => ({
    params: { id: await conversationOf(a, t) },
    body: { data: (await tinyPng()).toString('base64') },
  }),
  '/api/v1/conversations/:id/reply-images/:imageId': async (a, t) => {
    const id = await conversationOf(a, t);
    const image = await requestAs(t.app, a.session)('POST', `/api/v1/conversations/${id}/reply-images`, { data: (await tinyPng()).toString('base64') });
    return { params: { id, imageId: image.json().id } };
  },
  '/api/v1/conversations/:id/reviewers': async (a, t) => ({ params: { id: await conversationOf(a, t) } }),
  '/api/v1/conversations/:id/reply-drafts': async (a, t) => ({ params: { id: await conversationOf(a, t) }, body: { text: 'Antwoord', reviewerUserId: null } }),
  '/api/v1/reply-drafts/:id': async (a, t) => ({
    params: { id: await replyDraftOf(a, t, 'eigen') },
    body: { text: 'Aangepast antwoord', reviewerUserId: null },
  }),
  '/api/v1/reply-drafts/:id/withdrawal': async (a, t) => ({ params: { id: await replyDraftOf(a, t, 'eigen') } }),
  '/api/v1/reply-drafts/:id/approval': async (a, t) => ({ params: { id: await replyDraftOf(a, t, 'collega') } }),
  '/api/v1/reply-drafts/:id/send-back': async (a, t) => ({ params: { id: await replyDraftOf(a, t, 'collega') }, body: { comment: 'Graag korter' } }),
};

async function simulatedAccount(a: Tenant, t: TestApp) {
  return buildChannelAccount(t.database.db, t.clock, a.org.id, {
    municipalityId: a.org.municipalities[0]!.id,
    channel: 'gesimuleerd',
    settings: { scenario: 'alledaags' },
  });
}

// A message planned in Zenden on the organisation's simulated account.
async function publicationOf(a: Tenant, t: TestApp) {
  const account = await simulatedAccount(a, t);
  const response = await requestAs(t.app, a.session)('POST', '/api/v1/publications', {
    municipalityId: a.org.municipalities[0]!.id,
    title: a.marker,
    plannedAt: '2027-01-15T09:00',
    variants: [{ accountId: account.id, text: a.marker }],
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

// A post by a colleague of the admin (its author is unknown here) that waits for one approval, or that went out by the
// crisis fast path and waits to be reviewed afterwards.
async function waitingPublicationOf(a: Tenant, t: TestApp, kind: 'goedkeuring' | 'snelle-route' = 'goedkeuring') {
  const account = await simulatedAccount(a, t);
  const row = await t.database.db
    .insertInto('publications')
    .values({
      organisation_id: a.org.id,
      municipality_id: a.org.municipalities[0]!.id,
      title: a.marker,
      status: kind === 'goedkeuring' ? 'ter-goedkeuring' : 'gepland',
      planned_at: new Date('2027-01-15T08:00:00Z'),
      created_by: null,
      created_at: t.clock.now(),
      approvals_required: kind === 'goedkeuring' ? 1 : 0,
      fast_path_reason: kind === 'snelle-route' ? 'Brand in het centrum' : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.database.db
    .insertInto('publication_channels')
    .values({ organisation_id: a.org.id, publication_id: row.id, account_id: account.id, position: 0, text: a.marker })
    .execute();
  return row.id;
}

// A message set aside because PostgreSQL cannot hold its date.
async function quarantinedMessageOf(a: Tenant, t: TestApp) {
  const account = await simulatedAccount(a, t);
  const ref = { organisation_id: a.org.id, id: account.id, municipality_id: a.org.municipalities[0]!.id, channel: 'gesimuleerd' };
  const message = buildPlainMessage({
    platformId: `onmogelijk-${account.id}`,
    author: { id: 'inwoner', handle: 'inwoner', displayName: null, followers: null },
    text: a.marker,
    visibility: 'openbaar',
    postedAt: new Date(-8.64e15),
    raw: {},
  });
  await storeMessages(t.database.db, t.clock, ref, [message]);
  const entry = await t.database.db.selectFrom('quarantined_messages').select('id').where('account_id', '=', account.id).executeTakeFirstOrThrow();
  return { params: { id: account.id, entryId: entry.id } };
}

async function phoneMessage(a: Tenant, t: TestApp) {
  const line = await buildChannelAccount(t.database.db, t.clock, a.org.id, { municipalityId: a.org.municipalities[0]!.id, channel: 'telefoon' });
  const response = await requestAs(t.app, a.session)('POST', '/api/v1/phone-calls', { accountId: line.id, summary: 'Vraag over de afvalkalender' });
  return response.json().id as string;
}

async function categoryOf(a: Tenant, t: TestApp) {
  const categories = (await requestAs(t.app, a.session)('GET', '/api/v1/melding-categories')).json();
  return categories.find((c: { code: string }) => c.code === 'afval-zwerfafval').id as string;
}

const FORM_SESSION = 'formulier-sessie-van-de-matrix';

async function meldingOf(a: Tenant, t: TestApp, withPhoto = false) {
  // Castricum, where the place below lies (its CBS boundary is known without loading one).
  const base = `/api/v1/organisations/${a.org.slug}/municipalities/GM0383`;
  const image = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
    .png()
    .toBuffer();
  const photoIds = withPhoto
    ? [
        (
          await t.app.inject({
            method: 'POST',
            url: `${base}/melding-photos`,
            headers: { 'content-type': 'image/png', 'plein-form-session': FORM_SESSION },
            payload: image,
          })
        ).json().photoId,
      ]
    : [];
  const categories = (await t.app.inject({ method: 'GET', url: `${base}/melding-categories` })).json().categories;
  const category = categories.find((c: { code: string }) => c.code === 'wegen-bestrating');
  const filed = await t.app.inject({
    method: 'POST',
    url: `${base}/meldingen`,
    remoteAddress: `10.9.${Math.floor(Math.random() * 250)}.1`,
    payload: { categoryId: category.id, description: 'Losse tegel', lat: 52.55, lon: 4.66, photoIds, formSession: FORM_SESSION },
  });
  const melding = await t.database.db
    .selectFrom('meldingen')
    .select('id')
    .where('organisation_id', '=', a.org.id)
    .where('number', '=', filed.json().number)
    .executeTakeFirstOrThrow();
  return melding.id;
}

// readyToDecide: in behandeling and horen waived (Awb 9:10), so a decision may follow.
async function klachtOf(a: Tenant, t: TestApp, readyToDecide = false) {
  const api = requestAs(t.app, a.session);
  const klacht = (
    await api('POST', '/api/v1/klachten', {
      municipalityId: a.org.municipalities[0]!.id,
      complainantName: 'K. Lager',
      subject: 'Onvriendelijk te woord gestaan',
      theme: 'bejegening',
      channel: 'telefoon',
    })
  ).json();
  if (readyToDecide) {
    await api('POST', `/api/v1/klachten/${klacht.id}/status`, { status: 'in-behandeling' });
    await api('PUT', `/api/v1/klachten/${klacht.id}/hearing`, { waived: true });
  }
  return klacht.id as string;
}

async function conversationOf(a: Tenant, t: TestApp) {
  const view = await simulatedAccount(a, t);
  const account = await t.database.db
    .selectFrom('channel_accounts')
    .selectAll()
    .where('organisation_id', '=', a.org.id)
    .where('id', '=', view.id)
    .executeTakeFirstOrThrow();
  const [messageId] = await storeMessages(t.database.db, t.clock, account, [
    buildPlainMessage({
      platformId: `matrix-${crypto.randomUUID()}`,
      author: { id: 'inwoner', handle: '@inwoner', displayName: null, followers: null },
      text: 'Vraag',
      visibility: 'openbaar',
      postedAt: t.clock.now(),
      raw: {},
    }),
  ]);
  await t.worker.drain();
  const message = await t.database.db.selectFrom('messages').select('conversation_id').where('id', '=', messageId!).executeTakeFirstOrThrow();
  return message.conversation_id!;
}

async function monitorOf(a: Tenant, t: TestApp) {
  const response = await requestAs(t.app, a.session)('POST', '/api/v1/monitors', { name: `Monitor ${Math.floor(Math.random() * 1e9)}`, query: 'afval' });
  return response.json().id as string;
}

// A message seen by the listening pipeline (stored as a search result, so it is not in the inbox yet).
async function listeningItemOf(a: Tenant, t: TestApp) {
  const view = await simulatedAccount(a, t);
  const account = await t.database.db
    .selectFrom('channel_accounts')
    .selectAll()
    .where('organisation_id', '=', a.org.id)
    .where('id', '=', view.id)
    .executeTakeFirstOrThrow();
  const [messageId] = await storeMessages(
    t.database.db,
    t.clock,
    account,
    [
      buildPlainMessage({
        platformId: `matrix-${crypto.randomUUID()}`,
        author: { id: 'bewoner', handle: 'bewoner', displayName: null, followers: null },
        text: 'Het afval is niet opgehaald',
        visibility: 'openbaar',
        postedAt: t.clock.now(),
        raw: {},
      }),
    ],
    { stream: 'search' },
  );
  await t.worker.drain();
  return messageId!;
}

// An author with a listening item in organisation A only (a handle of its own, so B can never have written).
async function authorOf(a: Tenant, t: TestApp) {
  const view = await simulatedAccount(a, t);
  const account = await t.database.db
    .selectFrom('channel_accounts')
    .selectAll()
    .where('organisation_id', '=', a.org.id)
    .where('id', '=', view.id)
    .executeTakeFirstOrThrow();
  const handle = `omroep${Math.floor(Math.random() * 1e9)}`;
  await storeMessages(
    t.database.db,
    t.clock,
    account,
    [
      buildPlainMessage({
        platformId: `matrix-${crypto.randomUUID()}`,
        author: { id: handle, handle, displayName: 'Omroep', followers: 800 },
        text: 'Vanavond live vanuit de raadzaal',
        visibility: 'openbaar',
        postedAt: t.clock.now(),
        raw: {},
      }),
    ],
    { stream: 'search' },
  );
  await t.worker.drain();
  return handle;
}

// A rumour of organisation A, started from one of its listening items.
async function rumourOf(a: Tenant, t: TestApp) {
  const response = await requestAs(t.app, a.session)('POST', '/api/v1/geruchten', { messageId: await listeningItemOf(a, t) });
  return response.json().id as string;
}

async function handoffPartnerOf(a: Tenant, t: TestApp) {
  const response = await requestAs(t.app, a.session)('POST', '/api/v1/handoff-partners', { name: `Partner ${Math.random()}`, email: 'partner@example.nl' });
  return response.json().id as string;
}

async function firstMessageOf(t: TestApp, conversationId: string) {
  const message = await t.database.db.selectFrom('messages').select('id').where('conversation_id', '=', conversationId).executeTakeFirstOrThrow();
  return message.id;
}

async function knowledgeArticleOf(a: Tenant, t: TestApp) {
  const response = await requestAs(t.app, a.session)('POST', '/api/v1/knowledge-articles', {
    question: 'Wanneer wordt het grofvuil opgehaald?',
    answer: 'Op afspraak.',
  });
  return response.json().id as string;
}

async function sentMessage(a: Tenant, t: TestApp) {
  const account = await simulatedAccount(a, t);
  const queued = await requestAs(t.app, a.session)('POST', '/api/v1/outbox', { accountId: account.id, kind: 'post', text: 'Wordt ingetrokken' });
  await t.worker.drain();
  const outbox = await t.database.db.selectFrom('outbox').select('sent_message_id').where('id', '=', queued.json().id).executeTakeFirstOrThrow();
  return outbox.sent_message_id!;
}

async function failedOutboxItem(a: Tenant, t: TestApp) {
  const account = await simulatedAccount(a, t);
  const response = await requestAs(t.app, a.session)('POST', '/api/v1/outbox', { accountId: account.id, kind: 'post', text: 'Route-matrix' });
  const id = response.json().id as string;
  await t.database.db.updateTable('outbox').set({ status: 'mislukt' }).where('id', '=', id).execute();
  return id;
}

const tinyPng = () =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: '#3a6' } })
    .png()
    .toBuffer();

// A reply waiting for review in organisation A: written by A's beheerder ('eigen', who may change it) or by a
// colleague ('collega', whom A's beheerder may approve or send back).
async function replyDraftOf(a: Tenant, t: TestApp, by: 'eigen' | 'collega') {
  const conversationId = await conversationOf(a, t);
  let session = a.session;
  if (by === 'collega') {
    const colleague = await buildUser(t.database.db, t.clock, a.org.id, { roles: ['webcare'], municipalityIds: a.org.municipalities.map((m) => m.id) });
    session = await signIn(t.app, colleague.email, colleague.password);
  }
  const response = await requestAs(t.app, session)('POST', `/api/v1/conversations/${conversationId}/reply-drafts`, {
    text: 'Antwoord ter controle',
    reviewerUserId: null,
  });
  return response.json().id as string;
}

// Public routes addressed by an organisation's slug answer the same to everyone by design.
const publicBySlug = new Set<string>([
  '/api/v1/organisations/:slug/sign-in-options',
  '/api/v1/oidc/:slug/authorize',
  '/api/v1/organisations/:slug/municipalities/:cbsCode/contact-form',
  '/api/v1/organisations/:slug/municipalities/:cbsCode/contact-challenges',
  '/api/v1/organisations/:slug/municipalities/:cbsCode/contact',
  '/api/v1/organisations/:slug/municipalities/:cbsCode/melding-categories',
  '/api/v1/organisations/:slug/municipalities/:cbsCode/meldingen',
  '/api/v1/organisations/:slug/meldingen/:token',
  '/api/v1/organisations/:slug/municipalities/:cbsCode/meldingen/nearby',
  '/api/v1/organisations/:slug/municipalities/:cbsCode/melding-photos',
  '/api/v1/organisations/:slug/municipalities/:cbsCode/map-settings',
  '/api/v1/organisations/:slug/municipalities/:cbsCode/address-search',
  '/api/v1/organisations/:slug/kto/:token',
  '/api/v1/organisations/:slug/conversation-satisfaction/:token',
  '/api/v1/organisations/:slug/handoffs/:token',
]);

// An analysis of organisation A with a recipient, so that sending it succeeds.
async function analysisOf(a: Tenant, t: TestApp) {
  const response = await requestAs(t.app, a.session)('POST', '/api/v1/analyses', {
    kind: 'issue',
    from: '2026-01-01T00:00:00+01:00',
    until: '2026-01-08T00:00:00+01:00',
    recipients: ['college@example.nl'],
  });
  return response.json().id as string;
}

// Routes a browser is sent to by another site answer bad input with a redirect to the sign-in page.
const browserRedirects = new Set<string>(['/api/v1/oidc/callback', '/api/v1/oidc/:slug/authorize']);

let t: TestApp;
let a: Tenant;
let b: Tenant;

async function tenant(label: string): Promise<Tenant> {
  const org = await buildOrganisation(t.database.db, `Organisatie ${label}`);
  const marker = `merkteken-${label}-${org.id.slice(0, 8)}`;
  const admin = await buildUser(t.database.db, t.clock, org.id, {
    roles: [...ROLES],
    name: `Beheerder ${marker}`,
    municipalityIds: org.municipalities.map((m) => m.id),
  });
  return { org, admin, session: await signIn(t.app, admin.email, admin.password), marker };
}

function fill(url: string, params: Record<string, string>): string {
  return url.replace(/:(\w+)/g, (_, name: string) => params[name] ?? `:${name}`);
}

beforeAll(async () => {
  t = await createTestApp();
  a = await tenant('a');
  b = await tenant('b');
});
afterAll(async () => t.close());

describe('routematrix', () => {
  it('kent routes', () => {
    expect(t.app.routeCatalogue.length).toBeGreaterThan(15);
  });

  it('elke niet-openbare route geeft 401 zonder sessie of token', async () => {
    for (const route of t.app.routeCatalogue.filter((r) => r.access !== 'public')) {
      const response = await t.app.inject({
        method: route.method as 'GET',
        url: fill(route.url, { id: a.org.id, slug: a.org.slug }),
        payload: route.hasBody ? {} : undefined,
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(response.headers['content-type'], `${route.method} ${route.url}`).toContain('application/problem+json');
    }
  });

  it('elke route met een record van organisatie A geeft 404 aan organisatie B, en werkt voor A zelf', async () => {
    for (const route of t.app.routeCatalogue.filter((r) => r.url.includes(':'))) {
      if (publicBySlug.has(route.url)) continue;
      const fixture = recordOf[route.url];
      expect(fixture, `Geen cross-tenant geval voor ${route.method} ${route.url}: voeg het toe aan recordOf`).toBeDefined();
      const { params, body, query } = await fixture!(a, t);
      const url = `${fill(route.url, params)}${query ? `?${query}` : ''}`;
      const asB = await requestAs(t.app, b.session)(route.method as 'GET', url, body);
      expect(asB.statusCode, `B op ${route.method} ${url}: ${asB.body}`).toBe(404);
      const bearerB = await requestAs(t.app, { bearer: (await requestAs(t.app, b.session)('POST', '/api/v1/me/api-tokens', { name: 'matrix' })).json().token })(
        route.method as 'GET',
        url,
        body,
      );
      expect(bearerB.statusCode, `B (token) op ${route.method} ${url}`).toBe(404);
      const asA = await requestAs(t.app, a.session)(route.method as 'GET', url, body);
      expect(asA.statusCode, `A op ${route.method} ${url}: ${asA.body}`).toBeLessThan(300);
    }
  });

  it('lijsten van organisatie B bevatten niets van organisatie A', async () => {
    for (const route of t.app.routeCatalogue.filter((r) => r.method === 'GET' && !r.url.includes(':') && r.access !== 'public')) {
      const response = await requestAs(t.app, b.session)('GET', route.url);
      expect(response.statusCode, route.url).toBe(200);
      expect(response.body, route.url).not.toContain(a.marker);
      expect(response.body, route.url).not.toContain(a.org.id);
      expect(response.body, route.url).not.toContain(a.admin.email);
    }
  });

  it('elke route weigert ongeldige invoer met 400 problem+json in het Nederlands', async () => {
    for (const route of t.app.routeCatalogue) {
      const api = requestAs(t.app, a.session);
      const checks: Array<{ url: string; body?: unknown; why: string }> = [];
      if (route.url.includes(':id')) checks.push({ url: fill(route.url, { id: 'geen-uuid' }), body: route.hasBody ? {} : undefined, why: 'ongeldige id' });
      if (route.hasBody && !route.url.includes(':')) checks.push({ url: route.url, body: { onbekendVeld: 1 }, why: 'onbekend veld' });
      if (route.hasBody && !route.url.includes(':')) checks.push({ url: route.url, body: [], why: 'verkeerd type' });
      if (route.hasQuery) checks.push({ url: `${route.url}?onbekendeParameter=1`, why: 'onbekende parameter' });
      for (const check of checks) {
        const response = await api(route.method as 'GET', check.url, check.body);
        if (browserRedirects.has(route.url)) {
          expect(response.statusCode, `${route.method} ${check.url}`).toBe(302);
          expect(response.headers.location).toMatch(/^\/inloggen\?fout=/);
          continue;
        }
        expect(response.statusCode, `${route.method} ${check.url} (${check.why}): ${response.body}`).toBe(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        const problem = response.json();
        expect(problem).toMatchObject({ status: 400, title: 'Ongeldige invoer' });
        expect(problem.detail).toMatch(/[a-z]/);
      }
    }
  });

  it('rollen beperken acties: een bestuurder kan alleen lezen', async () => {
    const bestuurder = await buildUser(t.database.db, t.clock, a.org.id, { roles: ['bestuurder'] });
    const api = requestAs(t.app, await signIn(t.app, bestuurder.email, bestuurder.password));
    const writes = t.app.routeCatalogue.filter((r) => r.method !== 'GET' && r.permission && r.permission !== 'tokens.own');
    expect(writes.length).toBeGreaterThan(3);
    for (const route of writes) {
      const fixture = recordOf[route.url];
      const { params, body } = fixture ? await fixture(a, t) : { params: {}, body: undefined };
      const response = await api(route.method as 'GET', fill(route.url, params), body ?? (route.hasBody ? {} : undefined));
      // Permission is decided before the input is judged, so even an incomplete body gets 403.
      expect(response.statusCode, `${route.method} ${route.url}: ${response.body}`).toBe(403);
      expect(response.json().code).toBe('geen-toestemming');
    }
    expect((await api('POST', '/api/v1/users', { email: 'x@example.nl', name: 'X', roles: ['kcc'] })).statusCode).toBe(403);
    expect((await api('POST', '/api/v1/teams', { name: 'Stiekem team' })).statusCode).toBe(403);
  });
});
