import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useMessages } from '../../app/i18n';
import { Button, ButtonGroup } from '../../ui';
import { LeafletMap, type LeafletMapHandle, type MapMarker } from '../../ui/LeafletMap';
import { AddressSearch } from './AddressSearch';
import { formatCoordinates, type MapSettings, type NearbyMelding, type Place } from './melden-api';
import { meldenMessages } from './melden-messages';

const CLOSE_ZOOM = 17;

interface Props {
  basePath: string;
  settings: MapSettings;
  place: Place | null;
  onChange: (place: Place) => void;
  nearby: NearbyMelding[];
  error?: string;
}

// Four ways to the same place: address search, a tap or drag on the map, the pin at the map's centre
// (keyboard, or when the tiles do not load), and the device's location. The text below says what was chosen.
export function PlacePicker({ basePath, settings, place, onChange, nearby, error }: Props) {
  const t = useMessages(meldenMessages);
  const id = useId();
  const mapRef = useRef<LeafletMapHandle>(null);
  const [tilesFailed, setTilesFailed] = useState(false);
  const [locating, setLocating] = useState<'idle' | 'busy' | 'failed'>('idle');

  // A place from elsewhere (address, photo, device) brings the map to it; a pick on the map leaves it be.
  useEffect(() => {
    if (place && place.source !== 'map') mapRef.current?.setView(place, CLOSE_ZOOM);
  }, [place]);

  const markers = useMemo<MapMarker[]>(
    () => [
      ...nearby.map((item, index) => ({
        id: `gemeld-${index}`,
        lat: item.lat,
        lon: item.lon,
        label: t('nearbyMarker', { status: item.statusLabel }),
        kind: 'other' as const,
      })),
      ...(place ? [{ id: 'plek', lat: place.lat, lon: place.lon, label: t('pinLabel') }] : []),
    ],
    [nearby, place, t],
  );

  const locate = () => {
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating('idle');
        onChange({ lat: position.coords.latitude, lon: position.coords.longitude, source: 'device' });
      },
      () => setLocating('failed'),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  const chosen = place
    ? place.address
      ? `${place.address} (${t('placeCoordinates', { coordinates: formatCoordinates(place) })})`
      : t('placeCoordinates', { coordinates: formatCoordinates(place) })
    : null;
  return (
    <div className={['utrecht-form-fieldset', error && 'utrecht-form-fieldset--invalid'].filter(Boolean).join(' ')}>
      <fieldset
        className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset plein-fieldset"
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-uitleg`, error && `${id}-fout`].filter(Boolean).join(' ')}
      >
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend plein-visually-hidden">{t('stepPlace')}</legend>
        <p id={`${id}-uitleg`} className="utrecht-paragraph utrecht-form-field-description">
          {t('placeHelp')}
        </p>
        {error && (
          <div id={`${id}-fout`} className="utrecht-form-field-error-message plein-field-error">
            {error}
          </div>
        )}
        <AddressSearch
          basePath={basePath}
          invalid={Boolean(error)}
          describedBy={error ? `${id}-fout` : undefined}
          onChoose={(result) => onChange({ lat: result.lat, lon: result.lon, address: result.label, source: 'address' })}
        />
        <LeafletMap
          ref={mapRef}
          tilesUrl={settings.tilesUrl}
          attribution={settings.attribution}
          centre={settings.centre}
          zoom={settings.zoom}
          boundary={settings.boundary}
          markers={markers}
          label={t('mapLabel')}
          onPick={(picked) => onChange({ ...picked, source: 'map' })}
          onTileError={() => setTilesFailed(true)}
        />
        {tilesFailed && <p className="utrecht-paragraph plein-muted">{t('tilesFailed')}</p>}
        <ButtonGroup>
          <Button onClick={() => mapRef.current && onChange({ ...mapRef.current.getCentre(), source: 'map' })}>{t('mapCentre')}</Button>
          {'geolocation' in navigator && (
            <Button onClick={locate} busy={locating === 'busy'}>
              {t('myLocation')}
            </Button>
          )}
        </ButtonGroup>
        <p className="utrecht-paragraph plein-melden-place" role="status" aria-live="polite">
          {locating === 'busy' ? t('locating') : locating === 'failed' ? t('locationFailed') : chosen ? t('placeChosen', { place: chosen }) : t('placeNone')}
        </p>
      </fieldset>
    </div>
  );
}
