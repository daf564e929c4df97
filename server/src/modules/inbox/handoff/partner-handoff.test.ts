import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { receive, setUpInbox } from '@test/kits/conversation-kit';
import { startSmtpSink } from '@test/smtp-sink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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

const partnerAddress = () => `woonpartner-${crypto.randomUUID().slice(0, 8)}@example.nl`;
const mailsTo = (to: string) => sink.received.filter((mail) => mail.to.includes(to));
// The link as the partner clicks it, from the mail as it arrived (soft line breaks of quoted-printable undone).
function linkIn(raw: string) {
  const match = /\/overdracht\/([a-z0-9-]+)\/([A-Za-z0-9_-]{20,64})/.exec(raw.replace(/=\r?\n/g, ''));
  if (!match) throw new Error(`Geen link in ${raw}`);
  return { slug: match[1]!, token: match[2]!, api: `/api/v1/organisations/${match[1]}/handoffs/${match[2]}` };
}
const partnerCall = (method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, remoteAddress: `10.77.${Math.floor(Math.random() * 250)}.1`, ...(payload && { payload }) });

async function partnerSetup(answerDays = 2) {
  const setup = await setUpInbox(t);
  const email = partnerAddress();
  const partner = await setup.admin('POST', '/api/v1/handoff-partners', {
    name: `Woonstichting ${email.slice(12, 18)}`,
    email,
    municipalityId: setup.castricum.id,
    answerDays,
  });
  expect(partner.statusCode, partner.body).toBe(201);
  return { ...setup, partner: partner.json(), email };
}

describe('overdracht aan een partner', () => {
  it('mailt de partner één keer, volgt geopend → in behandeling → afgehandeld en geeft het gesprek dan terug', async () => {
    const { account, admin, partner, email } = await partnerSetup();
    const { conversationId } = await receive(t, account, { author: 'huurder', text: 'Mijn huurwoning heeft schimmel, wie helpt mij?' });

    const handed = await admin('POST', `/api/v1/conversations/${conversationId}/handoffs`, {
      to: 'partner',
      partnerId: partner.id,
      question: 'Een huurder meldt schimmel in de woning.',
      context: 'Adres: Dorpsstraat 1',
    });
    expect(handed.statusCode, handed.body).toBe(201);
    const [handoff] = handed.json().handoffs;
    // Sent on Monday 23-11-2026: two working days is the end of Wednesday.
    expect(handoff).toMatchObject({
      kind: 'partner',
      status: 'verstuurd',
      partnerName: partner.name,
      question: 'Een huurder meldt schimmel in de woning.',
      overdue: false,
      dueAt: '2026-11-25T22:59:59.999Z',
    });
    let detail = (await admin('GET', `/api/v1/conversations/${conversationId}`)).json();
    expect(detail.state).toBe('wachtend');
    expect(detail.partnerDueAt).toBe('2026-11-25T22:59:59.999Z');
    expect(detail.events.at(-1)).toMatchObject({ kind: 'overdracht', text: expect.stringContaining(`Doorgezet naar ${partner.name}`) });

    // Exactly one mail, also when the worker runs again.
    await t.worker.drain();
    await t.worker.drain();
    expect(mailsTo(email)).toHaveLength(1);
    const raw = mailsTo(email)[0]!.raw;
    expect(raw).toContain('schimmel');
    expect(raw).not.toContain('@huurder');
    const link = linkIn(raw);
    expect(
      (await t.database.db.selectFrom('conversation_handoffs').select('token_hash').where('id', '=', handoff.id).executeTakeFirstOrThrow()).token_hash,
    ).not.toContain(link.token);

    const view = await partnerCall('GET', link.api);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({
      partnerName: partner.name,
      municipality: 'Castricum',
      question: 'Een huurder meldt schimmel in de woning.',
      context: 'Adres: Dorpsstraat 1',
      status: 'geopend',
      answer: null,
    });
    await partnerCall('GET', link.api);
    detail = (await admin('GET', `/api/v1/conversations/${conversationId}`)).json();
    expect(detail.events.filter((e: { text: string }) => e.text.includes('geopend'))).toHaveLength(1);

    const working = await partnerCall('POST', link.api, { status: 'in-behandeling' });
    expect(working.statusCode, working.body).toBe(200);
    expect(working.json().status).toBe('in-behandeling');
    expect((await admin('GET', `/api/v1/conversations/${conversationId}`)).json().state).toBe('wachtend');

    const noAnswer = await partnerCall('POST', link.api, { status: 'afgehandeld' });
    expect(noAnswer.statusCode).toBe(400);
    expect(noAnswer.json()).toMatchObject({ title: 'Ongeldige invoer', invalidParams: [{ name: 'answer', reason: 'Schrijf een kort antwoord' }] });

    const done = await partnerCall('POST', link.api, { status: 'afgehandeld', answer: 'Wij sturen maandag een opzichter.' });
    expect(done.statusCode, done.body).toBe(200);
    detail = (await admin('GET', `/api/v1/conversations/${conversationId}`)).json();
    expect(detail.state).toBe('open');
    expect(detail.partnerDueAt).toBeNull();
    expect(detail.events.at(-1)).toMatchObject({
      kind: 'overdracht',
      actorName: partner.name,
      text: expect.stringContaining('Wij sturen maandag een opzichter.'),
    });
    const list = (await admin('GET', `/api/v1/conversations/${conversationId}/handoffs`)).json();
    expect(list.handoffs).toMatchObject([{ status: 'afgehandeld', answer: 'Wij sturen maandag een opzichter.', openedAt: expect.any(String) }]);

    const again = await partnerCall('POST', link.api, { status: 'teruggegeven', answer: 'Toch niet' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'overdracht-al-afgerond' });
    expect(mailsTo(email)).toHaveLength(1);
  });

  it('staat bij "te laat" na de werkdagen van de partner, en niet meer als de partner het teruggeeft', async () => {
    const { account, admin: firstSession, partner, beheerder } = await partnerSetup(1);
    const { conversationId } = await receive(t, account, { author: 'wachter' });
    await firstSession('POST', `/api/v1/conversations/${conversationId}/handoffs`, { to: 'partner', partnerId: partner.id, question: 'Graag uw reactie.' });
    expect((await firstSession('GET', '/api/v1/conversations?view=te-laat')).json().items.map((c: { id: string }) => c.id)).not.toContain(conversationId);

    t.clock.advance(2 * 86_400_000);
    // Two days later the agent signs in again (sessions end when idle).
    const admin = requestAs(t.app, await signIn(t.app, beheerder.email, beheerder.password));
    const late = async () => (await admin('GET', '/api/v1/conversations?view=te-laat')).json().items.map((c: { id: string }) => c.id);
    expect(await late()).toContain(conversationId);
    expect((await admin('GET', `/api/v1/conversations/${conversationId}`)).json().overdue).toBe(true);
    expect((await admin('GET', `/api/v1/conversations/${conversationId}/handoffs`)).json().handoffs[0].overdue).toBe(true);

    await t.worker.drain();
    const link = linkIn(sink.received.at(-1)!.raw);
    expect((await partnerCall('POST', link.api, { status: 'teruggegeven', answer: 'Dit hoort bij de gemeente.' })).statusCode).toBe(200);
    expect(await late()).not.toContain(conversationId);
    const detail = (await admin('GET', `/api/v1/conversations/${conversationId}`)).json();
    expect(detail).toMatchObject({ state: 'open', overdue: false });
  });

  it('weigert een tweede overdracht zolang de partner niet antwoordde, en ongeldige invoer in het Nederlands', async () => {
    const { account, admin, partner, bergen } = await partnerSetup();
    const { conversationId } = await receive(t, account, { author: 'dubbel' });
    const cases = [
      { to: 'partner', partnerId: partner.id },
      { to: 'partner', partnerId: partner.id, question: '   ' },
      { to: 'partner', partnerId: crypto.randomUUID(), question: 'Vraag' },
      { to: 'partner', partnerId: partner.id, question: '<script>x</script>' },
    ];
    for (const body of cases) {
      const response = await admin('POST', `/api/v1/conversations/${conversationId}/handoffs`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().title).toBe('Ongeldige invoer');
    }
    // A partner for Bergen does not take Castricum's questions.
    const bergenPartner = (
      await admin('POST', '/api/v1/handoff-partners', { name: `Bergen ${crypto.randomUUID().slice(0, 6)}`, email: partnerAddress(), municipalityId: bergen.id })
    ).json();
    const elsewhere = await admin('POST', `/api/v1/conversations/${conversationId}/handoffs`, {
      to: 'partner',
      partnerId: bergenPartner.id,
      question: 'Vraag',
    });
    expect(elsewhere.json()).toMatchObject({ code: 'partner-andere-gemeente' });

    expect(
      (await admin('POST', `/api/v1/conversations/${conversationId}/handoffs`, { to: 'partner', partnerId: partner.id, question: 'Vraag' })).statusCode,
    ).toBe(201);
    const twice = await admin('POST', `/api/v1/conversations/${conversationId}/handoffs`, { to: 'partner', partnerId: partner.id, question: 'Nog eens' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'overdracht-loopt-al' });
  });
});

