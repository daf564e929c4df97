import { AtpAgent } from '@atproto/api';
import type { TestNetworkNoAppView } from '@atproto/dev-env';
import type { PostItem } from '../server/src/modules/channels/connectors/bluesky/bluesky.mapping';

// Helpers for tests against a real PDS from @atproto/dev-env (with or without AppView).

export interface BlueskyUser {
  handle: string;
  did: string;
  agent: AtpAgent;
}

// An account on the test PDS, signed in with its own agent (as the person, not as Plein); with a display
// name, also its profile record.
export async function createBlueskyUser(network: TestNetworkNoAppView, name: string, displayName?: string): Promise<BlueskyUser> {
  const handle = `${name}.test`;
  const password = `${name}-wachtwoord`;
  await network.getSeedClient().createAccount(name, { handle, email: `${name}@test.com`, password });
  const agent = new AtpAgent({ service: network.pds.url });
  await agent.login({ identifier: handle, password });
  const did = agent.session!.did;
  if (displayName) {
    await agent.com.atproto.repo.putRecord({
      repo: did,
      collection: 'app.bsky.actor.profile',
      rkey: 'self',
      record: { $type: 'app.bsky.actor.profile', displayName },
    });
  }
  return { handle, did, agent };
}

async function displayNameOf(reader: AtpAgent, did: string): Promise<string | undefined> {
  try {
    const { data } = await reader.com.atproto.repo.getRecord({ repo: did, collection: 'app.bsky.actor.profile', rkey: 'self' });
    return (data.value as { displayName?: string }).displayName;
  } catch {
    return undefined;
  }
}

// Plein signs in with an app password, as a municipality would connect its account.
export async function createAppPassword(user: BlueskyUser): Promise<string> {
  return (await user.agent.com.atproto.server.createAppPassword({ name: 'plein' })).data.password;
}

export function splitAtUri(uri: string): { repo: string; collection: string; rkey: string } {
  const [repo, collection, rkey] = uri.slice('at://'.length).split('/');
  return { repo: repo!, collection: collection!, rkey: rkey! };
}

// A post as the PDS stores it, shaped like the post view a notification poll returns (the author with the
// display name of their profile), so it goes through the connector's own mapping without an AppView.
export async function postItemFromPds(reader: AtpAgent, author: BlueskyUser, uri: string, reason: string): Promise<PostItem> {
  const { data } = await reader.com.atproto.repo.getRecord(splitAtUri(uri));
  const record = data.value as Record<string, unknown>;
  const displayName = await displayNameOf(reader, author.did);
  return {
    uri: data.uri,
    cid: data.cid!,
    author: { did: author.did, handle: author.handle, ...(displayName && { displayName }) },
    record,
    reason,
    indexedAt: String(record.createdAt),
  };
}

export interface PostRecord {
  text: string;
  reply?: { root: { uri: string }; parent: { uri: string } };
  facets?: { index: { byteStart: number; byteEnd: number }; features: { $type: string; uri?: string }[] }[];
}

// The posts in a repository, newest first, as anyone can read them from the PDS.
export async function listPosts(reader: AtpAgent, did: string): Promise<{ uri: string; value: PostRecord }[]> {
  const { data } = await reader.com.atproto.repo.listRecords({ repo: did, collection: 'app.bsky.feed.post', limit: 100 });
  return data.records.map((record) => ({ uri: record.uri, value: record.value as unknown as PostRecord }));
}
