import type { Connector, ConnectorAccount } from '../../connector.types';
import { loadScenario, type SimulationTarget, simulate } from './scenario.service';

const BATCH = 1_000;
// Castricum's town hall: where the demo's messages are placed when an account names no centre.
const DEFAULT_CENTRE = { lat: 52.5486, lon: 4.6693 };

export function resolveSimulationTarget(account: ConnectorAccount): SimulationTarget {
  const settings = account.settings;
  const lat = Number(settings.lat);
  const lon = Number(settings.lon);
  return {
    accountId: account.id,
    accountHandle: account.handle,
    municipalityName: String(settings.municipalityName ?? 'de gemeente'),
    scenario: loadScenario(String(settings.scenario ?? 'alledaags')),
    perHour: Number(settings.perHour ?? 6),
    startedAt: new Date(String(settings.startedAt ?? '1970-01-01T00:00:00Z')),
    centre: Number.isFinite(lat) && Number.isFinite(lon) && settings.lat !== undefined ? { lat, lon } : DEFAULT_CENTRE,
  };
}

// The "gesimuleerd" channel: traffic from a scenario, generated for the time that passed since the
// last poll. Replies are accepted and get a deterministic id, so the whole webcare loop can be
// practised without a real platform.
export const simulatorConnector: Connector = {
  channel: 'gesimuleerd',
  pollIntervalSeconds: 30,
  streams: () => ['scenario'],
  async poll(account, _stream, cursor, deps) {
    const nowSecond = Math.floor(deps.clock.now().getTime() / 1000);
    // A new account starts now: it does not invent a history.
    const fromSecond = typeof (cursor as { second?: unknown })?.second === 'number' ? (cursor as { second: number }).second : nowSecond;
    const { messages, nextSecond } = simulate(resolveSimulationTarget(account), fromSecond, nowSecond, BATCH);
    return { messages, cursor: { second: nextSecond }, more: nextSecond < nowSecond };
  },
  async send(_account, request) {
    return { platformId: `sim-uit-${request.outboxId}`, publicUrl: null };
  },
  async findSent(_account, request) {
    return { platformId: `sim-uit-${request.outboxId}`, publicUrl: null };
  },
};
