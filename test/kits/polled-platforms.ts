import { computeBackoffAfter429 } from '../../server/src/modules/channels/connectors/linkedin/linkedin-rest.client';
import { buildChannelAccount, type buildOrganisation } from '../factories';
import type { TestApp } from '../harness';
import type { FaultProxy } from '../platforms/fault-proxy';
import { type LinkedInServer, startLinkedInServer } from '../platforms/linkedin-server';
import { type FakeAccount, type MastodonServer, startMastodonServer } from '../platforms/mastodon-server';
import { type MetaGraphServer, startMetaGraphServer } from '../platforms/meta-graph-server';
import { type RssFeedServer, startRssFeedServer } from '../platforms/rss-feed-server';
import { startXServer, type XServer, type XUser } from '../platforms/x-server';

// The platforms Plein polls, each with its local server and what it takes to connect an account to it through a
// proxy, to give it new items, and what the account shows when the platform fails. For connector-faults.test.ts.

type Organisation = Awaited<ReturnType<typeof buildOrganisation>>;

// The local servers, on the test's clock, and the residents who write to the municipalities there.
export interface PlatformWorld {
  t: TestApp;
  feeds: RssFeedServer;
  mastodon: MastodonServer;
  x: XServer;
  li: LinkedInServer;
  graph: MetaGraphServer;
  anna: FakeAccount;
  alice: XUser;
  close(): Promise<void>;
}

export async function startPlatformWorld(t: TestApp): Promise<PlatformWorld> {
  const now = () => t.clock.now();
  const [feeds, mastodon, x, li, graph] = await Promise.all([
    startRssFeedServer(),
    startMastodonServer({ now }),
    startXServer(now),
    startLinkedInServer({ now: () => t.clock.now().getTime() }),
    startMetaGraphServer(now),
  ]);
  return {
    t,
    feeds,
    mastodon,
    x,
    li,
    graph,
    anna: mastodon.addAccount('anna', { domain: 'mastodon.example', displayName: 'Anna de Vries' }),
    alice: x.addUser('alice', { name: 'Alice de Vries' }),
    close: async () => {
      await Promise.all([feeds, mastodon, x, li, graph].map((server) => server.close()));
    },
  };
}

export interface ConnectedAccount {
  accountId: string;
  // New items at the platform; returns the platform ids Plein must store, each once.
  seed(): string[];
}

export interface PolledPlatform {
  name: string;
  upstream(world: PlatformWorld): string;
  // The requests a fault is put on. For Facebook and LinkedIn the comment calls, which come after the call that
  // brought the new post (`faultAfterRead`): a poll that broke off there must store nothing of what it had read.
  match: RegExp;
  faultAfterRead: boolean;
  // How many of them one poll makes (X polls mentions and DMs as two streams; a platform that is down fails both).
  requestsPerPoll: number;
  // The connector's own poll interval.
  pollSeconds: number;
  // The request that publishes a post (kind 'post' in the outbox), for send-faults.test.ts; null where Plein only reads.
  publish: RegExp | null;
  // LinkedIn answers a new post with 201, no body and the id in x-restli-id: an answer that stops halfway through its
  // body is then no fault, it arrived whole.
  publishAnswerEmpty?: boolean;
  connect(world: PlatformWorld, org: Organisation, proxy: FaultProxy, n: number): Promise<ConnectedAccount>;
  // What the account shows after a 429 with Retry-After: 120, and how long Plein leaves the platform alone.
  rateLimited(host: string, now: Date): { text: string; waitMs: number };
  serverError(host: string, status: number): string;
}

const RESIDENT = { id: '901', name: 'Anna de Vries' };
const MEMBER = 'urn:li:person:aB3xY9kLm';

const connectAccount = (world: PlatformWorld, org: Organisation, input: Omit<Parameters<typeof buildChannelAccount>[3], 'municipalityId'>) =>
  buildChannelAccount(world.t.database.db, world.t.clock, org.id, { municipalityId: org.municipalities[0]!.id, ...input });

const retryAfter120 = (host: string) => ({ text: `${host}: te veel verzoeken (429)`, waitMs: 120_000 });
const platformError = (host: string, status: number) => `${host}: fout bij het platform (${status})`;

