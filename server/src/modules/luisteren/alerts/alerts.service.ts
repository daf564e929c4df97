import type { Clock } from '@platform/clock.service';
import type { Db } from '@platform/db/database.client';
import type { ListeningAlertRow } from '@platform/db/database.schema';
import { announce } from '@platform/events/event-hub.service';
import { enqueueJob } from '@platform/jobs/jobs.service';
import { compareUuids } from '../pipeline/items.repository';
import { composeAlertMail } from './alert.mail';
import { countBaseline, countRecent, findMonitorForAlert, findRecentAlertKinds, insertAlert, lockMonitorAlerts } from './alerts.repository';
import { isWorthALook, judgeMonitor } from './spike-detector.rules';

const MINUTE = 60_000;
// One alert per monitor and kind in this time: a crisis is one alert, not one a minute.
const QUIET_AFTER_ALERT_MS = 120 * MINUTE;

// Runs in the pipeline's transaction after each batch, for the monitors that got new matches, at the moments the
// batch covers (the newest matched post of each minute, oldest first; never later than now): replayed or imported
// history is judged by its own time, live traffic by the clock. A finding at an earlier moment is raised there;
// later moments of the same batch then find it within the quiet time.
export async function detectAlerts(db: Db, clock: Clock, organisationId: string, momentsByMonitor: Map<string, Date[]>, options: { publicUrl?: string } = {}) {
  const created: ListeningAlertRow[] = [];
  // In the order of their ids: each monitor's alert lock is held to the end of the transaction, and two workers
  // taking the same monitors' locks in different orders would deadlock.
  for (const [monitorId, moments] of [...momentsByMonitor].sort(([a], [b]) => compareUuids(a, b))) {
    for (const moment of moments) {
      const reference = new Date(Math.min(moment.getTime(), clock.now().getTime()));
      created.push(...(await alertAt(db, clock, organisationId, monitorId, reference, options)));
    }
  }
  return created;
}

async function alertAt(db: Db, clock: Clock, organisationId: string, monitorId: string, reference: Date, options: { publicUrl?: string }) {
  const created: ListeningAlertRow[] = [];
  const findings = await findingsFor(db, organisationId, monitorId, reference);
  if (findings.length === 0) return created;
  await lockMonitorAlerts(db, monitorId);
  const recent = await findRecentAlertKinds(db, organisationId, monitorId, new Date(reference.getTime() - QUIET_AFTER_ALERT_MS));
  for (const finding of findings) {
    if (recent.has(finding.kind)) continue;
    const alert = await insertAlert(db, {
      organisation_id: organisationId,
      monitor_id: monitorId,
      kind: finding.kind,
      window_start: new Date(Math.floor(reference.getTime() / MINUTE) * MINUTE - finding.minutes * MINUTE),
      window_end: reference,
      observed: finding.observed,
      expected: finding.expected,
      crisis_like: finding.crisisLike,
      created_at: clock.now(),
    });
    if (!alert) continue;
    created.push(alert);
    await deliver(db, alert, options.publicUrl);
  }
  return created;
}

async function findingsFor(db: Db, organisationId: string, monitorId: string, reference: Date) {
  const recent = await countRecent(db, organisationId, monitorId, reference);
  // Most batches end here: nothing reaches the floor of any window, so no baseline is needed.
  if (!isWorthALook(recent)) return [];
  return judgeMonitor(recent, await countBaseline(db, organisationId, monitorId, reference));
}

// In the app (live, through NOTIFY on commit) and by e-mail to the monitor's addresses, through the mail
// queue in the same transaction: the alert row is unique, so each address gets each alert once.
async function deliver(db: Db, alert: ListeningAlertRow, publicUrl: string | undefined) {
  const monitor = await findMonitorForAlert(db, alert.organisation_id, alert.monitor_id);
  await announce(db, { organisationId: alert.organisation_id, kind: 'signaal', id: alert.id, municipalityId: monitor.municipality_id });
  if (!monitor.alerts_enabled) return;
  for (const to of monitor.alert_emails) {
    await enqueueJob(db, {
      organisationId: alert.organisation_id,
      name: 'mail.versturen',
      payload: { to, ...composeAlertMail(alert, monitor.name, publicUrl) },
      runAt: alert.created_at,
      uniqueKey: `signaal:${alert.id}:${to}`,
    });
  }
}
