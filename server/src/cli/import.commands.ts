import { readFileSync } from 'node:fs';
import type { Clock } from '@platform/clock.service';
import type { Db } from '@platform/db/database.client';
import { BoundaryError, setMunicipalityBoundary } from '@platform/organisations/boundary.rules';
import { findOrganisationBySlug } from '@platform/organisations/organisations.repository';
import { SingleBar } from 'cli-progress';
import { importHistory } from '../modules/luisteren/index';
import { importMeldingen } from '../modules/meldingen/index';
import { UsageError } from './cli.errors';

function readImportFile(file: string | undefined, usage: string) {
  if (!file) throw new UsageError('bestand', usage);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new UsageError('bestand', `Het bestand "${file}" kan niet worden gelezen.`);
  }
}

async function organisationIdOf(db: Db, slug: string) {
  const organisation = await findOrganisationBySlug(db, slug);
  if (!organisation) throw new UsageError('--organisation', `--organisation "${slug}": deze organisatie bestaat niet.`);
  return organisation.id;
}

// Every row is checked first, then written with a progress bar on stderr (stdout keeps the summary, for scripts).
async function withProgressBar<T>(what: string, run: (progress: (done: number, total: number) => void) => Promise<T>) {
  const bar = new SingleBar({
    format: `Importeren [{bar}] {percentage}% | {value}/{total} ${what}`,
    stream: process.stderr,
    hideCursor: true,
    noTTYOutput: true,
    notTTYSchedule: 1000,
  });
  let started = false;
  try {
    return await run((done, total) => {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    });
  } finally {
    if (started) bar.stop();
  }
}

// plein import meldingen <file.csv> --organisation <slug>
export async function importMeldingenCommand(db: Db, args: { file: string | undefined; organisation: string }) {
  const text = readImportFile(args.file, 'Geef het CSV-bestand: plein import meldingen <bestand.csv> --organisation <slug>.');
  const organisationId = await organisationIdOf(db, args.organisation);
  return withProgressBar('meldingen', (progress) => importMeldingen(db, organisationId, text, progress));
}

// plein import berichten <file.csv|file.ndjson> --organisation <slug>: history from another listening tool.
export async function importBerichtenCommand(db: Db, clock: Clock, args: { file: string | undefined; organisation: string }) {
  const text = readImportFile(args.file, 'Geef het CSV- of NDJSON-bestand: plein import berichten <bestand> --organisation <slug>.');
  const organisationId = await organisationIdOf(db, args.organisation);
  return withProgressBar('berichten', (progress) => importHistory(db, clock, organisationId, text, progress));
}

// plein municipality boundary <file.geojson> --organisation <slug> --municipality <CBS code>: the boundary
// (e.g. PDOK/CBS gemeentegebied in WGS84) that the melding form and Open311 check places against.
export async function runMunicipalityBoundaryCommand(db: Db, args: { file: string | undefined; organisation: string; municipality: string }) {
  const text = readImportFile(
    args.file,
    'Geef het GeoJSON-bestand: plein municipality boundary <bestand.geojson> --organisation <slug> --municipality <CBS-code>.',
  );
  try {
    return await setMunicipalityBoundary(db, { organisation: args.organisation, municipality: args.municipality, text });
  } catch (error) {
    if (error instanceof BoundaryError) throw new UsageError('bestand', error.message);
    throw error;
  }
}
