import { CHANNELS, type Channel } from '@contracts/channels';
import type { Clock } from '@platform/clock.service';
import type { Db } from '@platform/db/database.client';
import type { ChannelAccountRow, MunicipalityRow } from '@platform/db/database.schema';
import { findMunicipalities } from '@platform/organisations/organisations.repository';
import { scopeWholeOrganisation } from '@platform/tenancy/policy.rules';
import { parse } from 'csv-parse/sync';
import { buildPlainMessage, createArchiveAccount, listChannelAccounts, storeMessages } from '../../channels/index';
import { ImportRejected, type RowProblem } from '../../meldingen/index';
import { processMessages } from '../pipeline/pipeline.service';

// History exported from another listening tool (Coosto, OBI4wan, …) as CSV or NDJSON: every row is checked
// first, with Dutch errors per row, and one bad row imports nothing. Rows then go through the same ingest
// path and pipeline as live messages, under a paused archive account per municipality and source, so
// importing the same file again changes nothing (the row id is the platform id).
const BATCH = 500;
const FIELDS = {
  id: ['id'],
  bron: ['bron', 'source', 'kanaal'],
  gemeente: ['gemeente', 'municipality'],
  auteur: ['auteur', 'author'],
  naam: ['naam', 'name'],
  volgers: ['volgers', 'followers'],
  tekst: ['tekst', 'text'],
  tijd: ['tijd', 'posted_at', 'datum'],
  url: ['url'],
  lat: ['lat'],
  lon: ['lon'],
  taal: ['taal', 'language'],
} as const;
type Field = keyof typeof FIELDS;
// What other tools call their sources, in Plein's channel names.
const SOURCE_ALIASES: Record<string, Channel> = {
  twitter: 'x',
  nieuws: 'rss',
  news: 'rss',
  web: 'rss',
  blog: 'rss',
  forum: 'rss',
  mail: 'email',
  'e-mail': 'email',
};
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

interface HistoryRow {
  id: string;
  channel: Channel;
  municipality: MunicipalityRow;
  author: string;
  name: string | null;
  followers: number | null;
  text: string;
  postedAt: Date;
  url: string | null;
  geo: { lat: number; lon: number } | null;
  language: string | null;
}

// Each record with the row number a person finds it at: the line of an NDJSON file, the spreadsheet row of a
// CSV (its first line is the header).
type NumberedRecord = { record: Record<string, unknown>; row: number };

function readRecords(text: string): { records: NumberedRecord[]; problems: RowProblem[] } {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{')) {
    const records: NumberedRecord[] = [];
    const problems: RowProblem[] = [];
    trimmed.split('\n').forEach((line, index) => {
      if (line.trim() === '') return;
      try {
        const value = JSON.parse(line);
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) records.push({ record: value as Record<string, unknown>, row: index + 1 });
        else problems.push({ row: index + 1, field: 'regel', reason: 'Elke regel is één JSON-object.' });
      } catch {
        problems.push({ row: index + 1, field: 'regel', reason: 'Deze regel is geen geldige JSON.' });
      }
    });
    return { records, problems };
  }
  try {
    const rows: Record<string, unknown>[] = parse(text, {
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      bom: true,
      skip_empty_lines: true,
      trim: true,
    });
    return { records: rows.map((record, index) => ({ record, row: index + 2 })), problems: [] };
  } catch (error) {
    return {
      records: [],
      problems: [
        { row: 1, field: 'bestand', reason: `Dit is geen leesbaar CSV- of NDJSON-bestand (${error instanceof Error ? error.message : 'onbekende fout'}).` },
      ],
    };
  }
}

function fieldOf(record: Record<string, unknown>, field: Field): string {
  for (const name of FIELDS[field]) {
    const value = record[name];
    if (value !== undefined && value !== null) return String(value).trim();
  }
  return '';
}

