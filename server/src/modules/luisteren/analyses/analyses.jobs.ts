import type { JobRegistry } from '@platform/jobs/job-registry.service';
import { draftDueAnalyses } from './analysis-planner.service';

export const ANALYSIS_PLANNER_JOB = 'luisteren.analyses-plannen';

export function registerAnalysisPlanner(registry: JobRegistry, options: { publicUrl?: string }) {
  const publicUrl = options.publicUrl ?? '';
  registry.register({ name: ANALYSIS_PLANNER_JOB, handler: async ({ db, clock }) => void (await draftDueAnalyses(db, clock, publicUrl)) });
}
