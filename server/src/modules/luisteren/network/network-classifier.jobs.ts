import type { Clock } from '@platform/clock.service';
import { type Db, runInDbTransaction } from '@platform/db/database.client';
import type { JobRegistry } from '@platform/jobs/job-registry.service';
import {
  claimPendingAuthors,
  findAuthorFacts,
  findAuthorLists,
  findOrganisationsWithPendingAuthors,
  removeAutomaticGroups,
  saveAutomaticGroups,
} from './network-groups.repository';
import { cleanBio, suggestNetworkGroup } from './network-suggestion.rules';

export const NETWORK_JOB = 'luisteren.netwerk-indelen';
const BATCH = 500;
// Per organisation and run of the job; a crisis burst of new authors is worked off over a few minutes.
const PER_RUN = 10_000;
const ORGANISATIONS_PER_RUN = 50;

// The automatic group of these authors from their newest name and bio and their lists; an author in none of
// the seven groups loses an automatic group they had. Rows set by an analyst are left alone.
export async function classifyAuthors(db: Db, clock: Clock, organisationId: string, handles: string[]) {
  const facts = await findAuthorFacts(db, organisationId, handles);
  const lists = await findAuthorLists(db, organisationId, handles);
  const grouped = [];
  const ungrouped = new Set(handles);
  for (const fact of facts) {
    const suggestion = suggestNetworkGroup({
      handle: fact.handle,
      name: fact.name,
      bio: cleanBio(fact.bio),
      lists: (lists.get(fact.handle) ?? []).map((list) => list.name),
    });
    if (!suggestion.group) continue;
    grouped.push({ handle: fact.handle, group: suggestion.group, words: suggestion.words, lists: suggestion.lists });
    ungrouped.delete(fact.handle);
  }
  await saveAutomaticGroups(db, organisationId, grouped, clock.now());
  await removeAutomaticGroups(db, organisationId, [...ungrouped]);
}

// Works off the organisation's authors waiting to be (re)classified, at most `max`; returns how many.
export async function classifyPendingAuthors(db: Db, clock: Clock, organisationId: string, max = PER_RUN): Promise<number> {
  let done = 0;
  while (done < max) {
    const claimed = await runInDbTransaction(db, async (tx) => {
      const handles = await claimPendingAuthors(tx, organisationId, Math.min(BATCH, max - done));
      await classifyAuthors(tx, clock, organisationId, handles);
      return handles.length;
    });
    done += claimed;
    if (claimed === 0) break;
  }
  return done;
}

export function registerNetworkClassifier(registry: JobRegistry) {
  registry.register({
    name: NETWORK_JOB,
    handler: async ({ db, clock }) => {
      for (const organisationId of await findOrganisationsWithPendingAuthors(db, ORGANISATIONS_PER_RUN))
        await classifyPendingAuthors(db, clock, organisationId);
    },
  });
}
