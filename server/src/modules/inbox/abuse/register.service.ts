import { ABUSE_ACTION_LABELS, ABUSE_ACTIONS, type AggressionEntry, type aggressionRegisterQuery } from '@contracts/abuse';
import { CHANNEL_CAPABILITIES } from '@contracts/channel-limits';
import type { ServiceContext } from '@platform/context.service';
import { reportMunicipalities } from '@platform/organisations/organisations.service';
import { assertCan } from '@platform/tenancy/policy.rules';
import { resolveReportPeriod } from '@platform/time/local-days.rules';
import type { z } from 'zod';
import { findRegisterEntries } from './abuse.repository';
import { toEntryView } from './abuse.views';

type RegisterQuery = z.infer<typeof aggressionRegisterQuery>;

// The register over a period (by the day the message was posted), for the municipalities one works for.
export async function listAggressionRegister(ctx: ServiceContext, query: RegisterQuery) {
  assertCan(ctx.actor, 'aggression.read');
  const { municipalities, selected, scope } = await reportMunicipalities(ctx, query.municipality);
  const period = resolveReportPeriod(query, selected[0]?.time_zone ?? 'Europe/Amsterdam', ctx.clock.now());
  const rows = await findRegisterEntries(ctx.db, scope, {
    from: period.fromInstant,
    until: period.untilInstant,
  });
  const byId = new Map(municipalities.map((m) => [m.id, m]));
  const items = rows.map((row) => toEntryView(row, byId));
  const actions = Object.fromEntries(ABUSE_ACTIONS.map((action) => [action, items.filter((item) => item.actions.includes(action)).length])) as Record<
    (typeof ABUSE_ACTIONS)[number],
    number
  >;
  return { from: period.from, to: period.to, count: items.length, actions, items };
}

// A spreadsheet must never read a cell as a formula (CSV injection): such a cell starts with a quote.
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const dateTime = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

// As Dutch Excel opens it by double-click (semicolons, UTF-8 with BOM, CRLF), one row per incident and a
// column per action with 1 or 0, so the yearly count is a sum.
export function registerCsv(items: AggressionEntry[]): string {
  const header = [
    'Datum',
    'Gemeente',
    'Kanaal',
    'Account',
    'Afzender',
    'Naam afzender',
    'Bericht',
    'Link',
    ...ABUSE_ACTIONS.map((action) => ABUSE_ACTION_LABELS[action]),
    'Toelichting',
    'Geregistreerd door',
    'Geregistreerd op',
  ];
  const lines = items.map((item) => [
    dateTime.format(new Date(item.postedAt)),
    item.municipalityName,
    CHANNEL_CAPABILITIES[item.channel]?.label ?? item.channel,
    item.accountHandle,
    item.author.handle,
    item.author.displayName ?? '',
    item.text,
    item.publicUrl ?? '',
    ...ABUSE_ACTIONS.map((action) => (item.actions.includes(action) ? '1' : '0')),
    item.note ?? '',
    item.recordedBy,
    dateTime.format(new Date(item.recordedAt)),
  ]);
  return `\uFEFF${[header, ...lines].map((line) => line.map(cell).join(';')).join('\r\n')}\r\n`;
}
