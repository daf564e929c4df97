import type { Analysis, AnalysisKind, AnalysisSummary } from '@contracts/analyses';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { useMessages } from '../../app/i18n';
import { useFormSubmit } from '../../app/use-form-submit';
import {
  AppLink,
  Button,
  DataTable,
  EmptyState,
  FormProblem,
  Heading,
  PageHeader,
  Paragraph,
  QueryState,
  SelectField,
  StatusBadge,
  TextAreaField,
  TextField,
} from '../../ui';
import { AnalysisSchedules } from './AnalysisSchedules';
import { analysisMessages } from './analysis-messages';
import { formatAnalysisDate, KIND_KEYS, useAnalyses } from './analysis-queries';
import { useMonitors } from './luisteren-queries';
import { MunicipalityChoice } from './MunicipalityChoice';

export function AnalysesPage() {
  const t = useMessages(analysisMessages);
  const { can } = useAuth();
  const analyses = useAnalyses();
  const canManage = can('listening.manage');
  return (
    <>
      <PageHeader title={t('title')} lead={<Paragraph lead>{t('lead')}</Paragraph>} />
      <QueryState query={analyses} loadingLabel={t('loading')} errorTitle={t('loadFailed')}>
        {(data) =>
          data.length === 0 ? (
            <EmptyState title={t('emptyTitle')}>
              <Paragraph>{t('emptyText')}</Paragraph>
            </EmptyState>
          ) : (
            <DataTable<AnalysisSummary>
              caption={t('listCaption')}
              rows={data}
              rowKey={(row) => row.id}
              columns={[
                { header: t('colTitle'), cell: (row) => <AppLink to={`/luisteren/analyses/${row.id}`}>{row.title}</AppLink> },
                { header: t('colKind'), cell: (row) => t(KIND_KEYS[row.kind]) },
                { header: t('colPeriod'), cell: (row) => `${formatAnalysisDate(row.from)} – ${formatAnalysisDate(row.until)}` },
                { header: t('colMessages'), cell: (row) => row.total, numeric: true },
                {
                  header: t('colStatus'),
                  cell: (row) => (
                    <>
                      <StatusBadge tone={row.status === 'definitief' ? 'ok' : 'neutral'}>
                        {row.status === 'definitief' ? t('statusDefinitief') : t('statusConcept')}
                      </StatusBadge>
                      {row.scheduled && ` ${t('scheduled')}`}
                      {row.sentAt && `, ${t('sent')}`}
                    </>
                  ),
                },
              ]}
            />
          )
        }
      </QueryState>
      {canManage && (
        <section className="plein-section" aria-labelledby="nieuwe-analyse">
          <Heading level={2} id="nieuwe-analyse">
            {t('newHeading')}
          </Heading>
          <NewAnalysisForm />
        </section>
      )}
      <AnalysisSchedules canManage={canManage} />
    </>
  );
}

const PERIOD_DAYS = { dag: 1, week: 7, maand: 30 } as const;

function NewAnalysisForm() {
  const t = useMessages(analysisMessages);
  const navigate = useNavigate();
  const monitors = useMonitors();
  const [kind, setKind] = useState<AnalysisKind>('issue');
  const [monitorId, setMonitorId] = useState('');
  const [municipalityId, setMunicipalityId] = useState('');
  const [query, setQuery] = useState('');
  const [period, setPeriod] = useState<keyof typeof PERIOD_DAYS>('week');
  const [recipients, setRecipients] = useState('');
  const form = useFormSubmit({
    fields: ['kind', 'monitorId', 'municipalityId', 'query', 'recipients'],
    validate: () => ({}),
    send: async () => {
      const until = new Date();
      const from = new Date(until.getTime() - PERIOD_DAYS[period] * 86_400_000);
      const created = await api.post<Analysis>('/api/v1/analyses', {
        kind,
        monitorId: monitorId || null,
        municipalityId: municipalityId || null,
        query: query.trim() || null,
        from: from.toISOString(),
        until: until.toISOString(),
        recipients: recipients
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      });
      navigate(`/luisteren/analyses/${created.id}`);
    },
  });
  return (
    <form className="utrecht-form plein-form" onSubmit={(event) => void form.submit(event)} noValidate aria-busy={form.busy}>
      <FormProblem title={t('saveFailed')} problem={form.problem} />
      <SelectField
        label={t('kind')}
        value={kind}
        onChange={(value) => setKind(value as AnalysisKind)}
        error={form.errors.kind}
        options={(['tamtam', 'issue', 'reputatie'] as const).map((value) => ({ value, label: t(KIND_KEYS[value]) }))}
      />
      <SelectField
        label={t('monitor')}
        value={monitorId}
        onChange={setMonitorId}
        error={form.errors.monitorId}
        options={[{ value: '', label: t('monitorNone') }, ...(monitors.data ?? []).map((monitor) => ({ value: monitor.id, label: monitor.name }))]}
      />
      <MunicipalityChoice value={municipalityId} onChange={setMunicipalityId} error={form.errors.municipalityId} />
      <TextField label={t('query')} description={t('queryHelp')} value={query} onChange={setQuery} error={form.errors.query} maxLength={200} />
      <SelectField
        label={t('periodPreset')}
        value={period}
        onChange={(value) => setPeriod(value as keyof typeof PERIOD_DAYS)}
        options={[
          { value: 'dag', label: t('periodDay') },
          { value: 'week', label: t('periodWeek') },
          { value: 'maand', label: t('periodMonth') },
        ]}
      />
      <TextAreaField
        label={t('recipients')}
        description={t('recipientsHelp')}
        rows={3}
        value={recipients}
        onChange={setRecipients}
        error={form.errors.recipients}
      />
      <div className="plein-form__actions">
        <Button type="submit" appearance="primary" busy={form.busy}>
          {form.busy ? t('creating') : t('create')}
        </Button>
      </div>
    </form>
  );
}
