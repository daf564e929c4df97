import { readFileSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import type { Db } from '../platform/db/database';
import { findOrganisationBySlug } from '../modules/organisations/organisations.repository';
import { importMeldingen } from '../modules/meldingen/import.service';
import { BoundaryError, setMunicipalityBoundary } from '../modules/organisations/boundary';
import { UsageError } from './cli-errors';

// plein import meldingen <file.csv> --organisation <slug>: checks every row first, then writes them with
// a progress bar on stderr (stdout keeps the summary, for scripts).
export async function importMeldingenCommand(db: Db, args: { file: string | undefined; organisation: string }) {
  if (!args.file) throw new UsageError('bestand', 'Geef het CSV-bestand: plein import meldingen <bestand.csv> --organisation <slug>.');
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch {
    throw new UsageError('bestand', `Het bestand "${args.file}" kan niet worden gelezen.`);
  }
  const organisation = await findOrganisationBySlug(db, args.organisation);
  if (!organisation) throw new UsageError('--organisation', `--organisation "${args.organisation}": deze organisatie bestaat niet.`);
  const bar = new SingleBar({ format: 'Importeren [{bar}] {percentage}% | {value}/{total} meldingen', stream: process.stderr, hideCursor: true, noTTYOutput: true, notTTYSchedule: 1000 });
  let started = false;
  try {
    return await importMeldingen(db, organisation.id, text, (done, total) => {
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

// plein municipality boundary <file.geojson> --organisation <slug> --municipality <CBS code>: the boundary
// (e.g. PDOK/CBS gemeentegebied in WGS84) that the melding form and Open311 check places against.
export async function municipalityBoundaryCommand(db: Db, args: { file: string | undefined; organisation: string; municipality: string }) {
  if (!args.file) throw new UsageError('bestand', 'Geef het GeoJSON-bestand: plein municipality boundary <bestand.geojson> --organisation <slug> --municipality <CBS-code>.');
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch {
    throw new UsageError('bestand', `Het bestand "${args.file}" kan niet worden gelezen.`);
  }
  try {
    return await setMunicipalityBoundary(db, { organisation: args.organisation, municipality: args.municipality, text });
  } catch (error) {
    if (error instanceof BoundaryError) throw new UsageError('bestand', error.message);
    throw error;
  }
}
