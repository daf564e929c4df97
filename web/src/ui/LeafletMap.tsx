import 'leaflet/dist/leaflet.css';
import './leaflet-map.css';
import L from 'leaflet';
import { type Ref, useEffect, useImperativeHandle, useRef } from 'react';

export interface LatLon {
  lat: number;
  lon: number;
}

export interface MapMarker extends LatLon {
  id: string;
  // Read out when the marker has focus; markers that are not 'pin' stay out of the tab order.
  label: string;
  // 'pin': the place being chosen (draggable, keyboard-movable); 'other': context, e.g. an existing melding.
  kind?: 'pin' | 'other';
  // Context markers only: the dot's colour (a status, a tenor) and what it stands for, as data-category.
  colour?: string;
  category?: string;
}

export interface LeafletMapHandle {
  getCentre: () => LatLon;
  setView: (centre: LatLon, zoom?: number) => void;
}

export interface LeafletMapProps {
  // XYZ template ({z}/{x}/{y}); null shows no tiles, the map still works for picking a place.
  tilesUrl: string | null;
  attribution: string;
  centre: LatLon;
  zoom: number;
  markers?: MapMarker[];
  // A click or tap on the map, dragging the pin or moving it with the arrow keys.
  onPick?: (place: LatLon) => void;
  // GeoJSON of the municipality's boundary, drawn as an outline.
  boundary?: GeoJSON.GeoJsonObject | null;
  // Accessible name of the map region, e.g. "Kaart: kies de plek".
  label: string;
  // Tiles that fail (offline, blocked, 404): the page can say so once and point to other ways to choose.
  onTileError?: () => void;
  className?: string;
  ref?: Ref<LeafletMapHandle>;
}

const PIN_SVG =
  '<svg viewBox="0 0 32 44" width="32" height="44" aria-hidden="true" focusable="false"><path d="M16 1C7.7 1 1 7.6 1 15.9 1 27 16 43 16 43s15-16 15-27.1C31 7.6 24.3 1 16 1z" fill="currentColor" stroke="#fff" stroke-width="2"/><circle cx="16" cy="16" r="5.5" fill="#fff"/></svg>';
const DOT_SVG =
  '<svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false"><circle cx="10" cy="10" r="8" fill="currentColor" stroke="#fff" stroke-width="2"/></svg>';

// Leaflet's default marker images break with bundlers; inline SVG needs no files and takes the house colour.
const pinIcon = L.divIcon({ className: 'plein-map-marker plein-map-marker--pin', html: PIN_SVG, iconSize: [32, 44], iconAnchor: [16, 43] });
const dotIcon = L.divIcon({ className: 'plein-map-marker plein-map-marker--other', html: DOT_SVG, iconSize: [20, 20], iconAnchor: [10, 10] });

const ARROWS: Record<string, [number, number]> = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };

