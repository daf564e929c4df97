// `npm run fuzz`: 10,000 generated bad requests against every public endpoint and signed webhook, on the embedded
// database or DATABASE_URL. PLEIN_FUZZ_CASES and PLEIN_FUZZ_SEED change the size and the cases; the same seed gives
// the same cases. Ends with one summary line; exits 1 when a case answered 5xx or wrote after a refusal.
import { SingleBar } from 'cli-progress';
import setUpTemplate from '../global-setup';
import { createTestApp } from '../harness';
import { startPdokLocatieserver } from '../platforms/pdok-locatieserver';
import { formatFuzzSummary, runFuzz } from './fuzz-run';

const cases = Number(process.env.PLEIN_FUZZ_CASES ?? 10_000);
const seed = Number(process.env.PLEIN_FUZZ_SEED ?? Date.now() % 2 ** 31);

const tearDown = await setUpTemplate();
const geocoder = await startPdokLocatieserver();
const t = await createTestApp({ PLEIN_GEOCODER_URL: geocoder.url });
process.stdout.write(`Fuzzen met ${cases} gevallen, seed ${seed} (PLEIN_FUZZ_SEED=${seed} herhaalt precies deze gevallen)\n`);
const bar = new SingleBar({ format: '{bar} {value}/{total} gevallen', hideCursor: true, noTTYOutput: true, notTTYSchedule: 10_000 });
bar.start(cases, 0);
const outcome = await runFuzz(t, { cases, seed, onProgress: (done) => bar.update(done) });
bar.stop();
for (const [target, seen] of [...outcome.byTarget].sort(([a], [b]) => a.localeCompare(b))) {
  const statuses = [...seen.statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`);
  process.stdout.write(`  ${target}: ${seen.cases} (${statuses.join(' ')})\n`);
}
for (const problem of outcome.problems.slice(0, 50)) process.stdout.write(`PROBLEEM ${problem}\n`);
await t.close();
await geocoder.close();
await tearDown?.();
process.stdout.write(`${formatFuzzSummary(outcome)}\n`);
process.exitCode = outcome.serverErrors + outcome.writtenOnReject > 0 ? 1 : 0;
