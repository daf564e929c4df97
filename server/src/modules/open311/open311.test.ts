import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliOrigin } from '@platform/context.service';
import { createOrganisation } from '@platform/organisations/organisations.service';
import { CASTRICUM_BOUNDARY } from '@test/castricum-boundary';
import { buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { cycleRemoteAddresses } from '@test/remote-addresses';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOperatorActor } from '../../cli/operator.service';
import { createOpen311Client } from './open311-clients.service';

// The official GeoReport v2 shapes, kept next to the repository; without them this test cannot vouch for
// anything, so it fails instead of skipping.
const CONFORMANCE = join(process.cwd(), 'test', 'conformance', 'open311-georeport-v2');

let t: TestApp;
let validators: Record<'services' | 'serviceDefinition' | 'requests' | 'postResponse', ValidateFunction>;

beforeAll(async () => {
  if (!existsSync(CONFORMANCE)) {
    throw new Error(
      `De officiële Open311-schema's ontbreken: verwacht in ${CONFORMANCE} (request.json, requests.json, service.json, services.json, service-definition.json, swagger.json).`,
    );
  }
  const load = (file: string) => JSON.parse(readFileSync(join(CONFORMANCE, file), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // The swagger file's own format for identifiers; any string.
  ajv.addFormat('uid', true);
  ajv.addSchema(load('request.json'), 'request.json');
  ajv.addSchema(load('service.json'), 'service.json');
  const swagger = load('swagger.json') as { definitions: Record<string, object> };
  validators = {
    services: ajv.compile(load('services.json')),
    serviceDefinition: ajv.compile(load('service-definition.json')),
    requests: ajv.compile(load('requests.json')),
    postResponse: ajv.compile({ type: 'array', minItems: 1, items: swagger.definitions.RequestResponse }),
  };
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

function expectValid(kind: keyof typeof validators, body: unknown) {
  const validate = validators[kind];
  expect(validate(body), `${kind}: ${JSON.stringify(validate.errors)}\n${JSON.stringify(body)}`).toBe(true);
}

// GeoReport's XML: every list is named, with an element per item.
const ITEMS: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
};
const parser = new XMLParser({ parseTagValue: false, isArray: (name) => Object.values(ITEMS).includes(name) });

// The JSON body as it should read in the XML: all text, null as empty, lists wrapped in their item name.
function asXml(value: unknown, name: string): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.length === 0 ? '' : { [ITEMS[name]!]: value.map((item) => asXml(item, ITEMS[name]!)) };
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, asXml(entry, key)]));
  return String(value);
}

function expectSameXml(xml: string, root: string, json: unknown) {
  expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  expect(parser.parse(xml)[root]).toEqual(asXml(json, root));
}

// Castricum roughly, as a GeoJSON polygon (lon, lat).
const IN_CASTRICUM = { lat: '52.548', long: '4.669' };
const nextAddress = cycleRemoteAddresses(3);

