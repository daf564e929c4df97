import { useQuery } from '@tanstack/react-query';
import { api, buildQueryString } from '../../app/api-client';
import { formatDate } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { Heading, Paragraph } from '../../ui';
import type { NearbyMelding, Place } from './melden-api';
import { meldenMessages } from './melden-messages';

// Open meldingen of the same kind within 150 m of the chosen place; nothing at all while either is missing.
export function useNearbyMeldingen(basePath: string, categoryId: string, place: Place | null): NearbyMelding[] {
  const query = useQuery({
    queryKey: ['melden-nearby', basePath, categoryId, place?.lat, place?.lon],
    queryFn: () => api.get<NearbyMelding[]>(`${basePath}/meldingen/nearby${buildQueryString({ categoryId, lat: place?.lat, lon: place?.lon })}`),
    enabled: Boolean(categoryId && place),
    retry: false,
    staleTime: 30_000,
  });
  return categoryId && place ? (query.data ?? []) : [];
}

export function NearbyMeldingen({ items }: { items: NearbyMelding[] }) {
  const t = useMessages(meldenMessages);
  if (items.length === 0) return null;
  return (
    <section className="plein-melden-nearby" aria-labelledby="melden-vlakbij">
      <Heading level={3} id="melden-vlakbij">
        {t('stepNearby')}
      </Heading>
      <ul className="plein-melden-nearby__list">
        {items.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list that is replaced as a whole; the index only tells equal entries apart
          <li key={`${item.createdAt}-${index}`}>
            {t('nearbyItem', { status: item.statusLabel, distance: item.distanceMetres, date: formatDate(item.createdAt) })}
          </li>
        ))}
      </ul>
      <Paragraph>{t('nearbyText')}</Paragraph>
    </section>
  );
}
