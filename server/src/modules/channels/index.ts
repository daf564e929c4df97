import type { PleinModule } from '@platform/plein-module.types';
import { PLAN_JOB, registerChannelJobs } from './channels.jobs';
import { registerChannelsRoutes } from './channels.routes';
import { registerSimulatorRoutes } from './connectors/simulator/simulator.routes';
import { registerWebhookRoutes } from './webhooks.routes';

// Kanalen: the public API of the channels module. Every platform's messages come in through storeMessages and
// leave through the outbox; other modules use what is exported here and nothing else.
export const channelsModule: PleinModule = {
  name: 'kanalen',
  routes: async (app) => {
    await registerChannelsRoutes(app);
    await registerWebhookRoutes(app);
    await registerSimulatorRoutes(app);
  },
  // Every minute: one poll per account and stream that is due.
  schedules: [{ name: 'kanalen', job: PLAN_JOB, cron: '* * * * *' }],
  jobs: (registry, kit) =>
    registerChannelJobs(registry, {
      keys: kit.keys,
      fetch: kit.fetch,
      outbound: kit.outbound,
      mailer: kit.mailer,
      mailDomain: kit.mailDomain,
      timeoutMs: kit.platformTimeoutMs,
    }),
};

export type { SecretKeys } from './account-secrets.rules';
export { addAccount, resealAccountSecrets } from './accounts.service';
export { queueCaseReply } from './case-replies.service';
export { buildPlainMessage, type NormalisedMessage } from './connector.types';
export { loadScenario, type SimulationTarget, simulate } from './connectors/simulator/scenario.service';
export { storeMessages } from './ingest.service';
export { defineStoredMessagesJob, subscribeToStoredMessages } from './message-subscriptions.service';
export { loadOutboundRequest, queueOutbound, storeOutboxItem, toOutboxView } from './outbox.service';
export {
  createArchiveAccount,
  findChannelAccount,
  findChannelAccountOfMunicipality,
  findImageAttachmentIdsOfMessage,
  findOutboxEntriesAfter,
  findOutboxEntry,
  findRepliesToMessages,
  findStoredAttachment,
  findStoredMessage,
  listChannelAccounts,
  placeMessageInConversation,
  setAccountSatisfactionSurvey,
  storeAttachment,
} from './records.service';
export { StreamSupervisor } from './stream-supervisor.service';