async function setup() {
  const org = await buildOrganisation(t.database.db);
  const castricum = org.municipalities.find((m) => m.cbs_code === 'GM0383')!;
  await t.database.db
    .updateTable('municipalities')
    .set({ boundary: JSON.stringify(CASTRICUM_BOUNDARY) })
    .where('organisation_id', '=', org.id)
    .where('id', '=', castricum.id)
    .execute();
  const ctx = { db: t.database.db, clock: t.clock, actor: makeOperatorActor(org.id), origin: cliOrigin };
  const { apiKey } = await createOpen311Client(ctx, 'Buurtapp');
  const query = `jurisdiction_id=GM0383&organisation=${org.slug}`;
  // Every call from an address of its own: the per-address limits are not what is tested here.
  const get = (path: string) => t.app.inject({ method: 'GET', url: `/open311/v2/${path}`, remoteAddress: nextAddress() });
  const post = (format: 'json' | 'xml', fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: `/open311/v2/requests.${format}`,
      remoteAddress: nextAddress(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });
  const report = (fields: Record<string, string> = {}) =>
    post('json', {
      api_key: apiKey,
      jurisdiction_id: 'GM0383',
      service_code: 'wegen-bestrating',
      ...IN_CASTRICUM,
      description: 'Losliggende stoeptegel voor nummer 12.',
      ...fields,
    });
  const count = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('meldingen')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('organisation_id', '=', org.id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { org, castricum, apiKey, query, get, post, report, count };
}

describe('Open311: discovery en diensten', () => {
  it('beschrijft zichzelf in discovery, in JSON en XML', async () => {
    const { get } = await setup();
    const json = await get('discovery.json');
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.json()).toMatchObject({
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: 'http://plein.test/open311/v2',
          type: 'production',
          formats: ['application/json', 'text/xml'],
        },
      ],
    });
    const xml = await get('discovery.xml');
    expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
    expectSameXml(xml.body, 'discovery', json.json());
  });

  it('geeft de kiesbare categorieën als services met groep, en de extra vragen als service definition', async () => {
    const { get, query } = await setup();
    const response = await get(`services.json?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    const services = response.json() as { service_code: string; group: string | null; metadata: boolean; service_name: string; type: string }[];
    expectValid('services', services);
    expect(services.find((s) => s.service_code === 'wegen-bestrating')).toMatchObject({
      service_name: 'Losliggende tegel of gat in de weg',
      group: 'Wegen, verkeer en straatmeubilair',
      metadata: false,
      type: 'realtime',
    });
    expect(services.find((s) => s.service_code === 'verlichting-lantaarnpaal')?.metadata).toBe(true);
    // A main category with subcategories is a group, not a service.
    expect(services.map((s) => s.service_code)).not.toContain('wegen');
    expectSameXml((await get(`services.xml?${query}`)).body, 'services', services);

    const definition = await get(`services/overlast-geluid.json?${query}`);
    expect(definition.statusCode, definition.body).toBe(200);
    expectValid('serviceDefinition', definition.json());
    expect(definition.json()).toEqual({
      service_code: 'overlast-geluid',
      attributes: [
        expect.objectContaining({
          variable: true,
          code: 'wanneer',
          datatype: 'singlevaluelist',
          required: true,
          order: 1,
          description: 'Wanneer is er overlast?',
          values: [
            { key: 'Nu', name: 'Nu' },
            { key: 'Vaker, overdag', name: 'Vaker, overdag' },
            { key: 'Vaker, ’s avonds of ’s nachts', name: 'Vaker, ’s avonds of ’s nachts' },
          ],
        }),
      ],
    });
    expectSameXml((await get(`services/overlast-geluid.xml?${query}`)).body, 'service_definition', definition.json());
    const plain = (await get(`services/wegen-bestrating.json?${query}`)).json();
    expect(plain).toEqual({ service_code: 'wegen-bestrating', attributes: [] });
    expectValid('serviceDefinition', plain);

    const unknown = await get(`services/bestaat-niet.json?${query}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual([{ code: 404, description: expect.stringContaining('bestaat-niet') }]);
  });

  it('vindt de gemeente aan haar CBS-code, alleen als die in Plein eenduidig is', async () => {
    const { get, org } = await setup();
    // Every test organisation has Castricum: without ?organisation= the code is ambiguous.
    const ambiguous = await get('services.json?jurisdiction_id=GM0383');
    expect(ambiguous.statusCode).toBe(404);
    expect(ambiguous.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(ambiguous.json()).toEqual([{ code: 404, description: expect.stringContaining('meer dan één organisatie') }]);
    const unknown = await get('services.xml?jurisdiction_id=GM0998');
    expect(unknown.statusCode).toBe(404);
    expect(parser.parse(unknown.body).errors.error).toEqual([{ code: '404', description: expect.stringContaining('GM0998') }]);
    expect((await get('services.json?jurisdiction_id=Castricum')).json()).toEqual([{ code: 400, description: expect.stringContaining('CBS') }]);
    expect((await get(`services.json?organisation=${org.slug}`)).json()).toEqual([
      { code: 400, description: expect.stringContaining('jurisdiction_id ontbreekt') },
    ]);

    await createOrganisation(t.database.db, {
      slug: `uniek-${Date.now().toString(36)}`,
      name: 'Alleen Heiloo',
      municipalities: [{ name: 'Heiloo', cbsCode: 'GM0399', inhabitants: 24_000 }],
    });
    const unique = await get('services.json?jurisdiction_id=GM0399');
    expect(unique.statusCode, unique.body).toBe(200);
    expectValid('services', unique.json());
  });

  it('antwoordt op onbekende adressen en methodes met de GeoReport-foutenlijst, niet met problem+json', async () => {
    const { get } = await setup();
    const missing = await get('bestaat-niet.json');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual([{ code: 404, description: expect.any(String) }]);
    const wrongMethod = await t.app.inject({ method: 'DELETE', url: '/open311/v2/requests.json' });
    expect(wrongMethod.statusCode).toBe(405);
    expect(wrongMethod.headers.allow).toBe('GET, POST');
    expect(wrongMethod.json()).toEqual([{ code: 405, description: expect.any(String) }]);
  });
});

