import type { JobRegistry } from '@platform/jobs/job-registry';
import { registerAnalysisPlanner } from './analyses/jobs';
import { registerMonitorBackfill } from './monitors/backfill';
import { registerNetworkClassifier } from './network/network-classifier';
import { registerListeningPipeline } from './pipeline/pipeline.service';
import { registerTenorTraining } from './review/training';

// Every background job of listening: the pipeline, backfilling a monitor, retraining the tenor model, drafting scheduled analyses, classifying the local network.
export function registerListeningJobs(registry: JobRegistry, options: { publicUrl?: string }) {
  registerListeningPipeline(registry, options);
  registerMonitorBackfill(registry);
  registerTenorTraining(registry);
  registerAnalysisPlanner(registry, options);
  registerNetworkClassifier(registry);
}
