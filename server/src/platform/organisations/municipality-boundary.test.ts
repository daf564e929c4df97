import { describe, expect, it } from 'vitest';
import { getMunicipalityBoundary, isInsideMunicipality, SHIPPED_BOUNDARY_MARGIN_METRES } from './municipality-boundary.service';

const CASTRICUM = { boundary: null, cbs_code: 'GM0383' };

// The easternmost corner of a boundary, to step outward from it by a known distance.
function easternmostCorner(municipality: { boundary: unknown; cbs_code: string }): [number, number] {
  const area = getMunicipalityBoundary(municipality)!.area;
  const corners = (area.type === 'Polygon' ? [area.coordinates] : area.coordinates).flat(2) as [number, number][];
  return corners.reduce((east, corner) => (corner[0] > east[0] ? corner : east));
}

// One degree of longitude at this latitude, in metres (the earth as a sphere is close enough for a test).
const metresPerDegreeLon = (lat: number) => 111_320 * Math.cos((lat * Math.PI) / 180);

describe('gemeentegrenzen', () => {
  it('kent de grens van elke gemeente met een echte CBS-code meteen, zonder dat een beheerder iets laadt', () => {
    expect(getMunicipalityBoundary(CASTRICUM)).toMatchObject({ source: 'cbs', marginMetres: SHIPPED_BOUNDARY_MARGIN_METRES });
    expect(getMunicipalityBoundary({ boundary: null, cbs_code: 'GM0363' })?.source).toBe('cbs');
    expect(getMunicipalityBoundary({ boundary: null, cbs_code: 'GM9901' })).toBeUndefined();
  });

  it('neemt een plek in Castricum aan en weigert Rotterdam en Alkmaar', () => {
    expect(isInsideMunicipality(CASTRICUM, 52.5485, 4.669)).toBe(true);
    expect(isInsideMunicipality(CASTRICUM, 51.9225, 4.4792)).toBe(false);
    expect(isInsideMunicipality(CASTRICUM, 52.6324, 4.7534)).toBe(false);
  });

  it('geeft de vereenvoudigde CBS-grens een marge, maar niet verder', () => {
    const [lon, lat] = easternmostCorner(CASTRICUM);
    const step = (metres: number) => lon + metres / metresPerDegreeLon(lat);
    expect(isInsideMunicipality(CASTRICUM, lat, step(300))).toBe(true);
    expect(isInsideMunicipality(CASTRICUM, lat, step(SHIPPED_BOUNDARY_MARGIN_METRES - 100))).toBe(true);
    expect(isInsideMunicipality(CASTRICUM, lat, step(SHIPPED_BOUNDARY_MARGIN_METRES + 300))).toBe(false);
  });

  it('houdt een geladen grens exact aan: die vervangt de CBS-grens, zonder marge', () => {
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [4.6, 52.5],
          [4.7, 52.5],
          [4.7, 52.6],
          [4.6, 52.6],
          [4.6, 52.5],
        ],
      ],
    };
    const loaded = { boundary: square, cbs_code: 'GM0383' };
    expect(getMunicipalityBoundary(loaded)).toMatchObject({ source: 'beheerder', marginMetres: 0 });
    expect(isInsideMunicipality(loaded, 52.55, 4.65)).toBe(true);
    expect(isInsideMunicipality(loaded, 52.55, 4.7 + 300 / metresPerDegreeLon(52.55))).toBe(false);
  });

  it('valt zonder grens terug op Nederland', () => {
    const demo = { boundary: null, cbs_code: 'GM9901' };
    expect(isInsideMunicipality(demo, 52.37, 4.9)).toBe(true);
    expect(isInsideMunicipality(demo, 48.85, 2.35)).toBe(false);
  });
});