describe('Open311: een melding doen', () => {
  it('maakt van een herhaalde POST één melding: met dezelfde Idempotency-Key, of zonder sleutel met dezelfde inhoud van dezelfde app', async () => {
    const { apiKey, count } = await setup();
    const fields = {
      api_key: apiKey,
      jurisdiction_id: 'GM0383',
      service_code: 'wegen-bestrating',
      ...IN_CASTRICUM,
      description: 'Gat in de weg bij de bakker.',
    };
    const send = (extra: Record<string, string>, key?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        remoteAddress: nextAddress(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(key && { 'idempotency-key': key }) },
        payload: new URLSearchParams({ ...fields, ...extra }).toString(),
      });
    const key = 'buurtapp-verzoek-0000000001';
    const first = await send({}, key);
    expect(first.statusCode, first.body).toBe(200);
    expect((await send({}, key)).json()).toEqual(first.json());
    const reused = await send({ description: 'Iets anders: een omgewaaide boom.' }, key);
    expect(reused.statusCode).toBe(422);
    expect(reused.json()).toEqual([{ code: 422, description: expect.stringContaining('Idempotency-Key') }]);
    // Without a key (GeoReport has none), the same melding from the same app within minutes is the first one.
    expect((await send({ description: 'Gat in de weg bij de bakker. ' })).json()).toEqual(first.json());
    expect(await count()).toBe(1);
    const other = await send({ description: 'Gat in de weg bij de slager.' });
    expect(other.json()[0].service_request_id).not.toBe(first.json()[0].service_request_id);
    expect(await count()).toBe(2);
  });

  it('maakt van een form-encoded POST een melding (bron open311) die met GET requests/{id} terug te lezen is', async () => {
    const { org, apiKey, query, get, post } = await setup();
    const response = await post('json', {
      api_key: apiKey,
      jurisdiction_id: 'GM0383',
      service_code: 'verlichting-lantaarnpaal',
      ...IN_CASTRICUM,
      address_string: 'Dorpsstraat 12, Castricum',
      email: 'Sanne@Example.nl',
      phone: '0612345678',
      first_name: 'Sanne',
      last_name: 'de Vries',
      description: 'De lantaarnpaal voor nummer 12 brandt al een week niet.',
      'attribute[paalnummer]': 'CA-1234',
      media_url: 'https://fotos.example.org/lamp.jpg',
    });
    expect(response.statusCode, response.body).toBe(200);
    expectValid('postResponse', response.json());
    const [receipt] = response.json() as { service_request_id: string; service_notice: string }[];
    expect(receipt!.service_request_id).toMatch(/^2026-\d{5}$/);
    expect(receipt!.service_notice).toContain('10 werkdagen');

    const row = await t.database.db
      .selectFrom('meldingen')
      .selectAll()
      .where('organisation_id', '=', org.id)
      .where('number', '=', receipt!.service_request_id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      source: 'open311',
      reporter_email: 'sanne@example.nl',
      reporter_phone: '0612345678',
      address: 'Dorpsstraat 12, Castricum',
      lat: 52.548,
      lon: 4.669,
    });
    expect(row.answers).toEqual({ paalnummer: 'CA-1234', open311_media_url: 'https://fotos.example.org/lamp.jpg' });
    expect(row.external_id).toMatch(/^[0-9a-f-]{36}:[0-9a-f-]{36}$/);
    const mail = await t.database.db
      .selectFrom('jobs')
      .select('payload')
      .where('organisation_id', '=', org.id)
      .where('name', '=', 'mail.versturen')
      .executeTakeFirstOrThrow();
    expect(mail.payload).toMatchObject({ to: 'sanne@example.nl', subject: `Uw melding ${receipt!.service_request_id} is ontvangen` });

    const read = await get(`requests/${receipt!.service_request_id}.json?${query}`);
    expect(read.statusCode, read.body).toBe(200);
    expectValid('requests', read.json());
    expect(read.json()).toEqual([
      {
        service_request_id: receipt!.service_request_id,
        status: 'open',
        status_notes: null,
        service_name: 'Lantaarnpaal kapot',
        service_code: 'verlichting-lantaarnpaal',
        description: 'De lantaarnpaal voor nummer 12 brandt al een week niet.',
        agency_responsible: 'Openbare verlichting',
        service_notice: receipt!.service_notice,
        requested_datetime: t.clock.now().toISOString(),
        updated_datetime: t.clock.now().toISOString(),
        expected_datetime: row.deadline.toISOString(),
        address: 'Dorpsstraat 12, Castricum',
        lat: 52.548,
        long: 4.669,
        media_url: null,
      },
    ]);
    // Nobody learns how to reach the reporter through Open311.
    expect(read.body).not.toMatch(/sanne|0612345678/i);
    expectSameXml((await get(`requests/${receipt!.service_request_id}.xml?${query}`)).body, 'service_requests', read.json());
    // The api_key alone tells the organisation too.
    expect((await get(`requests/${receipt!.service_request_id}.json?jurisdiction_id=GM0383&api_key=${apiKey}`)).json()).toEqual(read.json());
    // Another municipality of the same organisation does not have it.
    expect((await get(`requests/${receipt!.service_request_id}.json?jurisdiction_id=GM0373&organisation=${org.slug}`)).statusCode).toBe(404);

    const xml = await post('xml', {
      api_key: apiKey,
      jurisdiction_id: 'GM0383',
      service_code: 'wegen-bestrating',
      ...IN_CASTRICUM,
      description: 'Gat in de weg bij de rotonde.',
    });
    expect(xml.statusCode, xml.body).toBe(200);
    expect(parser.parse(xml.body).service_requests.request).toEqual([
      { service_request_id: expect.stringMatching(/^2026-\d{5}$/), service_notice: expect.stringContaining('5 werkdagen') },
    ]);

    // JSON is accepted too, with the attributes as an object.
    const asJson = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      remoteAddress: nextAddress(),
      payload: {
        api_key: apiKey,
        jurisdiction_id: 'GM0383',
        service_code: 'overlast-geluid',
        lat: 52.548,
        long: 4.669,
        description: 'Harde muziek uit de loods.',
        attribute: { wanneer: 'Nu' },
      },
    });
    expect(asJson.statusCode, asJson.body).toBe(200);
    expectValid('postResponse', asJson.json());
  });

  it('kent de grens van Castricum zonder dat een beheerder die laadt: een melding in Rotterdam wordt geweigerd', async () => {
    const { org, castricum, report, count } = await setup();
    await t.database.db.updateTable('municipalities').set({ boundary: null }).where('organisation_id', '=', org.id).where('id', '=', castricum.id).execute();
    const rotterdam = await report({ lat: '51.9225', long: '4.4792' });
    expect(rotterdam.statusCode, rotterdam.body).toBe(400);
    expect(rotterdam.json()).toEqual([{ code: 400, description: expect.stringContaining('buiten de gemeente Castricum') }]);
    expect(await count()).toBe(0);
    expect((await report()).statusCode).toBe(200);
  });

  it('weigert een foute of ontbrekende api_key met 403 en foute invoer met 400, en slaat dan niets op', async () => {
    const { org, apiKey, post, report, count } = await setup();
    const refused = await report({ api_key: `o311_${org.id.replaceAll('-', '')}_${'x'.repeat(43)}` });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(refused.json()).toEqual([{ code: 403, description: expect.stringContaining('api_key') }]);
    expect((await report({ api_key: '' })).json()).toEqual([{ code: 403, description: expect.stringContaining('api_key ontbreekt') }]);
    const xmlRefused = await post('xml', { api_key: 'geen-sleutel', jurisdiction_id: 'GM0383' });
    expect(xmlRefused.statusCode).toBe(403);
    expect(xmlRefused.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(parser.parse(xmlRefused.body).errors.error).toEqual([{ code: '403', description: expect.stringContaining('api_key') }]);

    const cases: [Record<string, string>, string[]][] = [
      [{ service_code: '', lat: '', long: '', description: '' }, ['service_code ontbreekt', 'lat en long ontbreken', 'description ontbreekt']],
      [{ service_code: 'bestaat-niet' }, ['service_code "bestaat-niet" bestaat niet']],
      [{ service_code: 'wegen' }, ['service_code "wegen" bestaat niet']],
      [{ lat: '', long: '', address_string: 'Dorpsstraat 12' }, ['Alleen een adres']],
      [{ lat: 'noord' }, ['lat "noord" is geen getal']],
      [{ lat: '52.37', long: '4.89' }, ['lat en long: Deze plek ligt buiten de gemeente Castricum']],
      [{ jurisdiction_id: 'GM0999' }, ['GM0999 hoort niet bij']],
      [{ service_code: 'overlast-geluid' }, ['attribute[wanneer]: Wanneer is er overlast?: vul dit in.']],
      [{ service_code: 'overlast-geluid', 'attribute[wanneer]': 'Altijd' }, ['attribute[wanneer]']],
      [{ 'attribute[kleur]': 'rood' }, ['attribute[kleur]']],
      [{ email: 'geen-adres' }, ['email:']],
      [{ description: 'Kijk <script>alert(1)</script>' }, ['description:']],
      [{ media_url: 'javascript:alert(1)' }, ['media_url']],
    ];
    for (const [fields, mentions] of cases) {
      const response = await report(fields);
      expect(response.statusCode, `${JSON.stringify(fields)} → ${response.body}`).toBe(400);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      const errors = response.json() as { code: number; description: string }[];
      for (const error of errors) expect(error).toEqual({ code: 400, description: expect.any(String) });
      for (const mention of mentions) expect(errors.map((e) => e.description).join(' | '), JSON.stringify(fields)).toContain(mention);
    }
    // Only form-encoded (with or without charset) and JSON bodies are read.
    const other = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      remoteAddress: nextAddress(),
      headers: { 'content-type': 'text/plain' },
      payload: 'service_code=x',
    });
    expect(other.statusCode).toBe(415);
    expect(other.json()).toEqual([{ code: 415, description: expect.stringContaining('x-www-form-urlencoded') }]);
    expect(await count()).toBe(0);
    const charset = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      remoteAddress: nextAddress(),
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
      payload: new URLSearchParams({
        api_key: apiKey,
        jurisdiction_id: 'GM0383',
        service_code: 'afval-dumping',
        ...IN_CASTRICUM,
        description: 'Matras naast de container.',
      }).toString(),
    });
    expect(charset.statusCode, charset.body).toBe(200);
    expect(await count()).toBe(1);

    // A revoked key no longer works.
    await t.database.db.updateTable('open311_clients').set({ revoked_at: t.clock.now() }).where('organisation_id', '=', org.id).execute();
    expect((await report()).statusCode).toBe(403);
    expect(await count()).toBe(1);
    expect(apiKey).toMatch(/^o311_[0-9a-f]{32}_[\w-]{43}$/);
  });
});

