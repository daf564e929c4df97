import { buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { receive, setUpInbox } from '@test/kits/conversation-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The cases a conversation led to come from the modules that own them (meldingen, klachten), through their index.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('zaken bij een gesprek', () => {
  it('toont de melding en de klacht die van de berichten van het gesprek gemaakt zijn, de klacht alleen aan wie het register mag lezen', async () => {
    const { org, castricum, account, admin } = await setUpInbox(t);
    const { messageId, conversationId } = await receive(t, account, { text: 'De lantaarnpaal bij de kerk is al weken kapot, en niemand reageert!' });
    const { messageId: other } = await receive(t, account, { author: 'buurman', text: 'Ook hier een losse tegel' });

    const { categories } = (
      await t.app.inject({ method: 'GET', url: `/api/v1/organisations/${org.slug}/municipalities/GM0383/melding-categories` })
    ).json() as {
      categories: { id: string; code: string }[];
    };
    const lamp = categories.find((category) => category.code === 'verlichting-lantaarnpaal')!;
    const melding = await admin('POST', '/api/v1/meldingen', {
      municipalityId: castricum.id,
      categoryId: lamp.id,
      description: 'Lantaarnpaal kapot bij de kerk',
      lat: 52.55,
      lon: 4.66,
      messageId,
    });
    expect(melding.statusCode, melding.body).toBe(201);
    // A melding from another conversation's message is not this conversation's case.
    expect(
      (
        await admin('POST', '/api/v1/meldingen', {
          municipalityId: castricum.id,
          categoryId: lamp.id,
          description: 'Losse tegel',
          lat: 52.55,
          lon: 4.66,
          messageId: other,
        })
      ).statusCode,
    ).toBe(201);
    const klacht = await admin('POST', '/api/v1/klachten', {
      municipalityId: castricum.id,
      complainantName: 'Inwoner',
      subject: 'Niemand reageert op mijn melding',
      theme: 'termijnen',
      channel: 'formulier',
      messageId,
    });
    expect(klacht.statusCode, klacht.body).toBe(201);

    const cases = (await admin('GET', `/api/v1/conversations/${conversationId}/cases`)).json() as { kind: string; number: string; statusLabel: string }[];
    expect(cases.map((found) => [found.kind, found.number])).toEqual([
      ['melding', melding.json().number],
      ['klacht', klacht.json().number],
    ]);
    expect(cases.every((found) => found.statusLabel.length > 0)).toBe(true);

    // A communicatieadviseur handles the inbox but may not read the klachten register.
    const adviser = await buildUser(t.database.db, t.clock, org.id, { roles: ['communicatieadviseur'], municipalityIds: [castricum.id] });
    const asAdviser = requestAs(t.app, await signIn(t.app, adviser.email, adviser.password));
    expect(((await asAdviser('GET', `/api/v1/conversations/${conversationId}/cases`)).json() as { kind: string }[]).map((found) => found.kind)).toEqual([
      'melding',
    ]);

    // Another organisation does not learn the conversation exists.
    const stranger = await buildOrganisation(t.database.db);
    const outsider = await buildUser(t.database.db, t.clock, stranger.id, { roles: ['beheerder'] });
    const asOutsider = requestAs(t.app, await signIn(t.app, outsider.email, outsider.password));
    expect((await asOutsider('GET', `/api/v1/conversations/${conversationId}/cases`)).statusCode).toBe(404);
  });
});
