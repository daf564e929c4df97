import type { ListeningOverview } from '@contracts/luisteren';
import { useState } from 'react';
import { useAuth } from '../../app/auth-context';
import { useMessages } from '../../app/i18n';
import { AppLink, Heading, Paragraph } from '../../ui';
import { LeafletMap, type MapMarker } from '../../ui/LeafletMap';
import { DEFAULT_MAP, fitView, useMapSettings } from '../meldingen/map-settings';
import { exploreMessages } from './explore-messages';
import { luisterenMessages } from './luisteren-messages';
import { TENOR_COLOURS, TenorBadge } from './TenorBadge';

type Place = ListeningOverview['places'][number];

const excerpt = (text: string) => (text.length > 90 ? `${text.slice(0, 87)}…` : text);

// Geotagged items as points coloured by tenor, with the same items as a list beside the map: the points are
// hidden from screen readers and the list is the way in for keyboard users (as on the meldingen map).
export function PlacesMap({ places, municipalityId }: { places: Place[]; municipalityId?: string }) {
  const t = useMessages(exploreMessages);
  const names = useMessages(luisterenMessages);
  const { me, activeMunicipality } = useAuth();
  const municipality = me?.municipalities.find((m) => m.id === municipalityId) ?? activeMunicipality ?? me?.municipalities[0];
  const settings = useMapSettings(municipality ?? undefined);
  const map = settings.data ?? DEFAULT_MAP;
  const view = fitView(places, { centre: map.centre, zoom: map.zoom });
  const [tilesFailed, setTilesFailed] = useState(false);
  const markers: MapMarker[] = places.map((place) => ({
    id: place.messageId,
    lat: place.lat,
    lon: place.lon,
    label: `${names(`tenor.${place.tenor}`)}: ${excerpt(place.text)}`,
    kind: 'other',
    colour: TENOR_COLOURS[place.tenor],
    category: place.tenor,
  }));

  return (
    <section className="plein-section" aria-labelledby="kaart-heading">
      <Heading level={2} id="kaart-heading">
        {t('mapHeading')}
      </Heading>
      {places.length === 0 ? (
        <Paragraph>{t('mapNone')}</Paragraph>
      ) : (
        <div className="plein-luisteren-map">
          <div>
            {!settings.isLoading && (
              <LeafletMap
                key={`${view.centre.lat},${view.centre.lon},${view.zoom}`}
                className="plein-meldingen-map"
                tilesUrl={map.tilesUrl}
                attribution={map.attribution}
                centre={view.centre}
                zoom={view.zoom}
                markers={markers}
                label={t('mapLabel', { count: places.length })}
                onTileError={() => setTilesFailed(true)}
              />
            )}
            {tilesFailed && <Paragraph className="plein-muted">{t('mapNoTiles')}</Paragraph>}
          </div>
          <div>
            <Heading level={3}>{t('mapListHeading')}</Heading>
            <ul className="plein-map-list">
              {places.map((place) => (
                <li key={place.messageId} className="plein-map-list__item">
                  <TenorBadge tenor={place.tenor} /> <AppLink to={`/luisteren/berichten/${place.messageId}`}>{excerpt(place.text)}</AppLink>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </section>
  );
}
