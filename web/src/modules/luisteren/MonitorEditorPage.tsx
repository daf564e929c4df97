import type { Monitor } from '@contracts/luisteren';
import { parseMonitorQuery, type QueryError } from '@contracts/monitor-query';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ProblemError } from '../../app/api-client';
import { useMe } from '../../app/auth-context';
import { useMessages } from '../../app/i18n';
import { useFormSubmit } from '../../app/use-form-submit';
import {
  Alert,
  AppLink,
  Button,
  CheckboxField,
  ConfirmButton,
  FormProblem,
  PageHeader,
  Paragraph,
  QueryState,
  SelectField,
  TextAreaField,
  TextField,
} from '../../ui';
import { monitorsKey, useMonitor } from './luisteren-queries';
import { BackfillProgress } from './MonitorsPage';
import { monitorMessages } from './monitor-messages';
import { QueryField, QuerySyntaxHelp } from './QueryField';

export function NewMonitorPage() {
  const t = useMessages(monitorMessages);
  return (
    <>
      <Paragraph>
        <AppLink to="/luisteren/monitors">{t('back')}</AppLink>
      </Paragraph>
      <PageHeader title={t('newTitle')} />
      <MonitorForm />
    </>
  );
}

export function EditMonitorPage() {
  const t = useMessages(monitorMessages);
  const { id } = useParams();
  const monitor = useMonitor(id);
  return (
    <>
      <Paragraph>
        <AppLink to="/luisteren/monitors">{t('back')}</AppLink>
      </Paragraph>
      <PageHeader title={t('editTitle')} />
      <QueryState query={monitor} loadingLabel={t('loading')} errorTitle={t('notFound')}>
        {(data) => <MonitorForm monitor={data} />}
      </QueryState>
    </>
  );
}

// Name, query (checked while typing by the same parser the server uses), municipality and alerts.
function MonitorForm({ monitor }: { monitor?: Monitor }) {
  const t = useMessages(monitorMessages);
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState(monitor?.name ?? '');
  const [query, setQuery] = useState(monitor?.query ?? '');
  const [municipalityId, setMunicipalityId] = useState(monitor?.municipalityId ?? '');
  const [alertsEnabled, setAlertsEnabled] = useState(monitor?.alertsEnabled ?? true);
  const [emails, setEmails] = useState((monitor?.alertEmails ?? []).join('\n'));
  const [touched, setTouched] = useState(false);
  // The server's verdict on the query it was sent, shown until the query changes.
  const [serverError, setServerError] = useState<{ query: string; error: QueryError } | null>(null);
  const [saved, setSaved] = useState(false);
  const parsed = parseMonitorQuery(query);
  const liveError = touched && !parsed.ok ? parsed.error : null;
  const queryError = serverError?.query === query ? serverError.error : liveError;
  const emailList = emails
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

  const form = useFormSubmit({
    onStart: () => {
      setTouched(true);
      setSaved(false);
    },
    fields: ['name', 'municipalityId', 'alertEmails'],
    validate: () => {
      const errors: Record<string, string> = {};
      if (!name.trim()) errors.name = t('required');
      if (!parsed.ok) errors.query = parsed.error.message;
      const bad = emailList.find((email) => !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email));
      if (bad) errors.alertEmails = t('invalidEmail', { email: bad });
      return errors;
    },
    send: async () => {
      const body = { name: name.trim(), query, municipalityId: municipalityId || null, alertsEnabled, alertEmails: emailList };
      try {
        const result = monitor ? await api.patch<Monitor>(`/api/v1/monitors/${monitor.id}`, body) : await api.post<Monitor>('/api/v1/monitors', body);
        await queryClient.invalidateQueries({ queryKey: monitorsKey });
        if (monitor) setSaved(true);
        else navigate('/luisteren/monitors', { state: { created: result.name } });
      } catch (error) {
        const param =
          error instanceof ProblemError ? (error.problem.invalidParams[0] as { position?: number; length?: number; reason: string } | undefined) : undefined;
        if (error instanceof ProblemError && error.code === 'ongeldige-zoekvraag' && param) {
          setServerError({ query, error: { message: param.reason, position: param.position ?? 0, length: param.length ?? 0 } });
          document.querySelector<HTMLTextAreaElement>('textarea[name="query"]')?.focus();
          return;
        }
        throw error;
      }
    },
  });

  const remove = async () => {
    if (!monitor) return;
    await api.delete(`/api/v1/monitors/${monitor.id}`);
    await queryClient.invalidateQueries({ queryKey: monitorsKey });
    navigate('/luisteren/monitors', { state: { deleted: monitor.name } });
  };

  return (
    <>
      {monitor && monitor.backfill.state !== 'klaar' && <BackfillProgress monitor={monitor} />}
      <form className="utrecht-form plein-form" onSubmit={(event) => void form.submit(event)} noValidate>
        <FormProblem title={t('saveFailed')} problem={form.problem} />
        <TextField label={t('name')} description={t('nameHelp')} value={name} onChange={setName} error={form.errors.name} maxLength={120} required />
        <QueryField
          value={query}
          onChange={(next) => {
            setQuery(next);
            setTouched(true);
          }}
          error={queryError}
        />
        <QuerySyntaxHelp />
        {me.municipalities.length > 0 && (
          <SelectField
            label={t('municipality')}
            description={t('municipalityHelp')}
            value={municipalityId}
            onChange={setMunicipalityId}
            error={form.errors.municipalityId}
            options={[{ value: '', label: t('wholeOrganisation') }, ...me.municipalities.map((m) => ({ value: m.id, label: m.name }))]}
          />
        )}
        <CheckboxField label={t('alertsEnabled')} checked={alertsEnabled} onChange={setAlertsEnabled} />
        <TextAreaField
          label={t('alertEmails')}
          description={t('alertEmailsHelp')}
          rows={3}
          value={emails}
          onChange={setEmails}
          error={form.errors.alertEmails}
        />
        <div className="plein-form__actions">
          <Button type="submit" appearance="primary" busy={form.busy}>
            {monitor ? t('save') : t('create')}
          </Button>
        </div>
        <div aria-live="polite">
          {saved && (
            <Alert type="ok">
              <Paragraph>{t('saved')}</Paragraph>
            </Alert>
          )}
        </div>
      </form>
      {monitor && (
        <div className="plein-section">
          <ConfirmButton
            label={t('delete')}
            question={t('deleteQuestion', { name: monitor.name })}
            confirmLabel={t('deleteConfirm')}
            cancelLabel={t('cancel')}
            onConfirm={remove}
          />
        </div>
      )}
    </>
  );
}
