import type { Clock } from '@platform/clock.service';
import type { Db } from '@platform/db/database.client';
import type { AppInstance } from '@platform/http/app.server';
import { registerPlatformRoutes } from '@platform/http/platform.routes';
import type { JobRegistry } from '@platform/jobs/job-registry.service';
import { defineSystemSchedules } from '@platform/jobs/platform.jobs';
import type { ModuleKit, PleinModule } from '@platform/plein-module.types';
import { channelsModule, subscribeToStoredMessages } from './channels/index';
import { inboxModule } from './inbox/index';
import { klachtenModule } from './klachten/index';
import { knowledgeModule } from './knowledge/index';
import { listeningModule } from './luisteren/index';
import { meldingenModule } from './meldingen/index';
import { open311Module } from './open311/index';
import { zendenModule } from './zenden/index';

// The module list: adding a module is one line here and one folder with its index.ts (see ARCHITECTURE.md).
// The order is the order stored messages are handed on in (the inbox sorts before listening analyses).
export const MODULES: readonly PleinModule[] = [
  channelsModule,
  inboxModule,
  knowledgeModule,
  meldingenModule,
  open311Module,
  klachtenModule,
  listeningModule,
  zendenModule,
];

// Tells channels who hears of stored messages. Every process that stores messages calls it first (the runtime, the
// CLI); channels refuse to store while nobody is subscribed, so a forgotten call fails loudly instead of losing work.
export function subscribeModulesToStoredMessages(): void {
  for (const module of MODULES) if (module.storedMessages) subscribeToStoredMessages(module.storedMessages);
}

// The cross-tenant route matrix walks whatever is registered here.
export async function registerModules(app: AppInstance): Promise<void> {
  await registerPlatformRoutes(app);
  for (const module of MODULES) await module.routes?.(app);
}

// The foundation's schedules and every module's, defined once per installation at start-up.
export async function defineSchedules(db: Db, clock: Clock): Promise<void> {
  await defineSystemSchedules(
    db,
    clock,
    MODULES.flatMap((module) => module.schedules ?? []),
  );
}

export function registerModuleJobs(registry: JobRegistry, kit: ModuleKit): void {
  for (const module of MODULES) module.jobs?.(registry, kit);
}
