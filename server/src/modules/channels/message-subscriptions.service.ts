import { servesPurpose } from '@contracts/message-purpose';
import type { Clock } from '@platform/clock.service';
import type { Db } from '@platform/db/database.client';
import type { JobDefinition } from '@platform/jobs/job-registry.service';
import type { StoredMessagesSubscription } from '@platform/plein-module.types';

// Who hears of stored messages. Filled once per process from the module list (server/src/modules/index.ts), before
// any message is stored; read by storeMessages. Channels know the subscriptions, never the modules behind them.
const subscriptions = new Map<string, StoredMessagesSubscription>();

export function subscribeToStoredMessages(subscription: StoredMessagesSubscription): void {
  subscriptions.set(subscription.job, subscription);
}

export function listStoredMessagesSubscriptions(): StoredMessagesSubscription[] {
  // Without subscribers, stored messages would wait for nobody: a process that stores messages must load the module list.
  if (subscriptions.size === 0) throw new Error('Geen module volgt opgeslagen berichten: laad de modulelijst (server/src/modules/index.ts) vóór het opslaan');
  return [...subscriptions.values()];
}

// Which of the new messages each subscription gets.
export function groupMessagesBySubscription<M extends { direction: string; channel: string; visibility: 'openbaar' | 'prive' }>(
  messages: M[],
  stream: string | null,
) {
  return listStoredMessagesSubscriptions().map((subscription) => ({
    subscription,
    messages: messages.filter((message) =>
      servesPurpose({ direction: message.direction, channel: message.channel, visibility: message.visibility, stream }, subscription.purpose),
    ),
  }));
}

// Every subscriber's job takes the ids of the new messages; queued ones run as one (JobDefinition.coalesce) when a
// burst leaves them waiting, up to ten stored batches at a time.
const MESSAGE_JOBS_COALESCE = {
  maxJobs: 10,
  merge: (payloads: Record<string, unknown>[]) => ({ messageIds: payloads.flatMap((payload) => (payload.messageIds as string[] | undefined) ?? []) }),
};

export function defineStoredMessagesJob(
  name: string,
  handle: (db: Db, clock: Clock, organisationId: string, messageIds: string[]) => Promise<unknown>,
): JobDefinition {
  return {
    name,
    coalesce: MESSAGE_JOBS_COALESCE,
    handler: async ({ db, clock, job, payload }) => {
      await handle(db, clock, job.organisation_id, (payload.messageIds as string[] | undefined) ?? []);
    },
  };
}
