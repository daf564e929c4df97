import { MELDING_STATUSES, type Melding } from '@contracts/meldingen';
import { useState } from 'react';
import { useAuth } from '../../app/auth-context';
import { useMessages } from '../../app/i18n';
import { AppLink, Heading, Paragraph } from '../../ui';
import { LeafletMap, type MapMarker } from '../../ui/LeafletMap';
import { placeOf } from './MeldingenTable';
import { MeldingStatusBadge } from './MeldingStatusBadge';
import { DEFAULT_MAP, fitView, useMapSettings } from './map-settings';
import { STATUS_COLOURS, STATUS_SYMBOLS } from './melding-logic';
import { meldingenMessages } from './meldingen-messages';

// The meldingen as coloured points, with a legend in words and symbols, and the same meldingen as a list for
// everyone who cannot use the map (the points themselves are hidden from screen readers).
export function MeldingenMap({ meldingen, municipalityId }: { meldingen: Melding[]; municipalityId: string }) {
  const t = useMessages(meldingenMessages);
  const { me, activeMunicipality } = useAuth();
  const municipality = me?.municipalities.find((m) => m.id === municipalityId) ?? activeMunicipality ?? me?.municipalities[0];
  const settings = useMapSettings(municipality ?? undefined);
  const map = settings.data ?? DEFAULT_MAP;
  const view = fitView(meldingen, { centre: map.centre, zoom: map.zoom });
  const [tilesFailed, setTilesFailed] = useState(false);
  const markers: MapMarker[] = meldingen.map((melding) => ({
    id: melding.id,
    lat: melding.lat,
    lon: melding.lon,
    label: `${melding.number}, ${t(`status.${melding.status}`)}`,
    kind: 'other',
    colour: STATUS_COLOURS[melding.status],
    category: melding.status,
  }));
  const shown = MELDING_STATUSES.filter((status) => meldingen.some((melding) => melding.status === status));

  return (
    <section className="plein-section" aria-labelledby="kaart-heading">
      <Heading level={2} id="kaart-heading">
        {t('mapHeading')}
      </Heading>
      {settings.isLoading ? (
        <Paragraph className="plein-muted">{t('mapLoading')}</Paragraph>
      ) : (
        <LeafletMap
          key={`${view.centre.lat},${view.centre.lon},${view.zoom}`}
          className="plein-meldingen-map"
          tilesUrl={map.tilesUrl}
          attribution={map.attribution}
          centre={view.centre}
          zoom={view.zoom}
          markers={markers}
          boundary={municipalityId ? map.boundary : null}
          label={t('mapLabel', { count: meldingen.length })}
          onTileError={() => setTilesFailed(true)}
        />
      )}
      {tilesFailed && <Paragraph className="plein-muted">{t('mapNoTiles')}</Paragraph>}
      {/* biome-ignore lint/a11y/useSemanticElements: a group of controls named for screen readers, without a fieldset's border and legend */}
      <div className="plein-map-legend" role="group" aria-labelledby="kaart-legenda">
        <p id="kaart-legenda" className="utrecht-paragraph plein-map-legend__title">
          {t('legend')}
        </p>
        <ul className="plein-map-legend__list">
          {shown.map((status) => (
            <li key={status} className="plein-map-legend__item">
              <span className="plein-map-legend__swatch" style={{ background: STATUS_COLOURS[status] }} aria-hidden="true">
                {STATUS_SYMBOLS[status]}
              </span>
              {t(`status.${status}`)}
            </li>
          ))}
        </ul>
      </div>
      <Heading level={3}>{t('mapListHeading')}</Heading>
      <ul className="plein-map-list">
        {meldingen.map((melding) => (
          <li key={melding.id} className="plein-map-list__item">
            <AppLink to={`/meldingen/${melding.id}`}>{melding.number}</AppLink> {melding.categoryName} <MeldingStatusBadge status={melding.status} />{' '}
            <span className="plein-break">{placeOf(melding, (vars) => t('noAddress', vars))}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
