import type { AnalysisKind, AnalysisSchedule } from '@contracts/analyses';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../app/api-client';
import { useMessages } from '../../app/i18n';
import { useFormSubmit } from '../../app/use-form-submit';
import { Alert, Button, ConfirmButton, DataTable, FormProblem, Heading, Paragraph, QueryState, SelectField, TextAreaField, TextField } from '../../ui';
import { analysisMessages } from './analysis-messages';
import { formatAnalysisMoment, KIND_KEYS, schedulesKey, useAnalysisSchedules } from './analysis-queries';
import { useMonitors } from './luisteren-queries';
import { MunicipalityChoice } from './MunicipalityChoice';
import { buildCron, DAY_KEYS, isScheduleTime, readCron, SCHEDULE_DAYS, type ScheduleDay } from './schedule-moment';

// How far back a planned analysis looks: a daily TamTam the day before, a weekly one the week before.
const PERIODS = [1, 7, 14, 30] as const;

export function AnalysisSchedules({ canManage }: { canManage: boolean }) {
  const t = useMessages(analysisMessages);
  const schedules = useAnalysisSchedules();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState('');
  const when = (cron: string) => {
    const moment = readCron(cron);
    return moment ? t('moment', { day: t(DAY_KEYS[moment.day]), time: moment.time }) : cron;
  };
  return (
    <section className="plein-section" aria-labelledby="analyses-planning">
      <Heading level={2} id="analyses-planning">
        {t('schedulesHeading')}
      </Heading>
      <Paragraph>{t('schedulesLead')}</Paragraph>
      <div aria-live="polite">
        {notice && (
          <Alert type="ok">
            <Paragraph>{notice}</Paragraph>
          </Alert>
        )}
      </div>
      <QueryState query={schedules} loadingLabel={t('loading')} errorTitle={t('loadFailed')}>
        {(data) =>
          data.length === 0 ? (
            <Paragraph>{t('noSchedules')}</Paragraph>
          ) : (
            <DataTable<AnalysisSchedule>
              caption={t('schedulesCaption')}
              rows={data}
              rowKey={(row) => row.id}
              columns={[
                { header: t('colTitle'), cell: (row) => row.title },
                { header: t('colKind'), cell: (row) => t(KIND_KEYS[row.kind]) },
                { header: t('colWhen'), cell: (row) => when(row.cron) },
                { header: t('periodDays'), cell: (row) => t(row.periodDays === 1 ? 'periodOneDay' : 'periodNDays', { n: String(row.periodDays) }) },
                { header: t('colNext'), cell: (row) => formatAnalysisMoment(row.nextDueAt) },
                ...(canManage
                  ? [
                      {
                        header: t('removeSchedule'),
                        hideLabelWhenStacked: true,
                        cell: (row: AnalysisSchedule) => (
                          <ConfirmButton
                            label={t('removeSchedule')}
                            question={t('removeQuestion', { title: row.title })}
                            confirmLabel={t('removeConfirm')}
                            cancelLabel={t('cancel')}
                            onConfirm={async () => {
                              await api.delete(`/api/v1/analyse-schema/${row.id}`);
                              await queryClient.invalidateQueries({ queryKey: schedulesKey });
                            }}
                          />
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          )
        }
      </QueryState>
      {canManage && <ScheduleForm onSaved={(title) => setNotice(t('scheduled1', { title }))} />}
    </section>
  );
}

function ScheduleForm({ onSaved }: { onSaved: (title: string) => void }) {
  const t = useMessages(analysisMessages);
  const queryClient = useQueryClient();
  const monitors = useMonitors();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<AnalysisKind>('tamtam');
  const [monitorId, setMonitorId] = useState('');
  const [municipalityId, setMunicipalityId] = useState('');
  // Monday 08:00, before the college (B&W) meets: the moment most municipalities ask for.
  const [day, setDay] = useState<ScheduleDay>('1');
  const [time, setTime] = useState('08:00');
  const [periodDays, setPeriodDays] = useState<(typeof PERIODS)[number]>(7);
  const [recipients, setRecipients] = useState('');
  const form = useFormSubmit({
    fields: ['title', 'kind', 'monitorId', 'municipalityId', 'time', 'cron', 'periodDays', 'recipients'],
    validate: (): Record<string, string> => ({
      ...(title.trim() ? {} : { title: t('required') }),
      ...(isScheduleTime(time) ? {} : { time: t('timeInvalid') }),
    }),
    send: async () => {
      await api.post('/api/v1/analyse-schema', {
        kind,
        title: title.trim(),
        monitorId: monitorId || null,
        municipalityId: municipalityId || null,
        cron: buildCron(day, time),
        periodDays,
        recipients: recipients
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      });
      await queryClient.invalidateQueries({ queryKey: schedulesKey });
      onSaved(title.trim());
      setTitle('');
    },
  });
  return (
    <form className="utrecht-form plein-form" onSubmit={(event) => void form.submit(event)} noValidate aria-labelledby="analyse-plannen">
      <Heading level={3} id="analyse-plannen">
        {t('newSchedule')}
      </Heading>
      <FormProblem title={t('saveFailed')} problem={form.problem} />
      <TextField label={t('scheduleTitle')} description={t('scheduleTitleHelp')} value={title} onChange={setTitle} error={form.errors.title} maxLength={160} />
      <SelectField
        label={t('kind')}
        value={kind}
        onChange={(value) => setKind(value as AnalysisKind)}
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
      <SelectField
        label={t('day')}
        value={day}
        onChange={(value) => setDay(value as ScheduleDay)}
        error={form.errors.cron}
        options={SCHEDULE_DAYS.map((value) => ({ value, label: t(DAY_KEYS[value]) }))}
      />
      <TextField label={t('time')} description={t('timeHelp')} type="time" value={time} onChange={setTime} error={form.errors.time} />
      <SelectField
        label={t('periodDays')}
        value={String(periodDays)}
        onChange={(value) => setPeriodDays(Number(value) as (typeof PERIODS)[number])}
        error={form.errors.periodDays}
        options={PERIODS.map((n) => ({ value: String(n), label: t(n === 1 ? 'periodOneDay' : 'periodNDays', { n: String(n) }) }))}
      />
      <TextAreaField
        label={t('recipients')}
        description={t('recipientsHelp')}
        rows={2}
        value={recipients}
        onChange={setRecipients}
        error={form.errors.recipients}
      />
      <div className="plein-form__actions">
        <Button type="submit" busy={form.busy}>
          {t('plan')}
        </Button>
      </div>
    </form>
  );
}
