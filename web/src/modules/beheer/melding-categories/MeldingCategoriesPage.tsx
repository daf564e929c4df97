import type { MeldingCategory } from '@contracts/meldingen';
import { useLocation } from 'react-router';
import { useMessages } from '../../../app/i18n';
import { Alert, AppLink, ButtonLink, DataTable, EmptyState, PageHeader, Paragraph, QueryState, StatusBadge } from '../../../ui';
import { meldingCategoriesMessages } from './melding-categories-messages';
import { formatTermijn, groupByMain, useMeldingCategories } from './melding-category-queries';

export function MeldingCategoriesPage() {
  const t = useMessages(meldingCategoriesMessages);
  const flash = (useLocation().state as { flash?: string } | null)?.flash;
  const categories = useMeldingCategories();
  const actions = <ButtonLink to="/beheer/meldingen/nieuw">{t('newCategory')}</ButtonLink>;

  return (
    <>
      <PageHeader title={t('title')} lead={<Paragraph lead>{t('lead')}</Paragraph>} actions={actions} />
      {flash && <Alert type="ok">{flash}</Alert>}
      <QueryState query={categories} loadingLabel={t('loading')} errorTitle={t('title')}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={t('emptyTitle')}>
              <Paragraph>{t('emptyText')}</Paragraph>
            </EmptyState>
          ) : (
            groupByMain(list).map(({ main, subs }) => (
              <div key={main.id} className="plein-section">
                <DataTable<MeldingCategory>
                  caption={t('groupCaption', { name: main.publicName })}
                  rows={[main, ...subs]}
                  rowKey={(category) => category.id}
                  columns={[
                    {
                      header: t('publicName'),
                      cell: (category) =>
                        category.parentId === null ? (
                          <>
                            <AppLink to={`/beheer/meldingen/${category.id}`}>{category.publicName}</AppLink>{' '}
                            <span className="plein-muted">({t('mainCategory')})</span>
                          </>
                        ) : (
                          <AppLink to={`/beheer/meldingen/${category.id}`}>{category.publicName}</AppLink>
                        ),
                    },
                    { header: t('code'), cell: (category) => <code>{category.code}</code> },
                    { header: t('termijn'), cell: (category) => formatTermijn(t, category) },
                    { header: t('status'), cell: (category) => <ActiveBadge active={category.active} /> },
                    { header: t('extraQuestions'), numeric: true, cell: (category) => category.extraQuestions.length },
                  ]}
                />
              </div>
            ))
          )
        }
      </QueryState>
    </>
  );
}

// The word and a symbol, so the status does not depend on colour.
export function ActiveBadge({ active }: { active: boolean }) {
  const t = useMessages(meldingCategoriesMessages);
  return (
    <StatusBadge tone={active ? 'ok' : 'neutral'}>
      <span aria-hidden="true" className="plein-badge__symbol">
        {active ? '✓' : '–'}
      </span>{' '}
      {active ? t('active') : t('inactive')}
    </StatusBadge>
  );
}
