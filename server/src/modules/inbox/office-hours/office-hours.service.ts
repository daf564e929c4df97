import { DEFAULT_ACKNOWLEDGEMENT, type Norm, type OfficeHours, type OfficeHoursInput, WEEKDAYS } from '@contracts/office-hours';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import type { Db } from '@platform/db/database.client';
import type { OfficeHoursRow } from '@platform/db/database.schema';
import { notFound } from '@platform/http/http.errors';
import { findMunicipality } from '@platform/organisations/organisations.repository';
import { actsForMunicipality, assertCan, type Permission } from '@platform/tenancy/policy.rules';
import { findChannelAccount } from '../../channels/index';
import { isOpenAt } from './business-time.rules';
import { findOfficeHours, saveOfficeHours } from './office-hours.repository';
import { buildSchedule, formatDayNumber, getDayNumber, isPublicHoliday, type Schedule } from './schedule.rules';

type Settings = Omit<OfficeHours, 'accountId' | 'configured' | 'openNow' | 'upcomingHolidays' | 'updatedAt'>;

// What an account has before anyone set it: office days 09:00–17:00, closed on holidays, no norms, no
// acknowledgement. Shown in the form, never applied to conversations.
function defaultSettings(timeZone: string): Settings {
  const weekday = [{ from: '09:00', to: '17:00' }];
  return {
    timeZone,
    alwaysOpen: false,
    week: Object.fromEntries(WEEKDAYS.map((day, index) => [day, index < 5 ? weekday : []])) as Settings['week'],
    holidaysClosed: true,
    exceptions: [],
    firstResponse: null,
    resolution: null,
    acknowledgement: { enabled: false, text: DEFAULT_ACKNOWLEDGEMENT },
  };
}

const norm = (minutes: number | null, counting: Norm['counting']): Norm | null => (minutes === null ? null : { minutes, counting });

function settingsOf(row: OfficeHoursRow): Settings {
  return {
    timeZone: row.time_zone,
    alwaysOpen: row.always_open,
    week: Object.fromEntries(WEEKDAYS.map((day) => [day, row.week[day] ?? []])) as Settings['week'],
    holidaysClosed: row.holidays_closed,
    exceptions: row.exceptions,
    firstResponse: norm(row.first_response_minutes, row.first_response_counting),
    resolution: norm(row.resolution_minutes, row.resolution_counting),
    acknowledgement: { enabled: row.acknowledgement_enabled, text: row.acknowledgement_text },
  };
}

// An account's settings as the norms need them; null when none were set (then no norm applies).
export async function loadAccountNorms(db: Db, organisationId: string, accountId: string) {
  const row = await findOfficeHours(db, organisationId, accountId);
  if (!row) return null;
  const settings = settingsOf(row);
  return { settings, schedule: buildSchedule(settings) };
}

function upcomingHolidays(schedule: Schedule, now: Date): string[] {
  const today = getDayNumber(now, schedule.timeZone);
  const days: string[] = [];
  for (let day = today; day < today + 366; day++) if (isPublicHoliday(day)) days.push(formatDayNumber(day));
  return days;
}

async function visibleAccount(ctx: ServiceContext, accountId: string, permission: Permission) {
  assertCan(ctx.actor, permission);
  const account = await findChannelAccount(ctx.db, ctx.actor.organisationId, accountId);
  if (!account || !actsForMunicipality(ctx.actor, account.municipality_id)) throw notFound('Het kanaalaccount');
  const municipality = await findMunicipality(ctx.db, ctx.actor.organisationId, account.municipality_id);
  return { id: account.id, channel: account.channel, municipality_id: account.municipality_id, time_zone: municipality?.time_zone ?? 'Europe/Amsterdam' };
}

function toView(accountId: string, settings: Settings, row: OfficeHoursRow | undefined, now: Date): OfficeHours {
  const schedule = buildSchedule(settings);
  return {
    accountId,
    ...settings,
    configured: row !== undefined,
    openNow: isOpenAt(now, schedule),
    upcomingHolidays: settings.holidaysClosed ? upcomingHolidays(schedule, now) : [],
    updatedAt: row?.updated_at.toISOString() ?? null,
  };
}

export async function getOfficeHours(ctx: ServiceContext, accountId: string): Promise<OfficeHours> {
  const account = await visibleAccount(ctx, accountId, 'inbox.read');
  const row = await findOfficeHours(ctx.db, ctx.actor.organisationId, account.id);
  return toView(account.id, row ? settingsOf(row) : defaultSettings(account.time_zone), row, ctx.clock.now());
}

// Replaces the settings as a whole. Conversations already waiting keep the due moments they got; the new
// norms apply from the next message.
export async function putOfficeHours(ctx: ServiceContext, accountId: string, input: OfficeHoursInput): Promise<OfficeHours> {
  const account = await visibleAccount(ctx, accountId, 'channels.manage');
  return runInTransaction(ctx, async (tx) => {
    const row = await saveOfficeHours(tx.db, {
      organisation_id: tx.actor.organisationId,
      account_id: account.id,
      time_zone: input.timeZone ?? account.time_zone,
      always_open: input.alwaysOpen,
      week: JSON.stringify(input.week),
      holidays_closed: input.holidaysClosed,
      exceptions: JSON.stringify([...input.exceptions].sort((a, b) => a.date.localeCompare(b.date))),
      first_response_minutes: input.firstResponse?.minutes ?? null,
      first_response_counting: input.firstResponse?.counting ?? 'openingstijden',
      resolution_minutes: input.resolution?.minutes ?? null,
      resolution_counting: input.resolution?.counting ?? 'openingstijden',
      acknowledgement_enabled: input.acknowledgement.enabled,
      acknowledgement_text: input.acknowledgement.text,
      updated_at: tx.clock.now(),
      updated_by: tx.actor.userId || null,
    });
    await recordAudit(tx, { action: 'openingstijden.gewijzigd', recordType: 'kanaalaccount', recordId: account.id, details: { ...input } });
    return toView(account.id, settingsOf(row), row, tx.clock.now());
  });
}
