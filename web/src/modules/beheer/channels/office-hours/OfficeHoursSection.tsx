import { type OfficeHours, type OfficeHoursInput, WEEKDAYS } from '@contracts/office-hours';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../../app/api-client';
import { formatIsoDateAsDutch } from '../../../../app/format';
import { useMessages } from '../../../../app/i18n';
import { Alert, DataList, Heading, Paragraph, QueryState } from '../../../../ui';
import { OfficeHoursForm } from './OfficeHoursForm';
import { formatRanges } from './office-hours-form';
import { officeHoursMessages } from './office-hours-messages';

const queryKey = (accountId: string) => ['channel-accounts', accountId, 'office-hours'];

// Opening hours and norms of one account, on its page in Beheer → Kanalen: a form for beheerders, a
// summary for the agents who work with the norms.
export function OfficeHoursSection({ accountId, canManage }: { accountId: string; canManage: boolean }) {
  const t = useMessages(officeHoursMessages);
  const query = useQuery({ queryKey: queryKey(accountId), queryFn: () => api.get<OfficeHours>(`/api/v1/channel-accounts/${accountId}/office-hours`) });
  return (
    <section className="plein-section" aria-labelledby="openingstijden">
      <Heading level={2} id="openingstijden">
        {t('heading')}
      </Heading>
      <Paragraph>{t('lead')}</Paragraph>
      <QueryState query={query} loadingLabel={t('loading')} errorTitle={t('loadFailed')}>
        {(settings) => (canManage ? <Editable accountId={accountId} settings={settings} /> : <Summary settings={settings} />)}
      </QueryState>
    </section>
  );
}

function Status({ settings }: { settings: OfficeHours }) {
  const t = useMessages(officeHoursMessages);
  return (
    <Paragraph>
      {!settings.configured && `${t('notConfigured')} `}
      {settings.openNow ? t('openNow') : t('closedNow')}
      {settings.upcomingHolidays.length > 0 && ` ${t('upcoming', { dates: settings.upcomingHolidays.slice(0, 4).map(formatIsoDateAsDutch).join(', ') })}`}
    </Paragraph>
  );
}

function Editable({ accountId, settings }: { accountId: string; settings: OfficeHours }) {
  const t = useMessages(officeHoursMessages);
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const save = async (input: OfficeHoursInput) => {
    setSaved(false);
    const updated = await api.put<OfficeHours>(`/api/v1/channel-accounts/${accountId}/office-hours`, input);
    queryClient.setQueryData(queryKey(accountId), updated);
    setSaved(true);
  };
  return (
    <>
      <Status settings={settings} />
      {saved && <Alert type="ok">{t('saved')}</Alert>}
      <OfficeHoursForm settings={settings} onSave={save} />
    </>
  );
}

function Summary({ settings }: { settings: OfficeHours }) {
  const t = useMessages(officeHoursMessages);
  const norm = (value: OfficeHours['firstResponse']) =>
    value
      ? `${value.minutes % 60 === 0 ? `${value.minutes / 60} ${t('uren')}` : `${value.minutes} ${t('minuten')}`}, ${t(`counting.${value.counting}`).toLowerCase()}`
      : t('none');
  const week = settings.alwaysOpen ? t('alwaysOpen') : WEEKDAYS.map((day) => `${day}: ${formatRanges(settings.week[day] ?? []) || t('closed')}`).join('; ');
  return (
    <>
      <Status settings={settings} />
      <DataList
        items={[
          { key: t('readOnlyWeek'), value: week },
          { key: t('firstResponseLegend'), value: norm(settings.firstResponse) },
          { key: t('resolutionLegend'), value: norm(settings.resolution) },
        ]}
      />
    </>
  );
}
