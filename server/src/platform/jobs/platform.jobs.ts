import type { Clock } from '../clock.service';
import type { Db } from '../db/database.client';
import type { SystemSchedule } from '../plein-module.types';
import type { JobRegistry } from './job-registry.service';
import { defineSchedule } from './scheduler.service';
import { deleteExpiredRows, ensureAuditPartitions } from './upkeep.repository';

export const SYSTEM_ORGANISATION_ID = '00000000-0000-0000-0000-000000000000';

export function registerPlatformJobs(registry: JobRegistry): void {
  registry.register({
    name: 'platform.partities-onderhouden',
    handler: async ({ db, clock }) => ensureAuditPartitions(db, clock.now()),
  });
  registry.register({
    name: 'platform.opruimen',
    handler: async ({ db, clock }) => deleteExpiredRows(db, clock.now()),
  });
}

// The foundation's own upkeep: audit partitions ahead of time, and expired rows away.
const PLATFORM_SCHEDULES: SystemSchedule[] = [
  { name: 'partities', job: 'platform.partities-onderhouden', cron: '15 3 * * *' },
  { name: 'opruimen', job: 'platform.opruimen', cron: '*/30 * * * *' },
];

// Defines the foundation's schedules and those the modules ask for (PleinModule.schedules), once per installation.
export async function defineSystemSchedules(db: Db, clock: Clock, moduleSchedules: SystemSchedule[]): Promise<void> {
  for (const schedule of [...PLATFORM_SCHEDULES, ...moduleSchedules]) {
    await defineSchedule(db, clock, { organisationId: SYSTEM_ORGANISATION_ID, name: schedule.name, jobName: schedule.job, cron: schedule.cron });
  }
}
