import fc from 'fast-check';
import { signMetaPayload } from '../../server/src/modules/channels/connectors/meta/meta-webhook.rules';
import { buildMessagePayload } from '../platforms/whatsapp-server';
import { hostileBody, hostileQuery, hostileSegment, mutateDocument, type WireBody } from './bad-input.arbitraries';
import type { FuzzWorld, SignedWebhookAccount } from './fuzz-world';

export interface FuzzRequest {
  target: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

// A public route as the app registers it, and what a valid call to it looks like: the generated calls start from
// there and break one to three things. `body: null`: the route takes no body.
interface Sample {
  query?: Record<string, string>;
  body?: unknown;
}

type Method = FuzzRequest['method'];

// Every public /api/v1 route needs a sample here (fuzz.test.ts fails on one without), so a module that adds a public
// route — the votes of participation, say — is fuzzed from its first day.
export function describePublicSamples(world: FuzzWorld): Record<string, Sample> {
  return {
    'GET /api/v1/installation': {},
    'GET /api/v1/openapi.json': { query: { format: 'json' } },
    'GET /api/v1/organisations/:slug/sign-in-options': {},
    'GET /api/v1/oidc/:slug/authorize': { query: { returnTo: '/inbox' } },
    'GET /api/v1/oidc/callback': { query: { code: 'abc', state: 'def', iss: 'http://127.0.0.1:1/' } },
    'POST /api/v1/sessions': { body: { email: world.userEmail, password: 'een-fout-wachtwoord', organisation: world.slug } },
    'POST /api/v1/password-resets': { body: { email: world.userEmail, organisation: world.slug } },
    'POST /api/v1/password-resets/confirmation': { body: { token: 'herstel-token-dat-niet-bestaat', password: 'Zomer-in-Castricum-2026!' } },
    'GET /api/v1/organisations/:slug/municipalities/:cbsCode/contact-form': {},
    'POST /api/v1/organisations/:slug/municipalities/:cbsCode/contact-challenges': { body: {} },
    'POST /api/v1/organisations/:slug/municipalities/:cbsCode/contact': {
      body: {
        name: 'Joke Bakker',
        email: 'joke@example.nl',
        subject: 'Lantaarnpaal',
        message: 'De lantaarnpaal bij nummer 12 is kapot.',
        website: '',
        challenge: 'uitdaging',
        nonce: '42',
      },
    },
    'GET /api/v1/organisations/:slug/municipalities/:cbsCode/melding-categories': {},
    'POST /api/v1/organisations/:slug/municipalities/:cbsCode/meldingen': {
      body: {
        categoryId: world.categoryId,
        description: 'Lantaarnpaal brandt niet meer.',
        lat: 52.548,
        lon: 4.669,
        address: 'Dorpsstraat 12',
        email: 'inwoner@example.nl',
        phone: '06 12345678',
        consent: true,
        answers: { gevaarlijk: true },
        photoIds: [],
      },
    },
    'GET /api/v1/organisations/:slug/meldingen/:token': {},
    'GET /api/v1/organisations/:slug/municipalities/:cbsCode/meldingen/nearby': { query: { categoryId: world.categoryId, lat: '52.548', lon: '4.669' } },
    'POST /api/v1/organisations/:slug/municipalities/:cbsCode/melding-photos': { body: null },
    'GET /api/v1/organisations/:slug/municipalities/:cbsCode/map-settings': {},
    'GET /api/v1/organisations/:slug/municipalities/:cbsCode/address-search': { query: { q: 'Dorpsstraat' } },
    'GET /api/v1/organisations/:slug/kto/:token': {},
    'POST /api/v1/organisations/:slug/kto/:token': { body: { satisfied: false, reasons: ['duurde-te-lang'], comment: 'Het duurde lang.' } },
    'GET /api/v1/organisations/:slug/conversation-satisfaction/:token': {},
    'POST /api/v1/organisations/:slug/conversation-satisfaction/:token': { body: { score: 4, comment: 'Snel geholpen.' } },
    'GET /api/v1/organisations/:slug/handoffs/:token': {},
    'POST /api/v1/organisations/:slug/handoffs/:token': { body: { status: 'afgehandeld', answer: 'De boom is weggehaald.' } },
  };
}

function segmentsFor(name: string, world: FuzzWorld): string[] {
  switch (name) {
    case 'slug':
      return [world.slug];
    case 'cbsCode':
      return world.cbsCodes;
    case 'token':
      return [world.trackingToken, world.ktoToken, 'token-dat-niet-bestaat-0123456789'];
    default:
      return ['onbekend'];
  }
}

function fillPath(url: string, world: FuzzWorld): fc.Arbitrary<string> {
  const names = [...url.matchAll(/:(\w+)/g)].map((match) => match[1]!);
  if (names.length === 0) return fc.constant(url);
  return fc.tuple(...names.map((name) => hostileSegment(segmentsFor(name, world)))).map((values) => {
    let filled = url;
    names.forEach((name, index) => {
      filled = filled.replace(`:${name}`, values[index]!);
    });
    return filled;
  });
}

function withBody(base: Omit<FuzzRequest, 'headers' | 'payload'>, body: WireBody, headers: Record<string, string> = {}): FuzzRequest {
  return {
    ...base,
    headers: { ...headers, ...(body.contentType && { 'content-type': body.contentType }) },
    ...(body.payload !== undefined && { payload: body.payload }),
  };
}

// A photo upload as the form sends it (the image itself as the body): bytes that are not the image they claim to be,
// a real image's first bytes cut short, and now and then a multipart body the route does not take.
const PNG_START = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const JPEG_START = Buffer.from('ffd8ffe000104a46494600010100', 'hex');
const hostileUpload: fc.Arbitrary<WireBody> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.constantFrom('image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/svg+xml', 'image/'),
        fc.constantFrom(Buffer.alloc(0), PNG_START, JPEG_START),
        fc.uint8Array({ maxLength: 2_000 }),
      )
      .map(([contentType, start, bytes]) => ({ contentType, payload: Buffer.concat([start, Buffer.from(bytes)]) })),
  },
  {
    weight: 1,
    arbitrary: fc.uint8Array({ maxLength: 500 }).map((bytes) => {
      const boundary = 'fuzzgrens';
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="foto.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;
      return {
        contentType: `multipart/form-data; boundary=${boundary}`,
        payload: Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`)]),
      };
    }),
  },
);

function catalogueTarget(method: Method, url: string, sample: Sample, world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  const query = sample.query ? hostileQuery(sample.query) : fc.constant('');
  const body: fc.Arbitrary<WireBody> =
    sample.body === null ? hostileUpload : sample.body === undefined ? fc.constant({ contentType: undefined, payload: undefined }) : hostileBody(sample.body);
  const formSession = fc.option(
    fc.string({ maxLength: 80 }).map((value) => value.replace(/[^\x20-\x7e]/g, '')),
    { nil: undefined },
  );
  return fc
    .tuple(fillPath(url, world), query, body, formSession)
    .map(([path, search, wire, session]) =>
      withBody({ target: `${method} ${url}`, method, url: search ? `${path}?${search}` : path }, wire, session ? { 'plein-form-session': session } : {}),
    );
}

// Open311 GeoReport v2 as client apps call it: form fields for a new request, query parameters for the lists.
function open311Targets(world: FuzzWorld): fc.Arbitrary<FuzzRequest>[] {
  const fields = {
    api_key: world.open311Key,
    jurisdiction_id: 'GM0383',
    organisation: world.slug,
    service_code: 'verlichting-lantaarnpaal',
    lat: '52.548',
    long: '4.669',
    address_string: 'Dorpsstraat 12',
    description: 'Lantaarnpaal brandt niet meer.',
    email: 'inwoner@example.nl',
  };
  const read = { jurisdiction_id: 'GM0383', organisation: world.slug, status: 'open', page: '1', page_size: '10', start_date: '2026-11-01T00:00:00Z' };
  const format = fc.constantFrom('json', 'xml', 'JSON', 'html', '');
  const formBody = hostileQuery(fields).map((payload) => ({ contentType: 'application/x-www-form-urlencoded', payload }) as WireBody);
  return [
    fc
      .tuple(format, hostileQuery(read))
      .map(([f, q]) => ({ target: 'GET /open311/v2/services', method: 'GET' as const, url: `/open311/v2/services.${f}?${q}`, headers: {} })),
    fc.tuple(hostileSegment(['verlichting-lantaarnpaal.json', 'onbekend.xml']), hostileQuery(read)).map(([file, q]) => ({
      target: 'GET /open311/v2/services/:file',
      method: 'GET' as const,
      url: `/open311/v2/services/${file}?${q}`,
      headers: {},
    })),
    fc
      .tuple(format, hostileQuery(read))
      .map(([f, q]) => ({ target: 'GET /open311/v2/requests', method: 'GET' as const, url: `/open311/v2/requests.${f}?${q}`, headers: {} })),
    fc.tuple(hostileSegment(['M-1.json', '1.xml']), hostileQuery(read)).map(([file, q]) => ({
      target: 'GET /open311/v2/requests/:file',
      method: 'GET' as const,
      url: `/open311/v2/requests/${file}?${q}`,
      headers: {},
    })),
    fc
      .tuple(format, fc.oneof({ weight: 4, arbitrary: formBody }, { weight: 1, arbitrary: hostileBody(fields) }))
      .map(([f, wire]) => withBody({ target: 'POST /open311/v2/requests', method: 'POST', url: `/open311/v2/requests.${f}` }, wire)),
  ];
}

// A delivery as Meta sends it, mutated anywhere in its nesting and then signed with the account's app secret, so it
// passes the signature check and reaches the connector; now and then unsigned or signed wrongly.
function webhookTarget(account: SignedWebhookAccount): fc.Arbitrary<FuzzRequest> {
  const at = Math.floor(Date.parse('2026-11-23T08:00:00Z') / 1000);
  const valid = validDelivery(account, at);
  const signing = fc.constantFrom('goed', 'goed', 'goed', 'goed', 'fout', 'geen');
  return fc
    .tuple(fc.oneof({ weight: 6, arbitrary: mutateDocument(valid) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) }), signing)
    .map(([document, sign]) => {
      const payload = JSON.stringify(document) ?? '';
      const signature = sign === 'goed' ? signMetaPayload(account.appSecret, payload) : sign === 'fout' ? signMetaPayload('ander-geheim', payload) : undefined;
      return {
        target: `POST /webhooks/:organisationId/:accountId (${account.channel})`,
        method: 'POST' as const,
        url: `/webhooks/${account.organisationId}/${account.accountId}`,
        headers: { 'content-type': 'application/json', ...(signature && { 'x-hub-signature-256': signature }) },
        payload,
      };
    });
}

function validDelivery(account: SignedWebhookAccount, at: number): unknown {
  if (account.channel === 'whatsapp') {
    // A text and a photo in one change, as Meta sends a resident's burst.
    const delivery = buildMessagePayload(
      account.platformId,
      { waId: '31612345678', name: 'Joke' },
      { type: 'text', text: { body: 'Wanneer komt de vuilniswagen?' } },
      new Date(at * 1000),
      'wamid.fuzz1',
    );
    delivery.entry[0]!.changes[0]!.value.messages.push({
      from: '31612345678',
      id: 'wamid.fuzz2',
      timestamp: String(at),
      type: 'image',
      image: { id: 'media-1', mime_type: 'image/jpeg', caption: 'Zwerfafval' },
    } as never);
    return delivery;
  }
  const object = account.channel === 'facebook' ? 'page' : 'instagram';
  return {
    object,
    entry: [
      {
        id: account.platformId,
        time: at * 1000,
        messaging: [
          {
            sender: { id: '7001' },
            recipient: { id: account.platformId },
            timestamp: at * 1000,
            message: { mid: 'm_fuzz1', text: 'Is het gemeentehuis open?' },
          },
        ],
        changes: [
          {
            field: account.channel === 'facebook' ? 'feed' : 'comments',
            value: {
              from: { id: '7002', name: 'Piet' },
              item: 'comment',
              verb: 'add',
              comment_id: 'c_fuzz1',
              id: 'c_fuzz1',
              post_id: `${account.platformId}_1`,
              media: { id: 'ig-media-1' },
              message: 'Wat een mooie foto van het strand!',
              text: 'Wat een mooie foto van het strand!',
              created_time: at,
            },
          },
        ],
      },
    ],
  };
}

// The webhook handshake (GET with hub.* query) with its token and challenge broken.
function handshakeTarget(account: SignedWebhookAccount): fc.Arbitrary<FuzzRequest> {
  return hostileQuery({ 'hub.mode': 'subscribe', 'hub.verify_token': 'fuzz-verify', 'hub.challenge': '1158201444' }).map((query) => ({
    target: 'GET /webhooks/:organisationId/:accountId',
    method: 'GET' as const,
    url: `/webhooks/${account.organisationId}/${account.accountId}?${query}`,
    headers: {},
  }));
}

export function buildFuzzTargets(world: FuzzWorld, publicRoutes: { method: string; url: string }[]): fc.Arbitrary<FuzzRequest> {
  const samples = describePublicSamples(world);
  const catalogue = publicRoutes.map((route) => {
    const key = `${route.method} ${route.url}`;
    const sample = samples[key];
    if (!sample) throw new Error(`Geen voorbeeld voor de openbare route ${key}: voeg het toe aan describePublicSamples`);
    return catalogueTarget(route.method as Method, route.url, sample, world);
  });
  return fc.oneof(
    ...catalogue,
    ...open311Targets(world),
    ...world.webhooks.map(webhookTarget),
    ...world.webhooks.map(webhookTarget),
    handshakeTarget(world.webhooks[0]!),
  );
}
