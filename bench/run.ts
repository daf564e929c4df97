// `npm run bench`: runs every benchmark and prints its figures with the ratio to its baseline.
// PLEIN_BENCH_SIZE=small (CI) runs each once, to prove they work; figures are not judged by tests.
import { benchAnalysis } from './analysis';
import { benchChannels } from './channels';
import { benchInbox } from './inbox';
import { benchIngest } from './ingest';
import { benchLoad } from './load';
import { benchStartup } from './startup';

const small = process.env.PLEIN_BENCH_SIZE === 'small';
const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const selected = args.filter((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--'));
const ingestPosts = Number(option('posts') ?? (small ? 10_000 : 700_000));

// A bench may end with one summary line that scripts read (ingest: posts_per_s and copy_ratio).
const benches: Record<string, () => Promise<{ name: string; figures: Record<string, unknown>; summary?: string }>> = {
  startup: () => benchStartup(small ? 1 : 3),
  channels: () => benchChannels(small ? 5_000 : 100_000),
  inbox: () => benchInbox(small ? 20_000 : 1_000_000),
  analysis: () => benchAnalysis(small ? 5_000 : 200_000),
  load: () =>
    benchLoad(
      small
        ? { staff: 10, submissionsPerSecond: 5, seconds: 10, conversations: 2_000 }
        : {
            staff: Number(option('staff') ?? 200),
            submissionsPerSecond: Number(option('rate') ?? 50),
            seconds: Number(option('seconds') ?? 180),
            conversations: 50_000,
          },
    ),
  ingest: () => benchIngest(ingestPosts, Number(option('workers') ?? 2), Number(option('search-items') ?? (small ? 20_000 : 1_000_000))),
};

for (const [name, run] of Object.entries(benches)) {
  if (selected.length > 0 && !selected.includes(name)) continue;
  const result = await run();
  process.stdout.write(`\n# bench/${result.name}\n`);
  for (const [label, value] of Object.entries(result.figures)) process.stdout.write(`  ${label}: ${value}\n`);
  if (result.summary) process.stdout.write(`${result.summary}\n`);
}
process.exit(0);
