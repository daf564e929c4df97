// `npm run bench`: runs every benchmark and prints its figures with the ratio to its baseline.
// PLEIN_BENCH_SIZE=small (CI) runs each once, to prove they work; figures are not judged by tests.
import { benchChannels } from './channels';
import { benchInbox } from './inbox';
import { benchStartup } from './startup';

const small = process.env.PLEIN_BENCH_SIZE === 'small';
const selected = process.argv.slice(2);

const benches: Record<string, () => Promise<{ name: string; figures: Record<string, unknown> }>> = {
  startup: () => benchStartup(small ? 1 : 3),
  channels: () => benchChannels(small ? 5_000 : 100_000),
  inbox: () => benchInbox(small ? 20_000 : 1_000_000),
};

for (const [name, run] of Object.entries(benches)) {
  if (selected.length > 0 && !selected.includes(name)) continue;
  const result = await run();
  process.stdout.write(`\n# bench/${result.name}\n`);
  for (const [label, value] of Object.entries(result.figures)) process.stdout.write(`  ${label}: ${value}\n`);
}
process.exit(0);
