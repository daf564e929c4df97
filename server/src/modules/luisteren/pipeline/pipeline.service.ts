import type { Clock } from '@platform/clock.service';
import type { Db } from '@platform/db/database.client';
import { mapInSlices } from '@platform/event-loop.service';
import type { JobRegistry } from '@platform/jobs/job-registry.service';
import { defineStoredMessagesJob } from '../../channels/index';
import { detectAlerts } from '../alerts/alerts.service';
import { computeDuplicateFingerprints, splitSimhashBands } from '../analysis/duplicates.rules';
import { detectLanguage } from '../analysis/language.rules';
import { classifyTenor } from '../analysis/tenor-model.rules';
import { prepareItem, prepareText } from '../query/matcher.rules';
import { foldDuplicates } from './fold-duplicates.rules';
import {
  buildMatch,
  countDuplicates,
  findDuplicateCandidates,
  findListsOfAuthors,
  findUnprocessedMessages,
  insertItems,
  insertMatches,
  type NewItemRow,
  type UnprocessedMessage,
} from './items.repository';
import { toMatchable } from './matchable.rules';
import { loadMonitors } from './monitor-set.service';
import { loadTenorModel } from './tenor-model-cache.service';

// Copies are folded into an original seen within this window; older look-alikes are news again.
const DUPLICATE_WINDOW_MS = 3 * 24 * 3_600_000;

// The listening pipeline, one code path for a single webhook message and for a bulk import:
// normalise → language → tenor → fold duplicates → match monitors → (full text is a generated column
// on messages) → alerts. Idempotent: messages already processed are skipped, rows are inserted once.
// Set once when the jobs are registered: also a run started by the inbox (routing on a monitor) links its alert mails.
let defaults: { publicUrl?: string } = {};

export async function processMessages(db: Db, clock: Clock, organisationId: string, messageIds: string[], options: { publicUrl?: string } = defaults) {
  const messages = await findUnprocessedMessages(db, organisationId, messageIds);
  if (messages.length === 0) return { processed: 0 };
  const model = await loadTenorModel(db, organisationId);
  const analyseText = textAnalysisOnce(model);
  const analysed = await mapInSlices(messages, (message) => analyse(message, analyseText));

  const earliest = messages[0]!.posted_at;
  const stored = await findDuplicateCandidates(
    db,
    organisationId,
    new Date(earliest.getTime() - DUPLICATE_WINDOW_MS),
    [...new Set(analysed.map((item) => item.exactKey))],
    [...new Set(analysed.flatMap((item) => item.bands))],
  );
  const { duplicateOf, gains } = foldDuplicates(
    analysed.map((item) => ({ id: item.message.id, exactKey: item.exactKey, simhash: item.simhash, reach: item.reach })),
    stored.map((row) => ({ id: row.message_id, exactKey: row.exact_key, simhash: BigInt(`0x${row.simhash}`) })),
  );

  await insertItems(
    db,
    analysed.map((item) => toItemRow(organisationId, item, duplicateOf.get(item.message.id) ?? null)),
  );
  const matches = await matchMonitors(db, organisationId, analysed, duplicateOf);
  await insertMatches(db, matches);
  // From the matches on, a worker holds what another needs to the end of its transaction: the minute buckets and
  // alert locks of its monitors, and the originals that count their copies (in a burst every batch counts into the
  // same few). So these come last, and a second worker analyses and stores its items meanwhile. The alert judged
  // after the buckets sees every batch counted before it.
  await detectAlerts(db, clock, organisationId, momentsToJudge(matches), options);
  await countDuplicates(db, organisationId, gains);
  return { processed: messages.length, matches: matches.length };
}

// What is read from a text alone (language, tenor, duplicate fingerprints, its words for the monitors), once per
// distinct text in a batch: in a burst most posts are reposts of a few texts (the crisis bench: some 70 texts in
// 30,000 posts), and these are the pipeline's costliest steps. The same model serves the whole batch.
function textAnalysisOnce(model: Parameters<typeof classifyTenor>[1]) {
  const seen = new Map<string, ReturnType<typeof analyseText>>();
  return (subject: string | null, body: string, givenLanguage: string | null) => {
    const key = `${givenLanguage ?? ''}\u0000${subject ?? ''}\u0000${body}`;
    let analysis = seen.get(key);
    if (!analysis) {
      analysis = analyseText(subject, body, givenLanguage, model);
      seen.set(key, analysis);
    }
    return analysis;
  };
}

function analyseText(subject: string | null, body: string, givenLanguage: string | null, model: Parameters<typeof classifyTenor>[1]) {
  const text = subject ? `${subject}\n${body}` : body;
  const language = givenLanguage ?? detectLanguage(text);
  // The lexicon and the model know Dutch; other languages are counted, not judged.
  const tenor = language === null || language === 'nl' ? classifyTenor(text, model) : { tenor: 'neutraal' as const, confidence: 0, source: 'lexicon' as const };
  const { exactKey, simhash } = computeDuplicateFingerprints(text);
  return { language, tenor, exactKey, simhash, bands: splitSimhashBands(simhash), words: prepareText(subject, body) };
}

