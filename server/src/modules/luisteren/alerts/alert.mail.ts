import type { ListeningAlertRow } from '@platform/db/database.schema';

const KIND_TEXT: Record<ListeningAlertRow['kind'], string> = {
  piek: 'plotseling veel meer berichten dan gewoon',
  negatief: 'de toon slaat om naar kritiek',
  nieuwsgolf: 'een golf nieuwsberichten',
};

const timeOf = (at: Date) => at.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' });
const round = (value: number) => value.toLocaleString('nl-NL', { maximumFractionDigits: 1 });

const MINUTE = 60_000;

// The link opens Luisteren on the burst itself: the monitor and the alert's window. The window ends with the
// newest post it counted, but the filter's tot is exclusive: it runs to the next whole minute, so that post is in.
export function buildBurstPath(alert: Pick<ListeningAlertRow, 'monitor_id' | 'window_start' | 'window_end'>) {
  const until = new Date(Math.floor(alert.window_end.getTime() / MINUTE) * MINUTE + MINUTE);
  const params = new URLSearchParams({ monitor: alert.monitor_id, van: alert.window_start.toISOString(), tot: until.toISOString() });
  return `/luisteren?${params}`;
}

export function composeAlertMail(alert: ListeningAlertRow, monitorName: string, publicUrl: string | undefined) {
  const link = `${publicUrl ?? ''}${buildBurstPath(alert)}`;
  const lines = [
    `Signaal voor monitor "${monitorName}": ${KIND_TEXT[alert.kind]}.`,
    '',
    `Tussen ${timeOf(alert.window_start)} en ${timeOf(alert.window_end)}: ${alert.observed} berichten, waar ${round(alert.expected)} gewoon is.`,
    ...(alert.crisis_like ? ['', 'Dit lijkt op een crisis. Overweeg de crisismodus aan te zetten.'] : []),
    '',
    `Bekijk de berichten: ${link}`,
  ];
  return { subject: `Plein-signaal: ${monitorName} (${KIND_TEXT[alert.kind]})`, text: lines.join('\n') };
}
