import { CASTRICUM_BOUNDARY } from '@test/castricum-boundary';
import { buildOrganisation } from '@test/factories';
import { createTestApp, type TestApp } from '@test/harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoundaryError, parseBoundary, setMunicipalityBoundary } from './boundary.rules';
import { isInsideMunicipality } from './municipality-boundary.service';

const square = CASTRICUM_BOUNDARY;
const feature = (statcode: string, geometry: unknown) => ({ type: 'Feature', properties: { statcode, statnaam: 'x' }, geometry });

describe('gemeentegrens laden', () => {
  it('leest een Polygon, een Feature en de juiste gemeente uit een FeatureCollection', () => {
    expect(parseBoundary(JSON.stringify(square), 'GM0383')).toEqual(square);
    expect(parseBoundary(JSON.stringify(feature('GM0383', square)), 'GM0383')).toEqual(square);
    const other = {
      type: 'Polygon',
      coordinates: [
        [
          [5, 52],
          [5.1, 52],
          [5.1, 52.1],
          [5, 52],
        ],
      ],
    };
    const collection = { type: 'FeatureCollection', features: [feature('GM0399', other), feature('GM0383', square)] };
    expect(parseBoundary(JSON.stringify(collection), 'GM0383')).toEqual(square);
  });

  it('weigert wat geen grens is, met een Nederlandse uitleg', () => {
    const refuse = (text: string, cbs = 'GM0383') => {
      try {
        parseBoundary(text, cbs);
      } catch (error) {
        expect(error).toBeInstanceOf(BoundaryError);
        return (error as Error).message;
      }
      throw new Error('niet geweigerd');
    };
    expect(refuse('{niet json')).toContain('geen geldige GeoJSON');
    expect(refuse(JSON.stringify({ type: 'Point', coordinates: [4.6, 52.5] }))).toContain('Polygon of MultiPolygon');
    const rd = {
      type: 'Polygon',
      coordinates: [
        [
          [104000, 510000],
          [110000, 510000],
          [110000, 518000],
          [104000, 510000],
        ],
      ],
    };
    expect(refuse(JSON.stringify(rd))).toContain('Rijksdriehoek');
    expect(refuse(JSON.stringify({ type: 'FeatureCollection', features: [feature('GM0399', square), feature('GM0400', square)] }))).toContain(
      'statcode GM0383',
    );
  });
});

describe('gemeentegrens opslaan', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('bewaart de grens bij de gemeente, waarna plekken erbuiten geweigerd worden', async () => {
    const org = await buildOrganisation(t.database.db);
    const result = await setMunicipalityBoundary(t.database.db, {
      organisation: org.slug,
      municipality: 'GM0383',
      text: JSON.stringify(feature('GM0383', square)),
    });
    expect(result).toEqual({ municipality: 'Castricum', polygons: 1 });
    const stored = await t.database.db
      .selectFrom('municipalities')
      .select(['boundary', 'cbs_code'])
      .where('organisation_id', '=', org.id)
      .where('cbs_code', '=', 'GM0383')
      .executeTakeFirstOrThrow();
    expect(isInsideMunicipality(stored, 52.55, 4.66)).toBe(true);
    expect(isInsideMunicipality(stored, 52.37, 4.9)).toBe(false);
    await expect(setMunicipalityBoundary(t.database.db, { organisation: org.slug, municipality: 'GM9999', text: JSON.stringify(square) })).rejects.toThrow(
      'hoort niet bij',
    );
  });
});