describe('de link van de partner', () => {
  it('verloopt na 30 dagen (410), en is onbekend bij een andere organisatie of een andere token (404)', async () => {
    const { account, admin, partner, email, beheerder } = await partnerSetup();
    const { conversationId } = await receive(t, account, { author: 'laat' });
    await admin('POST', `/api/v1/conversations/${conversationId}/handoffs`, { to: 'partner', partnerId: partner.id, question: 'Vraag' });
    await t.worker.drain();
    const link = linkIn(mailsTo(email)[0]!.raw);

    const stranger = await setUpInbox(t);
    expect((await partnerCall('GET', `/api/v1/organisations/${stranger.org.slug}/handoffs/${link.token}`)).statusCode).toBe(404);
    expect((await partnerCall('GET', `/api/v1/organisations/${link.slug}/handoffs/${'x'.repeat(32)}`)).statusCode).toBe(404);
    for (const payload of [{}, { status: 'gesloten' }, { status: 'afgehandeld', answer: '<b>klaar</b>' }, { status: 'in-behandeling', extra: 1 }]) {
      const response = await partnerCall('POST', link.api, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().title).toBe('Ongeldige invoer');
    }

    t.clock.advance(29 * 86_400_000);
    expect((await partnerCall('GET', link.api)).statusCode).toBe(200);
    t.clock.advance(2 * 86_400_000);
    const expired = await partnerCall('GET', link.api);
    expect(expired.statusCode).toBe(410);
    expect(expired.json()).toMatchObject({ code: 'overdracht-verlopen', detail: expect.stringContaining('30 dagen') });
    expect((await partnerCall('POST', link.api, { status: 'afgehandeld', answer: 'Te laat' })).statusCode).toBe(410);
    const again = requestAs(t.app, await signIn(t.app, beheerder.email, beheerder.password));
    const [row] = (await again('GET', `/api/v1/conversations/${conversationId}/handoffs`)).json().handoffs;
    expect(row).toMatchObject({ status: 'geopend', answer: null });
    expect((await requestAs(t.app, null)('GET', `/api/v1/conversations/${conversationId}/handoffs`)).statusCode).toBe(401);
  });
});
