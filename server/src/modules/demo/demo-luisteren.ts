import type { ServiceContext } from '../../platform/context';
import { createAuthorList } from '../luisteren/lists/lists.service';
import { createMonitor } from '../luisteren/monitors/monitors.service';

// Luisteren in the demo: monitors on what the simulated traffic talks about, so items, tenor and alerts
// have something to show from the first messages on, and the lists an analyst would keep.
export async function addDemoListening(ctx: ServiceContext) {
  const monitors = [
    { name: 'Afval en grofvuil', query: 'afval OF grofvuil OF gft* OF container* OF "oud papier" OF #afval' },
    { name: 'Openbare ruimte', query: 'stoeptegel* OF lantaarnpa* OF straatverlichting OF gedumpt OF zwerfvuil' },
    { name: 'Brand en veiligheid', query: 'brand OF rook* OF brandweer OF nl-alert OF #brand' },
    { name: 'Dienstverlening', query: 'paspoort OF rijbewijs OF parkeervergunning OF gemeentehuis OF hondenbelasting' },
  ];
  for (const monitor of monitors) await createMonitor(ctx, { ...monitor, municipalityId: null, alertsEnabled: true, alertEmails: [] });
  await createAuthorList(ctx, { name: 'Raadsleden', description: 'Leden van de vier gemeenteraden', members: [] });
  await createAuthorList(ctx, { name: 'Pers', description: 'Regionale omroepen, kranten en journalisten', members: [] });
}
