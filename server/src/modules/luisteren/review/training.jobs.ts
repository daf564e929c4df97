import type { Clock } from '@platform/clock.service';
import type { Db } from '@platform/db/database.client';
import type { JobRegistry } from '@platform/jobs/job-registry.service';
import { enqueueJob } from '@platform/jobs/jobs.service';
import { trainTenorModel } from '../analysis/tenor-model.rules';
import { findTrainingExamples, saveModel } from './review.repository';

export const TRAIN_JOB = 'luisteren.model-trainen';
// The newest labels weigh most: language and topics drift; a cap keeps training quick.
const MAX_EXAMPLES = 20_000;

// Corrections come in bursts (an analyst works through a list): train at most once a minute.
export async function scheduleTraining(db: Db, clock: Clock, organisationId: string) {
  const minute = Math.floor(clock.now().getTime() / 60_000);
  await enqueueJob(db, {
    organisationId,
    name: TRAIN_JOB,
    payload: {},
    runAt: new Date((minute + 1) * 60_000),
    uniqueKey: `tenormodel:${organisationId}:${minute}`,
  });
}

export async function trainOrganisationModel(db: Db, clock: Clock, organisationId: string) {
  const examples = await findTrainingExamples(db, organisationId, MAX_EXAMPLES);
  const model = trainTenorModel(
    examples.map((example) => ({ text: example.subject ? `${example.subject}\n${example.text}` : example.text, tenor: example.tenor })),
  );
  if (!model) return null;
  await saveModel(db, organisationId, model, examples.length, clock.now());
  return model;
}

export function registerTenorTraining(registry: JobRegistry) {
  registry.register({
    name: TRAIN_JOB,
    handler: async ({ db, clock, job }) => {
      await trainOrganisationModel(db, clock, job.organisation_id);
    },
  });
}
