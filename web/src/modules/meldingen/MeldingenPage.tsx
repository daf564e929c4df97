import type { Melding } from '@contracts/meldingen';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useAuth, useMe } from '../../app/auth-context';
import { useMessages } from '../../app/i18n';
import { Button, ButtonGroup, ButtonLink, CheckboxField, EmptyState, PageHeader, Paragraph, QueryState } from '../../ui';
import { useTeams, useUsers } from '../beheer/organisation-queries';
import { BulkResult, BulkStatusForm, type Outcome } from './BulkStatusForm';
import { MeldingenFilters } from './MeldingenFilters';
import { MeldingenMap } from './MeldingenMap';
import { MeldingenTable } from './MeldingenTable';
import { LIST_LIMIT, type MeldingFilters, type MeldingView, readMeldingFilters, readMeldingView, toMeldingSearchParams } from './melding-logic';
import { meldingenMessages } from './meldingen-messages';
import { useMeldingCategories, useMeldingen } from './meldingen-queries';

export function MeldingenPage() {
  const t = useMessages(meldingenMessages);
  const me = useMe();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const filters = readMeldingFilters(params);
  const view = readMeldingView(params);
  const meldingen = useMeldingen(filters);
  const categories = useMeldingCategories();
  const filtered = Object.values(filters).some(Boolean);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);

  const apply = (next: MeldingFilters) => setParams(toMeldingSearchParams(next, view));
  const show = (next: MeldingView) => setParams(toMeldingSearchParams(filters, next), { replace: true });

  return (
    <>
      <PageHeader
        title={t('title')}
        lead={<Paragraph lead>{t('lead')}</Paragraph>}
        actions={can('meldingen.manage') ? <ButtonLink to="/meldingen/nieuw">{t('newMelding')}</ButtonLink> : undefined}
      />
      <MeldingenFilters key={params.toString()} initial={filters} categories={categories.data ?? []} municipalities={me.municipalities} onApply={apply} />
      <ButtonGroup label={t('view')}>
        <Button appearance={view === 'lijst' ? 'primary' : 'secondary'} aria-pressed={view === 'lijst'} onClick={() => show('lijst')}>
          {t('viewList')}
        </Button>
        <Button appearance={view === 'kaart' ? 'primary' : 'secondary'} aria-pressed={view === 'kaart'} onClick={() => show('kaart')}>
          {t('viewMap')}
        </Button>
      </ButtonGroup>
      <BulkResult outcomes={outcomes} />
      <QueryState query={meldingen} loadingLabel={t('loading')} errorTitle={t('loadFailed')}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={t('emptyTitle')}>
              <Paragraph>{filtered ? t('emptyFiltered') : t('emptyAll')}</Paragraph>
            </EmptyState>
          ) : (
            <>
              <Paragraph className="plein-result-count">
                <span role="status">
                  {list.length === 1 ? t('countOne') : list.length >= LIST_LIMIT ? t('countLimit', { count: list.length }) : t('count', { count: list.length })}
                </span>
              </Paragraph>
              {view === 'kaart' ? (
                <MeldingenMap meldingen={list} municipalityId={filters.municipalityId} />
              ) : (
                <MeldingenList
                  meldingen={list}
                  onChanged={async (results) => {
                    setOutcomes(results);
                    await meldingen.refetch();
                  }}
                />
              )}
            </>
          )
        }
      </QueryState>
    </>
  );
}

function MeldingenList({ meldingen, onChanged }: { meldingen: Melding[]; onChanged: (outcomes: Outcome[]) => Promise<void> }) {
  const t = useMessages(meldingenMessages);
  const { can } = useAuth();
  const canManage = can('meldingen.manage');
  const teams = useTeams();
  const users = useUsers();
  const [selectedIds, setSelectedIds] = useState<Set<string>>(new Set());
  const selected = meldingen.filter((melding) => selectedIds.has(melding.id));
  const allSelected = selected.length === meldingen.length;

  const toggle = (id: string, checked: boolean) =>
    setSelectedIds((current) => {
      const next = new Set(current);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });

  const assignedName = (melding: Melding) => {
    const names = [
      teams.data?.find((team) => team.id === melding.assignedTeamId)?.name,
      users.data?.find((user) => user.id === melding.assignedUserId)?.name,
    ].filter(Boolean);
    return names.length > 0 ? names.join(', ') : t('notAssigned');
  };

  return (
    <>
      {canManage && (
        <>
          <BulkStatusForm
            selected={selected}
            onDone={async (results) => {
              await onChanged(results);
              setSelectedIds(new Set());
            }}
          />
          <CheckboxField
            label={t('selectAll')}
            checked={allSelected}
            onChange={(checked) => setSelectedIds(checked ? new Set(meldingen.map((m) => m.id)) : new Set())}
          />
        </>
      )}
      <MeldingenTable meldingen={meldingen} selection={canManage ? { selected: selectedIds, toggle } : undefined} assignedName={assignedName} />
    </>
  );
}
