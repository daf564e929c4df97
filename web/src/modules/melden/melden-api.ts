import type {
  ExtraQuestion,
  MeldingCategory,
  meldingPublicStatusSchema,
  meldingReceiptSchema,
  nearbyMeldingSchema,
  photoUploadSchema,
} from '@contracts/meldingen';
import type { z } from 'zod';
import { ProblemError } from '../../app/api-client';

export type { ExtraQuestion, MeldingCategory };
export type MeldingReceipt = z.infer<typeof meldingReceiptSchema>;
export type MeldingPublicStatus = z.infer<typeof meldingPublicStatusSchema>;
export type NearbyMelding = z.infer<typeof nearbyMeldingSchema>;
export type PhotoUpload = z.infer<typeof photoUploadSchema>;

export interface MapSettings {
  tilesUrl: string;
  attribution: string;
  centre: { lat: number; lon: number };
  zoom: number;
  boundary: GeoJSON.GeoJsonObject | null;
}

export interface AddressResult {
  label: string;
  lat: number;
  lon: number;
}

export interface Place {
  lat: number;
  lon: number;
  address?: string;
  // Where the place came from: a map pick keeps the map where it is, the others move the map there.
  source: 'map' | 'address' | 'photo' | 'device';
}

export function buildMunicipalityPath(slug: string, cbsCode: string): string {
  return `/api/v1/organisations/${encodeURIComponent(slug)}/municipalities/${encodeURIComponent(cbsCode)}`;
}

export function buildStatusPagePath(slug: string, token: string): string {
  return `/melding/${encodeURIComponent(slug)}/${encodeURIComponent(token)}`;
}

// Photos go up as the raw file (not JSON), with progress; XMLHttpRequest is what reports upload progress.
export function uploadPhoto(basePath: string, formSession: string, file: File, onProgress: (percent: number) => void): Promise<PhotoUpload> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `${basePath}/melding-photos`);
    request.setRequestHeader('plein-form-session', formSession);
    request.setRequestHeader('content-type', file.type || 'application/octet-stream');
    request.setRequestHeader('accept', 'application/json');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(request.responseText) as Record<string, unknown>;
      } catch {
        // Not JSON (a proxy page): the status alone is enough to say it failed.
      }
      if (request.status === 201) return resolve(body as unknown as PhotoUpload);
      reject(
        new ProblemError({
          status: request.status,
          code: typeof body.code === 'string' ? body.code : `http-${request.status}`,
          title: typeof body.title === 'string' ? body.title : 'Er ging iets mis',
          detail: typeof body.detail === 'string' ? body.detail : 'De foto kon niet worden verstuurd.',
          invalidParams: [],
        }),
      );
    };
    request.onerror = () =>
      reject(
        new ProblemError({
          status: 0,
          code: 'netwerkfout',
          title: 'Geen verbinding',
          detail: 'Plein is niet bereikbaar. Controleer uw verbinding.',
          invalidParams: [],
        }),
      );
    request.send(file);
  });
}

// "Woensdag 25 november 2026": a deadline people read, in Dutch and Amsterdam time whatever the browser says.
export function formatLongDate(iso: string, locale: 'nl' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: 'Europe/Amsterdam',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(iso));
}

export function formatCoordinates(place: { lat: number; lon: number }): string {
  return `${place.lat.toFixed(5)}, ${place.lon.toFixed(5)}`;
}
