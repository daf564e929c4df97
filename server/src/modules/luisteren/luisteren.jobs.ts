import type { JobRegistry } from '@platform/jobs/job-registry.service';
import { registerAnalysisPlanner } from './analyses/analyses.jobs';
import { registerMonitorBackfill } from './monitors/backfill.jobs';
import { registerNetworkClassifier } from './network/network-classifier.jobs';
import { registerListeningPipeline } from './pipeline/pipeline.service';
import { registerTenorTraining } from './review/training.jobs';

// Every background job of listening: the pipeline, backfilling a monitor, retraining the tenor model, drafting scheduled analyses, classifying the local network.
export function registerListeningJobs(registry: JobRegistry, options: { publicUrl?: string }) {
  registerListeningPipeline(registry, options);
  registerMonitorBackfill(registry);
  registerTenorTraining(registry);
  registerAnalysisPlanner(registry, options);
  registerNetworkClassifier(registry);
}
