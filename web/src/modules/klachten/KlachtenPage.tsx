import { KLACHT_STATUSES, KLACHT_THEMES, type Klacht } from '@contracts/klachten';
import { type FormEvent, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useAuth, useMe } from '../../app/auth-context';
import { formatDate } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { AppLink, Button, ButtonLink, DataTable, EmptyState, Heading, PageHeader, Paragraph, QueryState, SelectField } from '../../ui';
import { KlachtDeadline, KlachtStatusBadge } from './KlachtStatusBadge';
import { EMPTY_KLACHT_FILTERS, type KlachtFilters, readKlachtFilters, toKlachtSearchParams } from './klacht-logic';
import { klachtenMessages } from './klachten-messages';
import { useKlachten } from './klachten-queries';

// Bestuurders read the yearly report, not the register (it holds personal data): they land on the report.
export function KlachtenPage() {
  const { can } = useAuth();
  return can('klachten.read') ? <KlachtenRegister /> : <Navigate to="/klachten/jaarverslag" replace />;
}

function KlachtenRegister() {
  const t = useMessages(klachtenMessages);
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const filters = readKlachtFilters(params);
  const filtered = Object.values(filters).some(Boolean);
  const klachten = useKlachten(filters);
  return (
    <>
      <PageHeader
        title={t('title')}
        lead={<Paragraph lead>{t('lead')}</Paragraph>}
        actions={
          <>
            {can('klachten.manage') && <ButtonLink to="/klachten/nieuw">{t('register')}</ButtonLink>}
            <ButtonLink to="/klachten/jaarverslag" appearance="secondary">
              {t('report')}
            </ButtonLink>
          </>
        }
      />
      <KlachtenFilters key={params.toString()} initial={filters} onApply={(next) => setParams(toKlachtSearchParams(next))} />
      <QueryState query={klachten} loadingLabel={t('loading')} errorTitle={t('loadFailed')}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={t('emptyTitle')}>
              <Paragraph>{filtered ? t('emptyFiltered') : t('emptyAll')}</Paragraph>
            </EmptyState>
          ) : (
            <>
              <Paragraph className="plein-result-count">
                <span role="status">{list.length === 1 ? t('countOne') : t('count', { count: list.length })}</span>
              </Paragraph>
              <KlachtenTable klachten={list} />
            </>
          )
        }
      </QueryState>
    </>
  );
}

function KlachtenTable({ klachten }: { klachten: Klacht[] }) {
  const t = useMessages(klachtenMessages);
  const me = useMe();
  const municipalityName = (id: string) => me.municipalities.find((m) => m.id === id)?.name ?? '';
  return (
    <DataTable<Klacht>
      caption={t('tableCaption')}
      captionHidden
      rows={klachten}
      rowKey={(klacht) => klacht.id}
      columns={[
        {
          header: t('number'),
          cell: (klacht) => (
            <AppLink to={`/klachten/${klacht.id}`} className="plein-nowrap">
              {klacht.number}
            </AppLink>
          ),
        },
        { header: t('complainant'), cell: (klacht) => <span className="plein-break">{klacht.complainantName}</span> },
        { header: t('theme'), cell: (klacht) => t(`theme.${klacht.theme}`) },
        { header: t('status'), cell: (klacht) => <KlachtStatusBadge status={klacht.status} /> },
        ...(me.municipalities.length > 1 ? [{ header: t('municipality'), cell: (klacht: Klacht) => municipalityName(klacht.municipalityId) }] : []),
        { header: t('receivedOn'), cell: (klacht) => <span className="plein-nowrap">{formatDate(`${klacht.receivedOn}T12:00:00Z`)}</span> },
        {
          header: t('deadline'),
          cell: (klacht) =>
            klacht.closedAt ? t('none') : <KlachtDeadline deadline={klacht.deadline} overdue={klacht.overdue} extended={klacht.extension !== null} />,
        },
        { header: t('handler'), cell: (klacht) => klacht.handlerName ?? t('nobody') },
      ]}
    />
  );
}

function KlachtenFilters({ initial, onApply }: { initial: KlachtFilters; onApply: (filters: KlachtFilters) => void }) {
  const t = useMessages(klachtenMessages);
  const me = useMe();
  const [values, setValues] = useState(initial);
  const set =
    <K extends keyof KlachtFilters>(key: K) =>
    (value: string) =>
      setValues((current) => ({ ...current, [key]: value }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(values);
  };
  return (
    <form className="plein-filters" onSubmit={submit} noValidate aria-labelledby="klachten-filters">
      <Heading level={2} id="klachten-filters" className="plein-filters__title">
        {t('filters')}
      </Heading>
      <div className="plein-filters__fields">
        <SelectField
          label={t('status')}
          value={values.status}
          onChange={set('status')}
          options={[{ value: '', label: t('allStatuses') }, ...KLACHT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
        />
        {me.municipalities.length > 1 && (
          <SelectField
            label={t('municipality')}
            value={values.municipalityId}
            onChange={set('municipalityId')}
            options={[{ value: '', label: t('allMunicipalities') }, ...me.municipalities.map((m) => ({ value: m.id, label: m.name }))]}
          />
        )}
        <SelectField
          label={t('theme')}
          value={values.theme}
          onChange={set('theme')}
          options={[{ value: '', label: t('allThemes') }, ...KLACHT_THEMES.map((theme) => ({ value: theme, label: t(`theme.${theme}`) }))]}
        />
        <SelectField
          label={t('overdue')}
          value={values.overdue}
          onChange={set('overdue')}
          options={[
            { value: '', label: t('overdueAll') },
            { value: 'ja', label: t('overdueYes') },
            { value: 'nee', label: t('overdueNo') },
          ]}
        />
      </div>
      <div className="plein-form__actions">
        <Button type="submit" appearance="primary">
          {t('apply')}
        </Button>
        <Button
          appearance="subtle"
          onClick={() => {
            setValues(EMPTY_KLACHT_FILTERS);
            onApply(EMPTY_KLACHT_FILTERS);
          }}
        >
          {t('reset')}
        </Button>
      </div>
    </form>
  );
}