function analyse(message: UnprocessedMessage, analyseText: ReturnType<typeof textAnalysisOnce>) {
  return { message, ...analyseText(message.subject, message.text, message.language), reach: message.author_followers ?? 0 };
}

type Analysed = ReturnType<typeof analyse>;

function toItemRow(organisationId: string, item: Analysed, duplicateOf: string | null): NewItemRow {
  return {
    organisation_id: organisationId,
    message_id: item.message.id,
    municipality_id: item.message.municipality_id,
    channel: item.message.channel,
    author_handle: item.message.author_handle,
    posted_at: item.message.posted_at,
    language: item.language,
    tenor_auto: item.tenor.tenor,
    tenor_auto_source: item.tenor.source,
    tenor_confidence: item.tenor.confidence,
    tenor: item.tenor.tenor,
    exact_key: item.exactKey,
    simhash: item.simhash.toString(16).padStart(16, '0'),
    simhash_bands: item.bands,
    duplicate_of: duplicateOf,
    reach: item.reach,
  };
}

async function matchMonitors(db: Db, organisationId: string, analysed: Analysed[], duplicateOf: Map<string, string>) {
  const monitors = await loadMonitors(db, organisationId);
  if (monitors.length === 0) return [];
  const lists = await loadAuthorListsOfHandles(
    db,
    organisationId,
    analysed.map((item) => item.message.author_handle),
  );
  const perItem = await mapInSlices(analysed, (item) =>
    findMatchingMonitors(monitors, lists, item).map((monitor) =>
      buildMatch(organisationId, monitor.id, {
        message_id: item.message.id,
        posted_at: item.message.posted_at,
        tenor: item.tenor.tenor,
        channel: item.message.channel,
        duplicate_of: duplicateOf.get(item.message.id) ?? null,
      }),
    ),
  );
  return perItem.flat();
}

function findMatchingMonitors(monitors: Awaited<ReturnType<typeof loadMonitors>>, lists: Map<string, string[]>, item: Analysed) {
  const prepared = prepareItem(toMatchable(item.message, item.language, lists), item.words);
  return monitors.filter((monitor) => (!monitor.municipalityId || monitor.municipalityId === item.message.municipality_id) && monitor.query.matches(prepared));
}

// What listening would say of a private message (language, tenor, the monitors it matches), worked out in memory
// for the inbox's routing rules: a private message is never stored as a listening item, matched or counted.
export async function judgeWithoutStoring(db: Db, message: UnprocessedMessage & { organisation_id: string }) {
  const model = await loadTenorModel(db, message.organisation_id);
  const item = analyse(message, textAnalysisOnce(model));
  const monitors = await loadMonitors(db, message.organisation_id);
  const lists = monitors.length > 0 ? await loadAuthorListsOfHandles(db, message.organisation_id, [message.author_handle]) : new Map<string, string[]>();
  return { tenor: item.tenor.tenor, language: item.language, monitorIds: findMatchingMonitors(monitors, lists, item).map((monitor) => monitor.id) };
}

// Per monitor, the newest matched post of each minute the batch covers, oldest first. A batch that caught up on a
// backlog (coalesced jobs) spans minutes: a spike is judged as of the first minute it could be seen, not as of the
// batch's newest post, so the alert says when the burst began to show.
function momentsToJudge(matches: { monitor_id: string; posted_at: Date }[]) {
  const byMonitor = new Map<string, Map<number, Date>>();
  for (const match of matches) {
    const minutes = byMonitor.get(match.monitor_id) ?? new Map<number, Date>();
    byMonitor.set(match.monitor_id, minutes);
    const minute = Math.floor(match.posted_at.getTime() / 60_000);
    const latest = minutes.get(minute);
    if (!latest || latest < match.posted_at) minutes.set(minute, match.posted_at);
  }
  return new Map([...byMonitor].map(([monitorId, minutes]) => [monitorId, [...minutes.values()].sort((a, b) => a.getTime() - b.getTime())]));
}

export async function loadAuthorListsOfHandles(db: Db, organisationId: string, handles: string[]) {
  const rows = await findListsOfAuthors(db, organisationId, [...new Set(handles.map((handle) => handle.toLowerCase()))]);
  const lists = new Map<string, string[]>();
  for (const row of rows) lists.set(row.author_handle, [...(lists.get(row.author_handle) ?? []), row.name]);
  return lists;
}

// Analyses every stored message (listening subscribes to all of them in its index.ts).
export const LISTEN_JOB = 'luisteren.verwerken';

export function registerListeningPipeline(registry: JobRegistry, options: { publicUrl?: string }) {
  defaults = options;
  registry.register(
    defineStoredMessagesJob(LISTEN_JOB, (db, clock, organisationId, messageIds) => processMessages(db, clock, organisationId, messageIds, options)),
  );
}
