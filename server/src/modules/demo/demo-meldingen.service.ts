import type { Clock } from '@platform/clock.service';
import type { ServiceContext } from '@platform/context.service';
import type { MunicipalityRow } from '@platform/db/database.schema';
import { updateMunicipalityBoundary } from '@platform/organisations/organisations.repository';
import { changeMeldingStatus, ensureCategories, fileMelding } from '../meldingen/index';

// The fictional municipalities lie side by side along the North Holland coast, each a box of dunes and
// village; boundaries make the map and the "outside the municipality" check work in the demo.
const DEMO_AREAS: Record<string, { south: number; north: number; west: number; east: number }> = {
  GM9901: { south: 52.52, north: 52.58, west: 4.6, east: 4.7 },
  GM9902: { south: 52.58, north: 52.64, west: 4.6, east: 4.7 },
  GM9903: { south: 52.64, north: 52.7, west: 4.6, east: 4.72 },
  GM9904: { south: 52.7, north: 52.76, west: 4.62, east: 4.74 },
};

const EXAMPLES: [string, string, string | null][] = [
  ['wegen-bestrating', 'Losliggende stoeptegel bij de ingang van de bibliotheek.', null],
  ['verlichting-lantaarnpaal', 'Lantaarnpaal aan het fietspad naar het strand brandt niet.', 'in-behandeling'],
  ['afval-dumping', 'Matras en vuilniszakken naast de ondergrondse container.', 'afgehandeld'],
  ['groen-boom', 'Grote tak afgebroken, ligt half over het voetpad.', 'ingepland'],
  ['overlast-graffiti', 'Bekladding op het bushokje bij de school.', null],
  ['dieren-dood', 'Dode meeuw op de parkeerplaats bij de boulevard.', 'afgehandeld'],
];

export async function addDemoMeldingen(
  ctx: ServiceContext,
  clock: Clock,
  organisation: { id: string; slug: string },
  municipalities: MunicipalityRow[],
  publicUrl: string,
) {
  const categories = await ensureCategories(ctx.db, organisation.id);
  for (const [index, municipality] of municipalities.entries()) {
    const area = DEMO_AREAS[municipality.cbs_code];
    if (!area) continue;
    const boundary = {
      type: 'Polygon',
      coordinates: [
        [
          [area.west, area.south],
          [area.east, area.south],
          [area.east, area.north],
          [area.west, area.north],
          [area.west, area.south],
        ],
      ],
    };
    await updateMunicipalityBoundary(ctx.db, organisation.id, municipality.id, boundary);
    const withBoundary = { ...municipality, boundary };
    for (const [exampleIndex, [code, description, status]] of EXAMPLES.entries()) {
      if ((exampleIndex + index) % 2 === 1) continue;
      const category = categories.find((row) => row.code === code)!;
      const lat = area.south + (area.north - area.south) * (0.2 + 0.1 * exampleIndex);
      const lon = area.west + (area.east - area.west) * (0.3 + 0.08 * exampleIndex);
      const { melding } = await fileMelding(
        ctx.db,
        clock,
        { organisation, municipality: withBoundary },
        { categoryId: category.id, description, lat, lon, consent: false, answers: {}, photoIds: [] },
        { source: 'medewerker', links: { publicUrl } },
      );
      if (status) {
        await changeMeldingStatus(ctx, { publicUrl }, melding.id, { status: 'in-behandeling' });
        if (status !== 'in-behandeling') await changeMeldingStatus(ctx, { publicUrl }, melding.id, { status: status as 'afgehandeld' | 'ingepland' });
      }
    }
  }
}
