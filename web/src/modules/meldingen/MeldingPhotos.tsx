import { useMessages } from '../../app/i18n';
import { Heading, Paragraph } from '../../ui';
import { meldingenMessages } from './meldingen-messages';
import { buildMeldingPhotoUrl, type MeldingDetail } from './meldingen-queries';

export function MeldingPhotos({ melding }: { melding: MeldingDetail }) {
  const t = useMessages(meldingenMessages);
  return (
    <section className="plein-section" aria-labelledby="fotos">
      <Heading level={2} id="fotos">
        {t('photosHeading')}
      </Heading>
      {melding.photoIds.length === 0 ? (
        <Paragraph>{t('noPhotos')}</Paragraph>
      ) : (
        <ul className="plein-photo-list">
          {melding.photoIds.map((photoId, index) => (
            <li key={photoId} className="plein-photo-list__item">
              <a href={buildMeldingPhotoUrl(melding.id, photoId)} className="plein-photo-list__link" aria-label={t('photoOpen', { index: index + 1 })}>
                <img
                  src={buildMeldingPhotoUrl(melding.id, photoId)}
                  alt={t('photoAlt', { number: melding.number })}
                  className="plein-photo-list__image"
                  loading="lazy"
                />
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
