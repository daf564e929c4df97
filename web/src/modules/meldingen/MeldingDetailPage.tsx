import type { MeldingCategory } from '@contracts/meldingen';
import { useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useAuth } from '../../app/auth-context';
import { formatDate } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { AppLink, Heading, PageHeader, Paragraph, QueryState } from '../../ui';
import { AssignForm } from './AssignForm';
import { MeldingFacts, ReporterContact } from './MeldingFacts';
import { MeldingLocation } from './MeldingLocation';
import { MeldingPhotos } from './MeldingPhotos';
import { Deadline, MeldingStatusBadge } from './MeldingStatusBadge';
import { MeldingTimeline } from './MeldingTimeline';
import { MergeForm } from './MergeForm';
import { meldingenMessages } from './meldingen-messages';
import { type MeldingDetail, meldingenQueryKey, useMelding, useMeldingCategories } from './meldingen-queries';
import { NoteForm } from './NoteForm';
import { RelatedMeldingen } from './RelatedMeldingen';
import { SplitForm } from './SplitForm';
import { StatusChangeForm } from './StatusChangeForm';

export function MeldingDetailPage() {
  const { id = '' } = useParams();
  const t = useMessages(meldingenMessages);
  const melding = useMelding(id);
  return (
    <>
      <Paragraph>
        <AppLink to="/meldingen">{t('backToList')}</AppLink>
      </Paragraph>
      <QueryState query={melding} loadingLabel={t('detailLoading')} errorTitle={t('notFound')}>
        {(loaded) => <MeldingView melding={loaded} />}
      </QueryState>
    </>
  );
}

function MeldingView({ melding }: { melding: MeldingDetail }) {
  const t = useMessages(meldingenMessages);
  const { can, me } = useAuth();
  const queryClient = useQueryClient();
  const categories = useMeldingCategories();
  const category: MeldingCategory | undefined = categories.data?.find((c) => c.id === melding.categoryId);
  const municipalityName = me?.municipalities.find((m) => m.id === melding.municipalityId)?.name ?? '';
  const canManage = can('meldingen.manage');

  // Every action answers with the melding as it now is: show it, and let lists fetch again.
  const updated = async (next: MeldingDetail) => {
    queryClient.setQueryData([...meldingenQueryKey, melding.id], next);
    await queryClient.invalidateQueries({ queryKey: [...meldingenQueryKey, 'lijst'] });
  };

  return (
    <>
      <PageHeader
        title={t('detailTitle', { number: melding.number })}
        lead={
          <div className="plein-melding-header">
            <span className="plein-melding-header__category">{melding.categoryName}</span>
            <MeldingStatusBadge status={melding.status} />
            <span>
              {t('deadline')}: <Deadline deadline={melding.deadline} overdue={melding.overdue} formatted={formatDate(melding.deadline)} />
            </span>
          </div>
        }
      />
      <div className="plein-melding-layout">
        <div className="plein-melding-layout__main">
          <MeldingFacts melding={melding} category={category} municipalityName={municipalityName} />
          <ReporterContact melding={melding} />
          <MeldingPhotos melding={melding} />
          <MeldingLocation melding={melding} />
          <RelatedMeldingen melding={melding} />
        </div>
        <div className="plein-melding-layout__side">
          {canManage ? (
            <section className="plein-section" aria-labelledby="behandelen">
              <Heading level={2} id="behandelen">
                {t('actionsHeading')}
              </Heading>
              <StatusChangeForm melding={melding} parentCategoryId={category?.parentId ?? null} municipalityName={municipalityName} onUpdated={updated} />
              <NoteForm melding={melding} onUpdated={updated} />
              <AssignForm melding={melding} categories={categories.data ?? []} onUpdated={updated} />
              <MergeForm melding={melding} onUpdated={updated} />
              <SplitForm melding={melding} categories={categories.data ?? []} onUpdated={updated} />
            </section>
          ) : (
            <Paragraph className="plein-muted">{t('readOnly')}</Paragraph>
          )}
          <MeldingTimeline melding={melding} />
        </div>
      </div>
    </>
  );
}