export const POLLED_PLATFORMS: PolledPlatform[] = [
  {
    name: 'RSS',
    upstream: (world) => world.feeds.url,
    match: /^GET /,
    faultAfterRead: false,
    requestsPerPoll: 1,
    pollSeconds: 300,
    publish: null,
    async connect(world, org, proxy, n) {
      const path = `/omroep-${n}.rss`;
      const items = world.feeds.itemsOf(path);
      const { id } = await connectAccount(world, org, { channel: 'rss', handle: `Omroep ${n}`, serviceUrl: `${proxy.url}${path}` });
      return {
        accountId: id,
        seed() {
          const fresh = [
            { guid: `brand-${n}`, title: 'Brand op industrieterrein' },
            { guid: `weg-${n}`, title: 'Dorpsstraat afgesloten' },
          ];
          items.push(...fresh);
          return fresh.map((item) => item.guid);
        },
      };
    },
    rateLimited: retryAfter120,
    serverError: platformError,
  },
  {
    name: 'Mastodon',
    upstream: (world) => world.mastodon.url,
    match: /^GET \/api\/v1\/notifications/,
    faultAfterRead: false,
    requestsPerPoll: 1,
    pollSeconds: 60,
    publish: /^POST \/api\/v1\/statuses(?:\?.*)?$/,
    async connect(world, org, proxy, n) {
      const { mastodon, anna } = world;
      const gemeente = mastodon.addAccount(`gemeente${n}`, { displayName: `Gemeente ${n}` });
      const { id } = await connectAccount(world, org, {
        channel: 'mastodon',
        handle: gemeente.username,
        serviceUrl: proxy.url,
        secrets: { accessToken: gemeente.token },
      });
      return {
        accountId: id,
        seed: () => [
          mastodon.post(anna, `@${gemeente.username} de lantaarnpaal bij de kerk is kapot`).id,
          mastodon.post(anna, `@${gemeente.username} en de stoep ernaast ligt open`).id,
        ],
      };
    },
    rateLimited: retryAfter120,
    serverError: platformError,
  },
  {
    name: 'X',
    upstream: (world) => world.x.url,
    match: /^GET \/2\//,
    faultAfterRead: false,
    requestsPerPoll: 2,
    pollSeconds: 60,
    publish: /^POST \/2\/tweets(?:\?.*)?$/,
    async connect(world, org, proxy, n) {
      const { x, alice } = world;
      const gemeente = x.addUser(`bergen${n}`, { name: `Gemeente Bergen ${n}` });
      const { id } = await connectAccount(world, org, {
        channel: 'x',
        handle: gemeente.username,
        serviceUrl: proxy.url,
        settings: { userId: gemeente.id, clientId: 'plein-client' },
        secrets: x.authorize(gemeente.id),
      });
      return {
        accountId: id,
        seed: () => [
          x.addTweet(alice.id, `@${gemeente.username} de lantaarnpaal bij de kerk is kapot`).id,
          x.addTweet(alice.id, `@${gemeente.username} en de stoep ernaast ligt open`).id,
        ],
      };
    },
    rateLimited: retryAfter120,
    serverError: platformError,
  },
  {
    name: 'LinkedIn',
    upstream: (world) => world.li.url,
    match: /^GET \/rest\/socialActions\/[^/]+\/comments/,
    faultAfterRead: true,
    requestsPerPoll: 1,
    pollSeconds: 300,
    publish: /^POST \/rest\/posts(?:\?.*)?$/,
    publishAnswerEmpty: true,
    async connect(world, org, proxy, n) {
      const { li, t } = world;
      const organizationUrn = `urn:li:organization:${7000 + n}`;
      const accessToken = `AQ-fouten-${n}`;
      li.validTokens.add(accessToken);
      const { id } = await connectAccount(world, org, {
        channel: 'linkedin',
        handle: `Gemeente ${n}`,
        serviceUrl: proxy.url,
        settings: { organizationUrn },
        secrets: { accessToken },
      });
      return {
        accountId: id,
        seed() {
          const now = t.clock.now().getTime();
          const post = li.addPost(organizationUrn, 'Vanaf maandag is de Dorpsstraat afgesloten.', { at: now - 3_000 });
          const first = li.addComment(post.id, MEMBER, 'Hoe lang duurt dat?', { at: now - 2_000 });
          const second = li.addComment(post.id, MEMBER, 'En kan de bus er nog door?', { at: now - 1_000 });
          return [post.id, first.urn, second.urn];
        },
      };
    },
    // LinkedIn sends no Retry-After: Plein waits a quarter of an hour (linkedin-rest.client.ts).
    rateLimited: (_host, now) => {
      const waitMs = computeBackoffAfter429(now);
      return { text: `LinkedIn: daglimiet of tijdelijke limiet bereikt (429); Plein probeert het over ${Math.ceil(waitMs / 60_000)} minuten opnieuw.`, waitMs };
    },
    serverError: platformError,
  },
  {
    name: 'Facebook',
    upstream: (world) => world.graph.url,
    match: /^GET \/v\d+\.\d+\/[^/]+\/comments/,
    faultAfterRead: true,
    requestsPerPoll: 1,
    pollSeconds: 120,
    publish: /^POST \/v\d+\.\d+\/[^/]+\/feed(?:\?.*)?$/,
    async connect(world, org, proxy, n) {
      const { graph } = world;
      const page = { id: `30${n}000`, name: `Gemeente ${n}` };
      const accessToken = `EAAG-fouten-${n}`;
      graph.addPage({ ...page, token: accessToken });
      const { id } = await connectAccount(world, org, {
        channel: 'facebook',
        handle: page.name,
        serviceUrl: proxy.url,
        settings: { pageId: page.id },
        secrets: { accessToken, appSecret: `geheim-${n}`, verifyToken: `verify-${n}` },
      });
      return {
        accountId: id,
        seed() {
          const post = graph.post(page.id, page, 'Vanaf maandag is de Dorpsstraat afgesloten.');
          const first = graph.comment(post.id, RESIDENT, 'Hoe kom ik dan bij de huisarts?');
          const second = graph.comment(post.id, RESIDENT, 'En kan de bus er nog door?');
          return [post.id, first.id, second.id];
        },
      };
    },
    rateLimited: (host) => ({ text: `${host}: te veel verzoeken (code 429)`, waitMs: 120_000 }),
    serverError: (host, status) => `${host}: tijdelijke fout bij Meta (${status})`,
  },
];