export function validateHistory(text: string, municipalities: MunicipalityRow[]) {
  const { records, problems } = readRecords(text);
  if (problems.length === 0 && records.length === 0) problems.push({ row: 1, field: 'bestand', reason: 'Het bestand bevat geen berichten.' });
  const byCode = new Map(municipalities.map((municipality) => [municipality.cbs_code, municipality]));
  const seen = new Set<string>();
  const rows: HistoryRow[] = [];
  records.forEach(({ record, row }) => {
    const problem = (field: string, reason: string) => problems.push({ row, field, reason });
    const id = fieldOf(record, 'id');
    if (!id) problem('id', 'Elke rij heeft een eigen id (uit het oude systeem).');
    else if (seen.has(id)) problem('id', `De id "${id}" komt vaker voor in het bestand.`);
    seen.add(id);
    const source = fieldOf(record, 'bron').toLowerCase();
    const channel = (CHANNELS as readonly string[]).includes(source) ? (source as Channel) : SOURCE_ALIASES[source];
    if (!channel) problem('bron', `Onbekende bron "${source}". Gebruik een van: ${[...CHANNELS, ...Object.keys(SOURCE_ALIASES)].join(', ')}.`);
    const municipality = byCode.get(fieldOf(record, 'gemeente').toUpperCase());
    if (!municipality)
      problem(
        'gemeente',
        `"${fieldOf(record, 'gemeente')}" is geen CBS-code van een gemeente van deze organisatie (zoals ${municipalities[0]?.cbs_code ?? 'GM0383'}).`,
      );
    const author = fieldOf(record, 'auteur').replace(/^@/, '');
    if (!author) problem('auteur', 'De auteur ontbreekt.');
    const body = fieldOf(record, 'tekst');
    if (!body) problem('tekst', 'De tekst ontbreekt.');
    else if (body.length > 20_000) problem('tekst', 'De tekst is langer dan 20.000 tekens.');
    const time = fieldOf(record, 'tijd');
    if (!ISO.test(time) || Number.isNaN(Date.parse(time)))
      problem('tijd', `"${time}" is geen tijdstip in ISO 8601 met tijdzone, zoals 2024-03-05T14:30:00+01:00.`);
    const followersText = fieldOf(record, 'volgers');
    const followers = followersText === '' ? null : Number(followersText);
    if (followers !== null && (!Number.isInteger(followers) || followers < 0)) problem('volgers', `"${followersText}" is geen aantal volgers.`);
    const latText = fieldOf(record, 'lat');
    const lonText = fieldOf(record, 'lon');
    const lat = Number(latText);
    const lon = Number(lonText);
    const hasPlace = latText !== '' || lonText !== '';
    if (hasPlace && !(latText !== '' && lonText !== '' && Math.abs(lat) <= 90 && Math.abs(lon) <= 180))
      problem('lat', 'Geef lat en lon samen, in graden (WGS84), of laat beide leeg.');
    const language = fieldOf(record, 'taal').toLowerCase();
    if (language && !/^[a-z]{2}$/.test(language)) problem('taal', `"${language}" is geen taalcode van twee letters, zoals nl.`);
    if (problems.some((found) => found.row === row)) return;
    rows.push({
      id,
      channel: channel!,
      municipality: municipality!,
      author,
      name: fieldOf(record, 'naam') || null,
      followers,
      text: body,
      postedAt: new Date(time),
      url: fieldOf(record, 'url') || null,
      geo: hasPlace ? { lat, lon } : null,
      language: language || null,
    });
  });
  return { rows, problems };
}

async function archiveAccount(db: Db, organisationId: string, accounts: ChannelAccountRow[], municipality: MunicipalityRow, channel: Channel) {
  const handle = `archief-${municipality.cbs_code.toLowerCase()}`;
  const existing = accounts.find((account) => account.channel === channel && account.handle === handle);
  if (existing) return existing;
  // Paused and without secrets: nothing is ever polled or sent from it; it only holds imported history.
  const created = await createArchiveAccount(db, organisationId, {
    municipalityId: municipality.id,
    channel,
    handle,
    displayName: `Archief ${municipality.name} (${channel})`,
  });
  accounts.push(created);
  return created;
}

export async function importHistory(db: Db, clock: Clock, organisationId: string, text: string, progress: (done: number, total: number) => void = () => {}) {
  const municipalities = await findMunicipalities(db, organisationId);
  const { rows, problems } = validateHistory(text, municipalities);
  if (problems.length > 0) throw new ImportRejected(problems);
  const accounts = await listChannelAccounts(db, scopeWholeOrganisation(organisationId));
  let imported = 0;
  progress(0, rows.length);
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    imported += await db.transaction().execute(async (trx) => {
      const ids: string[] = [];
      const groups = new Map<ChannelAccountRow, HistoryRow[]>();
      for (const row of batch) {
        const account = await archiveAccount(trx, organisationId, accounts, row.municipality, row.channel);
        groups.set(account, [...(groups.get(account) ?? []), row]);
      }
      for (const [account, group] of groups) {
        const messages = group.map((row) =>
          buildPlainMessage({
            platformId: `import:${row.id}`,
            author: { id: row.author, handle: row.author, displayName: row.name, followers: row.followers },
            text: row.text,
            hashtags: [...row.text.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((match) => match[1]!),
            mentions: [...row.text.matchAll(/@([\w.-]+)/g)].map((match) => match[1]!),
            geo: row.geo,
            language: row.language,
            publicUrl: row.url,
            visibility: 'openbaar',
            postedAt: row.postedAt,
            raw: { imported: true, id: row.id },
          }),
        );
        ids.push(...(await storeMessages(trx, clock, account, messages, { stream: 'import' })));
      }
      // The pipeline runs here, so the progress bar means analysed, not just stored (the queued job then finds nothing left).
      await processMessages(trx, clock, organisationId, ids);
      return ids.length;
    });
    progress(Math.min(start + BATCH, rows.length), rows.length);
  }
  return { rows: rows.length, imported, alreadyPresent: rows.length - imported };
}