// A small Leaflet map for choosing or showing places. Keyboard: the map pans with the arrow keys (Leaflet),
// the focused pin moves with the arrow keys (Shift for bigger steps); callers offer "pin at the centre" too.
export function LeafletMap({ tilesUrl, attribution, centre, zoom, markers = [], onPick, boundary, label, onTileError, className, ref }: LeafletMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const layerRef = useRef<L.LayerGroup | null>(null);
  const shownRef = useRef(new Map<string, L.Marker>());
  const onPickRef = useRef(onPick);
  const onTileErrorRef = useRef(onTileError);
  onPickRef.current = onPick;
  onTileErrorRef.current = onTileError;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the map is made once per container; later changes of centre, zoom and tiles are applied by the effects below
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = L.map(container, { center: [centre.lat, centre.lon], zoom, keyboard: true, attributionControl: true });
    map.attributionControl.setPrefix(false);
    if (tilesUrl) {
      const tiles = L.tileLayer(tilesUrl, { attribution, maxZoom: 19, crossOrigin: false });
      let reported = false;
      tiles.on('tileerror', () => {
        if (reported) return;
        reported = true;
        onTileErrorRef.current?.();
      });
      tiles.addTo(map);
    } else if (attribution) {
      map.attributionControl.addAttribution(attribution);
    }
    map.on('click', (event: L.LeafletMouseEvent) => onPickRef.current?.({ lat: event.latlng.lat, lon: event.latlng.lng }));
    layerRef.current = L.layerGroup().addTo(map);
    mapRef.current = map;
    // The map may appear in a container that was still sizing itself (phone layouts, steps that open).
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      map.remove();
      mapRef.current = null;
      layerRef.current = null;
      shownRef.current.clear();
    };
    // The map is made once per tile source; centre and zoom changes go through the handle.
  }, [tilesUrl, attribution]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new tile source makes a new map, which needs the outline again
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !boundary) return;
    const outline = L.geoJSON(boundary, { interactive: false, style: { color: '#1a1a1a', weight: 2, fill: false, dashArray: '6 4' } }).addTo(map);
    return () => {
      outline.remove();
    };
  }, [boundary, tilesUrl, attribution]);

  // Markers are updated in place, so a pin being moved with the keyboard keeps its focus.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new tile source makes a new map, which needs the markers again
  useEffect(() => {
    const map = mapRef.current;
    const layer = layerRef.current;
    if (!map || !layer) return;
    const shown = shownRef.current;
    const wanted = new Set(markers.map((marker) => `${marker.kind ?? 'pin'}:${marker.id}`));
    for (const [key, existing] of shown) {
      if (!wanted.has(key)) {
        existing.remove();
        shown.delete(key);
      }
    }
    for (const marker of markers) {
      const key = `${marker.kind ?? 'pin'}:${marker.id}`;
      const existing = shown.get(key);
      if (existing) {
        const at = existing.getLatLng();
        if (at.lat !== marker.lat || at.lng !== marker.lon) existing.setLatLng([marker.lat, marker.lon]);
        existing.getElement()?.setAttribute('aria-label', marker.label);
        paint(existing.getElement(), marker);
        continue;
      }
      shown.set(
        key,
        addMarker(map, layer, marker, (place) => onPickRef.current?.(place)),
      );
    }
  }, [markers, tilesUrl, attribution]);

  useImperativeHandle(
    ref,
    () => ({
      getCentre: () => {
        const at = mapRef.current?.getCenter();
        return at ? { lat: at.lat, lon: at.lng } : centre;
      },
      setView: (next, nextZoom) => mapRef.current?.setView([next.lat, next.lon], nextZoom ?? mapRef.current.getZoom()),
    }),
    [centre],
  );

  // biome-ignore lint/a11y/useSemanticElements: Leaflet fills this element; the region role with its label makes the map a landmark
  return <div ref={containerRef} className={['plein-map', className].filter(Boolean).join(' ')} role="region" aria-label={label} />;
}

function paint(element: HTMLElement | undefined, marker: MapMarker) {
  if (!element || (marker.kind ?? 'pin') === 'pin') return;
  element.style.color = marker.colour ?? '';
  if (marker.category) element.dataset.category = marker.category;
}

function addMarker(map: L.Map, layer: L.LayerGroup, marker: MapMarker, pick: (place: LatLon) => void): L.Marker {
  const isPin = (marker.kind ?? 'pin') === 'pin';
  const leafletMarker = L.marker([marker.lat, marker.lon], {
    icon: isPin ? pinIcon : dotIcon,
    draggable: isPin,
    keyboard: isPin,
    interactive: isPin,
    title: isPin ? marker.label : '',
    zIndexOffset: isPin ? 1000 : 0,
  });
  leafletMarker.addTo(layer);
  const element = leafletMarker.getElement();
  if (!element) return leafletMarker;
  if (!isPin) {
    element.setAttribute('aria-hidden', 'true');
    paint(element, marker);
    return leafletMarker;
  }
  element.setAttribute('aria-label', marker.label);
  leafletMarker.on('dragend', () => {
    const at = leafletMarker.getLatLng();
    pick({ lat: at.lat, lon: at.lng });
  });
  element.addEventListener('keydown', (event) => {
    const step = ARROWS[event.key];
    if (!step) return;
    event.preventDefault();
    event.stopPropagation();
    const size = event.shiftKey ? 40 : 8;
    const point = map.latLngToContainerPoint(leafletMarker.getLatLng()).add([step[0] * size, step[1] * size]);
    const at = map.containerPointToLatLng(point);
    leafletMarker.setLatLng(at);
    pick({ lat: at.lat, lon: at.lng });
  });
  return leafletMarker;
}
