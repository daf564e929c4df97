import { useAuth } from '../../app/auth-context';
import { useMessages } from '../../app/i18n';
import { Heading } from '../../ui';
import { LeafletMap } from '../../ui/LeafletMap';
import { DEFAULT_MAP, useMapSettings } from './map-settings';
import { meldingenMessages } from './meldingen-messages';
import type { MeldingDetail } from './meldingen-queries';

// A small map with the place; the address and coordinates stand in the details above it for who cannot see it.
export function MeldingLocation({ melding }: { melding: MeldingDetail }) {
  const t = useMessages(meldingenMessages);
  const { me } = useAuth();
  const settings = useMapSettings(me?.municipalities.find((m) => m.id === melding.municipalityId));
  const map = settings.data ?? DEFAULT_MAP;
  const label = melding.address ?? `${melding.lat.toFixed(5)}, ${melding.lon.toFixed(5)}`;
  return (
    <section className="plein-section" aria-labelledby="locatie">
      <Heading level={2} id="locatie">
        {t('locationHeading')}
      </Heading>
      {!settings.isLoading && (
        <LeafletMap
          className="plein-melding-map"
          tilesUrl={map.tilesUrl}
          attribution={map.attribution}
          centre={{ lat: melding.lat, lon: melding.lon }}
          zoom={17}
          markers={[{ id: melding.id, lat: melding.lat, lon: melding.lon, label, kind: 'other' }]}
          boundary={map.boundary}
          label={`${t('locationHeading')}: ${label}`}
        />
      )}
    </section>
  );
}