describe('Open311: meldingen opvragen', () => {
  it('geeft de lijst in pagina’s met een Link naar de volgende, en zonder contactgegevens in beschrijving en statustekst', async () => {
    const { org, query, get, report } = await setup();
    const numbers: string[] = [];
    for (const description of [
      'Losse tegel bij de bakker, bel me op 06-12345678 of mail naar sanne@example.nl',
      'Losse tegel bij de slager.',
      'Losse tegel bij de kerk.',
    ]) {
      const filed = await report({ description });
      expect(filed.statusCode, filed.body).toBe(200);
      numbers.push(filed.json()[0].service_request_id);
      t.clock.advance(60_000);
    }
    const first = await get(`requests.json?${query}&page_size=2`);
    expect(first.statusCode, first.body).toBe(200);
    expectValid('requests', first.json());
    expect(first.json().map((r: { service_request_id: string }) => r.service_request_id)).toEqual([numbers[2], numbers[1]]);
    const next = /<([^>]+)>; rel="next"/.exec(String(first.headers.link))?.[1];
    expect(next).toContain('page=2');
    const second = await get(next!.replace(/^.*\/open311\/v2\//, ''));
    expect(second.json().map((r: { service_request_id: string }) => r.service_request_id)).toEqual([numbers[0]]);
    expect(second.headers.link).toBeUndefined();
    expect(second.json()[0].description).toBe('Losse tegel bij de bakker, bel me op [weggelaten] of mail naar [weggelaten]');
    expect((await get(`requests.json?${query}&page_size=5000`)).statusCode).toBe(400);
    expect((await get(`requests.json?${query}&page=0`)).json()[0].description).toContain('page moet een geheel getal');

    // What a handler wrote to the reporter is blanked out in the same way.
    const beheerder = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
    const admin = requestAs(t.app, await signIn(t.app, beheerder.email, beheerder.password));
    const id = (
      await t.database.db.selectFrom('meldingen').select('id').where('organisation_id', '=', org.id).where('number', '=', numbers[0]!).executeTakeFirstOrThrow()
    ).id;
    const done = await admin('POST', `/api/v1/meldingen/${id}/status`, { status: 'afgehandeld', message: 'Opgelost. Vragen? Bel mij op 06 98765432.' });
    expect(done.statusCode, done.body).toBe(200);
    const one = await get(`requests/${numbers[0]}.json?${query}`);
    expect(one.json()[0].status_notes).toBe('Afgehandeld: Opgelost. Vragen? Bel mij op [weggelaten].');
  });

  it('filtert op service_code, status (na afhandeling door een medewerker), periode en nummer', async () => {
    const { org, query, get, report } = await setup();
    const beheerder = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
    const session = requestAs(t.app, await signIn(t.app, beheerder.email, beheerder.password));
    const admin = requestAs(t.app, { bearer: (await session('POST', '/api/v1/me/api-tokens', { name: 'test' })).json().token as string });

    const numberOf = async (fields: Record<string, string> = {}) => {
      const response = await report(fields);
      expect(response.statusCode, response.body).toBe(200);
      return (response.json() as { service_request_id: string }[])[0]!.service_request_id;
    };
    const first = t.clock.now();
    const tegel = await numberOf();
    t.clock.advance(60_000);
    const lamp = await numberOf({ service_code: 'verlichting-lantaarnpaal', description: 'Lamp kapot bij het fietspad.' });
    t.clock.advance(10 * 86_400_000);
    const later = await numberOf({ description: 'Nog een losse tegel, bij de bakker.' });

    const list = async (filters: string) => {
      const response = await get(`requests.json?${query}${filters}`);
      expect(response.statusCode, response.body).toBe(200);
      expectValid('requests', response.json());
      return response.json() as { service_request_id: string; status: string; status_notes: string | null; updated_datetime: string }[];
    };
    expect((await list('')).map((r) => r.service_request_id)).toEqual([later, lamp, tegel]);
    expect((await list('&service_code=wegen-bestrating')).map((r) => r.service_request_id)).toEqual([later, tegel]);
    // A main category stands for its subcategories.
    expect((await list('&service_code=verlichting')).map((r) => r.service_request_id)).toEqual([lamp]);

    const lampId = (
      await t.database.db.selectFrom('meldingen').select('id').where('organisation_id', '=', org.id).where('number', '=', lamp).executeTakeFirstOrThrow()
    ).id;
    t.clock.advance(3_600_000);
    const done = await admin('POST', `/api/v1/meldingen/${lampId}/status`, { status: 'afgehandeld', message: 'De lamp is vervangen.' });
    expect(done.statusCode, done.body).toBe(200);
    const closed = await list('&status=closed');
    expect(closed.map((r) => r.service_request_id)).toEqual([lamp]);
    expect(closed[0]).toMatchObject({ status: 'closed', status_notes: 'Afgehandeld: De lamp is vervangen.', updated_datetime: t.clock.now().toISOString() });
    expect((await list('&status=open')).map((r) => r.service_request_id)).toEqual([later, tegel]);
    expect((await list('&status=open,closed')).length).toBe(3);

    const start = new Date(first.getTime() + 86_400_000).toISOString();
    expect((await list(`&start_date=${start}`)).map((r) => r.service_request_id)).toEqual([later]);
    expect((await list(`&end_date=${start}`)).map((r) => r.service_request_id)).toEqual([lamp, tegel]);
    // An offset other than Z, as Dutch clients send it.
    const amsterdam = (date: Date) => encodeURIComponent(new Date(date.getTime() + 3_600_000).toISOString().replace('Z', '+01:00'));
    expect(
      (await list(`&start_date=${amsterdam(new Date(first.getTime() - 3_600_000))}&end_date=${amsterdam(first)}`)).map((r) => r.service_request_id),
    ).toEqual([tegel]);
    expect((await list(`&service_request_id=${tegel},${later}&status=closed`)).map((r) => r.service_request_id)).toEqual([later, tegel]);

    const xml = await get(`requests.xml?${query}`);
    expectSameXml(xml.body, 'service_requests', await list(''));

    // Meldingen of another municipality of the organisation stay out.
    expect((await get(`requests.json?jurisdiction_id=GM0373&organisation=${org.slug}`)).json()).toEqual([]);
    // Without dates only the last 90 days count.
    t.clock.advance(100 * 86_400_000);
    expect(await list('')).toEqual([]);

    const bad: [string, string][] = [
      ['&status=half', 'status "half"'],
      ['&start_date=gisteren', 'ISO 8601'],
      ['&start_date=2026-01-01T00:00:00Z&end_date=2026-12-01T00:00:00Z', '90 dagen'],
      ['&start_date=2026-12-01T00:00:00Z&end_date=2026-11-01T00:00:00Z', 'na end_date'],
      ['&service_code=bestaat-niet', 'bestaat-niet'],
    ];
    for (const [filters, mention] of bad) {
      const response = await get(`requests.json?${query}${filters}`);
      expect(response.statusCode, filters).toBe(400);
      expect(response.json()).toEqual([{ code: 400, description: expect.stringContaining(mention) }]);
    }
    expect((await get(`requests/2026-99999.json?${query}`)).json()).toEqual([{ code: 404, description: expect.stringContaining('2026-99999') }]);
  });

  it('toont geen meldingen die een medewerker invoerde of die van een privébericht kwamen', async () => {
    const { org, query, get, report } = await setup();
    const castricum = org.municipalities.find((m) => m.cbs_code === 'GM0383')!;
    const beheerder = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
    const admin = requestAs(t.app, await signIn(t.app, beheerder.email, beheerder.password));
    const filed = (await report()).json()[0].service_request_id as string;
    const category = (
      await t.database.db
        .selectFrom('melding_categories')
        .select('id')
        .where('organisation_id', '=', org.id)
        .where('code', '=', 'wegen-bestrating')
        .executeTakeFirstOrThrow()
    ).id;
    const byPhone = await admin('POST', '/api/v1/meldingen', {
      municipalityId: castricum.id,
      categoryId: category,
      description: 'Mevrouw Jansen belde: tegel los bij Dorpsstraat 3',
      lat: 52.55,
      lon: 4.66,
    });
    expect(byPhone.statusCode, byPhone.body).toBe(201);
    const listed = (await get(`requests.json?${query}`)).json() as { service_request_id: string }[];
    expect(listed.map((request) => request.service_request_id)).toEqual([filed]);
    expect((await get(`requests/${byPhone.json().number}.json?${query}`)).statusCode).toBe(404);
  });
});
