import type { AppInstance } from '../../platform/http/app';
import { alertRoutes } from './alerts/alerts.routes';
import { alertStreamRoutes } from './alerts/alerts-stream.routes';
import { analysisRoutes } from './analyses/analyses.routes';
import { exploreRoutes } from './explore/explore.routes';
import { authorListRoutes } from './lists/lists.routes';
import { monitorRoutes } from './monitors/monitors.routes';
import { networkRoutes } from './network/network.routes';
import { reviewRoutes } from './review/review.routes';
import { rumourRoutes } from './rumours/rumours.routes';

// Luisteren: monitors, the items the pipeline produced, corrections, alerts, author lists, rumours and the local network.
export async function listeningRoutes(app: AppInstance) {
  await monitorRoutes(app);
  await exploreRoutes(app);
  await reviewRoutes(app);
  await alertRoutes(app);
  await alertStreamRoutes(app);
  await authorListRoutes(app);
  await analysisRoutes(app);
  await rumourRoutes(app);
  await networkRoutes(app);
}
