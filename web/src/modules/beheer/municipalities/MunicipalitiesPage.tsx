import { useMessages } from '../../../app/i18n';
import { EmptyState, PageHeader, Paragraph, QueryState } from '../../../ui';
import { useOrganisation } from '../organisation-queries';
import { MunicipalityCard } from './MunicipalityCard';
import { municipalitiesMessages } from './municipalities-messages';

export function MunicipalitiesPage() {
  const t = useMessages(municipalitiesMessages);
  const organisation = useOrganisation();
  return (
    <>
      <PageHeader title={t('title')} lead={<Paragraph lead>{t('lead')}</Paragraph>} />
      <QueryState query={organisation} loadingLabel={t('loading')} errorTitle={t('title')}>
        {(data) =>
          data.municipalities.length === 0 ? (
            <EmptyState title={t('emptyTitle')}>
              <Paragraph>{t('emptyText')}</Paragraph>
            </EmptyState>
          ) : (
            <div className="plein-card-grid">
              {data.municipalities.map((municipality) => (
                <MunicipalityCard key={municipality.id} municipality={municipality} />
              ))}
            </div>
          )
        }
      </QueryState>
    </>
  );
}
