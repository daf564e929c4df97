import { createTestApp, type TestApp } from '@test/harness';
import { startPdokLocatieserver } from '@test/platforms/pdok-locatieserver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFuzzSummary, runFuzz } from './fuzz-run';

// Small and always the same in CI (fixed seed); `npm run fuzz` runs 10,000 cases, with another seed if asked.
const CASES = Number(process.env.PLEIN_FUZZ_CASES ?? 400);
const SEED = Number(process.env.PLEIN_FUZZ_SEED ?? 20261207);

let t: TestApp;
let geocoder: Awaited<ReturnType<typeof startPdokLocatieserver>>;
beforeAll(async () => {
  geocoder = await startPdokLocatieserver();
  t = await createTestApp({ PLEIN_GEOCODER_URL: geocoder.url });
});
afterAll(async () => {
  await t.close();
  await geocoder.close();
});

describe('fuzzen van elke openbare ingang', () => {
  it('geeft op gegenereerde slechte invoer nooit een 5xx en schrijft niets bij een weigering', async () => {
    const outcome = await runFuzz(t, { cases: CASES, seed: SEED });
    process.stdout.write(`${formatFuzzSummary(outcome)}\n`);
    expect(outcome.problems.slice(0, 20)).toEqual([]);
    expect(outcome.serverErrors).toBe(0);
    expect(outcome.writtenOnReject).toBe(0);
    // Every public route and webhook was reached, so a new public route cannot hide from the suite.
    const publicRoutes = t.app.routeCatalogue.filter((route) => route.access === 'public').map((route) => `${route.method} ${route.url}`);
    for (const route of publicRoutes) expect(outcome.byTarget.has(route), `${route} kreeg geen enkel geval`).toBe(true);
    expect([...outcome.byTarget.keys()].filter((target) => target.startsWith('POST /webhooks'))).toHaveLength(3);
  }, 600_000);
});
