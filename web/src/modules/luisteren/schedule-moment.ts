// A planned analysis is stored as a cron expression (Europe/Amsterdam); people choose a day and a time.
// Only the shapes this form writes are read back; anything else is shown as it is.
export const SCHEDULE_DAYS = ['1-5', '1', '2', '3', '4', '5', '6', '0'] as const;
export type ScheduleDay = (typeof SCHEDULE_DAYS)[number];

// The message key of each choice (analysis-messages.ts).
export const DAY_KEYS = {
  '1-5': 'dayWorkdays',
  '1': 'dayMonday',
  '2': 'dayTuesday',
  '3': 'dayWednesday',
  '4': 'dayThursday',
  '5': 'dayFriday',
  '6': 'daySaturday',
  '0': 'daySunday',
} as const satisfies Record<ScheduleDay, `day${string}`>;

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isScheduleTime(time: string): boolean {
  return TIME.test(time);
}

export function buildCron(day: ScheduleDay, time: string): string {
  const [, hours, minutes] = TIME.exec(time) ?? [];
  if (hours === undefined || minutes === undefined) throw new Error(`Geen tijd: ${time}`);
  return `${Number(minutes)} ${Number(hours)} * * ${day}`;
}

export function readCron(cron: string): { day: ScheduleDay; time: string } | null {
  const [minutes, hours, dayOfMonth, month, day, ...rest] = cron.trim().split(/\s+/);
  const known = rest.length === 0 && dayOfMonth === '*' && month === '*' && (SCHEDULE_DAYS as readonly string[]).includes(day ?? '');
  const h = Number(hours);
  const m = Number(minutes);
  if (!known || !/^\d+$/.test(hours ?? '') || !/^\d+$/.test(minutes ?? '') || h > 23 || m > 59) return null;
  return { day: day as ScheduleDay, time: `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}` };
}
