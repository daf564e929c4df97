import { type AnalysisFigures, FIELDS } from '@contracts/analyses';
import type { Db } from '@platform/db/database.client';
import { countHashtags, countTerms, countTopAuthors, countVolume } from '../explore/explore.repository';
import type { ResolvedFilter } from '../explore/item-filter.repository';
import { countByField, findAuthorFields, findQuotes, pickFieldOfRank } from './analysis-figures.repository';

type TenorCounts = AnalysisFigures['tenor'];
const emptyTenor = (): TenorCounts => ({ steun: 0, kritiek: 0, neutraal: 0, gemengd: 0 });
const sum = (tenor: TenorCounts) => tenor.steun + tenor.kritiek + tenor.neutraal + tenor.gemengd;

async function volume(db: Db, organisationId: string, filter: ResolvedFilter) {
  const tenor = emptyTenor();
  for (const row of await countVolume(db, organisationId, filter, 'day')) tenor[row.tenor] += row.n;
  return { total: sum(tenor), tenor };
}

// The five factors of an issue-analyse (volume, tenor, who is for and against, arguments with quotes; risks and
// opportunities are the analyst's), over the four fields, for one period and compared with the period before it
// of the same length. Only composition of the listening queries; the result is stored as the document's snapshot.
export async function composeFigures(
  db: Db,
  organisationId: string,
  filter: ResolvedFilter & { from: Date; until: Date },
  now: Date,
): Promise<AnalysisFigures> {
  const span = filter.until.getTime() - filter.from.getTime();
  const previousFilter = { ...filter, from: new Date(filter.from.getTime() - span), until: filter.from };
  const current = await volume(db, organisationId, filter);
  const previous = await volume(db, organisationId, previousFilter);

  const fields = FIELDS.map((field) => ({ field, total: 0, tenor: emptyTenor() }));
  for (const row of await countByField(db, organisationId, filter)) {
    const entry = fields.find((candidate) => candidate.field === pickFieldOfRank(row.rank))!;
    entry.tenor[row.tenor] += row.n;
    entry.total += row.n;
  }

  const authors = await countTopAuthors(db, organisationId, filter, 50);
  const authorFields = await findAuthorFields(
    db,
    organisationId,
    filter,
    authors.map((author) => author.author_handle),
  );
  const people = authors.map((author) => ({
    handle: author.author_handle,
    name: author.name,
    field: authorFields.get(author.author_handle) ?? 'bevolking',
    items: author.items,
    reach: author.reach,
    supportive: author.supportive,
    critical: author.critical,
  }));
  // Ranked by reach × volume already; for and against is who leans which way.
  const supporters = people.filter((person) => person.supportive > person.critical).slice(0, 5);
  const critics = people.filter((person) => person.critical > person.supportive).slice(0, 5);

  const terms = (await countTerms(db, organisationId, filter, 6)).map((row) => ({ term: row.term, kind: 'term' as const, items: row.items }));
  const hashtags = (await countHashtags(db, organisationId, filter, 3)).map((row) => ({ term: row.tag, kind: 'hashtag' as const, items: row.items }));
  const candidates = [...hashtags, ...terms]
    .filter((argument) => argument.items > 1 || current.total < 5)
    .sort((a, b) => b.items - a.items)
    .slice(0, 6);
  const args: AnalysisFigures['arguments'] = [];
  for (const argument of candidates) {
    const rows = await findQuotes(db, organisationId, filter, argument, 12);
    const seen = new Set<string>();
    const quotes = [];
    // Two or three quotes from different authors, so one loud account is not "representative".
    for (const row of rows) {
      if (seen.has(row.author_handle.toLowerCase()) || quotes.length === 3) continue;
      seen.add(row.author_handle.toLowerCase());
      quotes.push({
        messageId: row.message_id,
        author: row.author_handle,
        field: pickFieldOfRank(row.rank),
        tenor: row.tenor,
        text: row.text.length > 280 ? `${row.text.slice(0, 277)}…` : row.text,
        reach: row.reach,
        publicUrl: row.public_url,
        postedAt: row.posted_at.toISOString(),
      });
    }
    args.push({ ...argument, quotes });
  }

  return {
    generatedAt: now.toISOString(),
    total: current.total,
    tenor: current.tenor,
    previous: { from: previousFilter.from.toISOString(), until: previousFilter.until.toISOString(), total: previous.total, tenor: previous.tenor },
    fields,
    supporters,
    critics,
    arguments: args,
  };
}
