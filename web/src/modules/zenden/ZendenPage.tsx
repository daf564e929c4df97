import type { Publication } from '@contracts/publications';
import { useSearchParams } from 'react-router';
import { useAuth, useMe } from '../../app/auth-context';
import { formatDate, formatDateTime, startOfDayInAmsterdam } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { AppLink, Button, ButtonLink, DataTable, EmptyState, PageHeader, Paragraph, QueryState } from '../../ui';
import { ChannelResults, PublicationStatusBadge } from './PublicationBadges';
import { zendenMessages } from './zenden-messages';
import { usePublications } from './zenden-queries';
import './zenden.css';

const PERIOD_DAYS = 28;

// Calendar days on "2026-11-23" dates, at noon UTC so no DST change moves the day.
function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function todayInAmsterdam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

// The list view of the content calendar: four weeks from ?van= (a week before today by default), for the
// municipality chosen in the header or all of them.
export function ZendenPage() {
  const t = useMessages(zendenMessages);
  const { can, activeMunicipality } = useAuth();
  const [params, setParams] = useSearchParams();
  const from = /^\d{4}-\d{2}-\d{2}$/.test(params.get('van') ?? '') ? (params.get('van') as string) : addDays(todayInAmsterdam(), -7);
  const to = addDays(from, PERIOD_DAYS);
  const publications = usePublications({ from: startOfDayInAmsterdam(from), to: startOfDayInAmsterdam(to), municipalityId: activeMunicipality?.id });
  const go = (date: string) => setParams({ van: date });
  return (
    <>
      <PageHeader
        title={t('title')}
        lead={<Paragraph lead>{t('lead')}</Paragraph>}
        actions={
          <>
            {can('publications.manage') && <ButtonLink to="/zenden/nieuw">{t('plan')}</ButtonLink>}
            <ButtonLink to="/zenden/accounts" appearance="secondary">
              {t('settingsLink')}
            </ButtonLink>
          </>
        }
      />
      <nav className="plein-period-nav" aria-label={t('period', { from: formatDate(from), to: formatDate(addDays(to, -1)) })}>
        <Button appearance="secondary" onClick={() => go(addDays(from, -PERIOD_DAYS))}>
          {t('previous')}
        </Button>
        <Paragraph>
          <strong>{t('period', { from: formatDate(from), to: formatDate(addDays(to, -1)) })}</strong>
        </Paragraph>
        <Button appearance="secondary" onClick={() => go(addDays(from, PERIOD_DAYS))}>
          {t('next')}
        </Button>
        <Button appearance="subtle" onClick={() => go(addDays(todayInAmsterdam(), -7))}>
          {t('today')}
        </Button>
      </nav>
      <QueryState query={publications} loadingLabel={t('loading')} errorTitle={t('loadFailed')}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={t('emptyTitle')}>
              <Paragraph>{t('emptyText')}</Paragraph>
              {can('publications.manage') && <Paragraph>{t('emptyTextCanPlan')}</Paragraph>}
            </EmptyState>
          ) : (
            <>
              <Paragraph className="plein-result-count">
                <span role="status">{list.length === 1 ? t('countOne') : t('count', { count: list.length })}</span>
              </Paragraph>
              <PublicationsTable publications={list} />
            </>
          )
        }
      </QueryState>
    </>
  );
}

function PublicationsTable({ publications }: { publications: Publication[] }) {
  const t = useMessages(zendenMessages);
  const me = useMe();
  const municipalityName = (id: string) => me.municipalities.find((m) => m.id === id)?.name ?? '';
  return (
    <DataTable<Publication>
      caption={t('tableCaption')}
      captionHidden
      rows={publications}
      rowKey={(publication) => publication.id}
      columns={[
        { header: t('plannedAt'), cell: (publication) => <span className="plein-nowrap">{formatDateTime(publication.plannedAt)}</span> },
        {
          header: t('titleColumn'),
          cell: (publication) => (
            <AppLink to={`/zenden/${publication.id}`} className="plein-break">
              {publication.title}
            </AppLink>
          ),
        },
        ...(me.municipalities.length > 1
          ? [{ header: t('municipality'), cell: (publication: Publication) => municipalityName(publication.municipalityId) }]
          : []),
        { header: t('channels'), cell: (publication) => <ChannelResults publication={publication} /> },
        { header: t('status'), cell: (publication) => <PublicationStatusBadge status={publication.status} /> },
      ]}
    />
  );
}
