import { type ReactNode, useEffect, useRef, useState } from 'react';
import { MELDING_STATUSES, type Melding } from '../../../../contracts/meldingen';
import { useAuth } from '../../app/auth-context';
import { useMessages } from '../../app/i18n';
import { AppLink, Heading, Paragraph } from '../../ui';
import { LeafletMap, type MapMarker } from '../../ui/LeafletMap';
import { STATUS_COLOURS, STATUS_SYMBOLS } from './melding-logic';
import { MeldingStatusBadge } from './MeldingStatusBadge';
import { placeOf } from './MeldingenTable';
import { DEFAULT_MAP, useMapSettings, viewOf } from './map-settings';
import { meldingenMessages } from './meldingen-messages';

// The meldingen as coloured points, with a legend in words and symbols, and the same meldingen as a list for
// everyone who cannot use the map (the points themselves are hidden from screen readers).
export function MeldingenMap({ meldingen, municipalityId }: { meldingen: Melding[]; municipalityId: string }) {
  const t = useMessages(meldingenMessages);
  const { me, activeMunicipality } = useAuth();
  const municipality = me?.municipalities.find((m) => m.id === municipalityId) ?? activeMunicipality ?? me?.municipalities[0];
  const settings = useMapSettings(municipality ?? undefined);
  const map = settings.data ?? DEFAULT_MAP;
  const view = viewOf(meldingen, { centre: map.centre, zoom: map.zoom });
  const [tilesFailed, setTilesFailed] = useState(false);
  const markers: MapMarker[] = meldingen.map((melding) => ({ id: melding.id, lat: melding.lat, lon: melding.lon, label: `${melding.number}, ${t(`status.${melding.status}`)}`, kind: 'other' }));
  const shown = MELDING_STATUSES.filter((status) => meldingen.some((melding) => melding.status === status));

  return (
    <section className="plein-section" aria-labelledby="kaart-heading">
      <Heading level={2} id="kaart-heading">
        {t('mapHeading')}
      </Heading>
      {settings.isLoading ? (
        <Paragraph className="plein-muted">{t('mapLoading')}</Paragraph>
      ) : (
        <ColouredMarkers meldingen={meldingen}>
          <LeafletMap
            key={`${view.centre.lat},${view.centre.lon},${view.zoom},${meldingen.map((m) => m.id).join(',')}`}
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
        </ColouredMarkers>
      )}
      {tilesFailed && <Paragraph className="plein-muted">{t('mapNoTiles')}</Paragraph>}
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

// LeafletMap draws every context marker alike; this colours them per status after they are drawn. The map is
// remounted whenever the meldingen change (its key), so the markers stand in the same order as the meldingen.
function ColouredMarkers({ meldingen, children }: { meldingen: Melding[]; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const elements = ref.current?.querySelectorAll<HTMLElement>('.plein-map-marker--other') ?? [];
    elements.forEach((element, index) => {
      const melding = meldingen[index];
      if (!melding) return;
      element.dataset.status = melding.status;
      element.style.color = STATUS_COLOURS[melding.status];
    });
  });
  return <div ref={ref}>{children}</div>;
}
