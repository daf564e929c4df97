import type { MessagePurpose } from '@contracts/message-purpose';
import type { SecretKeys } from './auth/secret-box.rules';
import type { AppInstance } from './http/app.server';
import type { OutboundPolicy } from './http/outbound.client';
import type { JobRegistry } from './jobs/job-registry.service';
import type { Mailer } from './mail/mailer.client';

// What the runtime hands every module's jobs: settings read once at start-up and the outside world (fetch, mail).
export interface ModuleKit {
  publicUrl: string;
  keys: SecretKeys;
  // Guarded: connects only to public addresses and the operator's PLEIN_OUTBOUND_ALLOW (http/outbound.client.ts).
  fetch: typeof fetch;
  outbound: OutboundPolicy;
  mailer: Mailer;
  mailDomain: string;
  // How long a call to a platform may take (PLEIN_PLATFORM_TIMEOUT_SECONDS).
  platformTimeoutMs: number;
}

// A module's wish to hear of stored messages: channels queue `job` with the ids of the new messages that serve
// `purpose`, in the transaction that stored them. The module registers that job itself (see storedMessagesJob in
// channels), so channels never name a consumer.
export interface StoredMessagesSubscription {
  job: string;
  purpose: MessagePurpose;
}

// A job the module wants run on a clock (for the whole installation, not per organisation): its schedule is defined
// once at start-up, and every process agrees on each moment (see jobs/scheduler.service.ts).
export interface SystemSchedule {
  name: string;
  job: string;
  // Cron in Europe/Amsterdam.
  cron: string;
}

// A feature module as the runtime sees it: its routes, its background jobs and what it wants of stored messages.
// Each module's index.ts exports one; server/src/modules/index.ts lists them. Nothing else registers a module.
export interface PleinModule {
  name: string;
  routes?: (app: AppInstance) => Promise<void>;
  jobs?: (registry: JobRegistry, kit: ModuleKit) => void;
  storedMessages?: StoredMessagesSubscription;
  schedules?: SystemSchedule[];
}
