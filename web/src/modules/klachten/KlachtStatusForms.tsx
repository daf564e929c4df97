import { KLACHT_SIMPLE_STATUSES, KLACHT_TRANSITIONS, type KlachtDetail } from '@contracts/klachten';
import { useState } from 'react';
import { api } from '../../app/api-client';
import { useMessages } from '../../app/i18n';
import { useFormSubmit } from '../../app/use-form-submit';
import { Alert, Button, FormProblem, Heading, SelectField, TextAreaField } from '../../ui';
import type { OnUpdated } from './klacht-form-props';
import { klachtenMessages } from './klachten-messages';

interface FormProps {
  klacht: KlachtDetail;
  onUpdated: OnUpdated;
}

// Offers only the moves KLACHT_TRANSITIONS allows from here that are no hearing or decision (those have forms of their own).
export function KlachtStatusForm({ klacht, onUpdated }: FormProps) {
  const t = useMessages(klachtenMessages);
  const options = KLACHT_SIMPLE_STATUSES.filter((status) => KLACHT_TRANSITIONS[klacht.status].includes(status));
  const [status, setStatus] = useState('');
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const { submit, errors, problem, busy } = useFormSubmit({
    onStart: () => setNotice(null),
    validate: () => {
      const found: Record<string, string> = {};
      if (!status) found.status = t('chooseStatus');
      if ((status === 'niet-in-behandeling' || status === 'informeel-opgelost') && !reason.trim()) found.reason = t('required');
      return found;
    },
    send: async () => {
      await onUpdated(await api.post<KlachtDetail>(`/api/v1/klachten/${klacht.id}/status`, { status, reason: reason.trim() || undefined }));
      setStatus('');
      setReason('');
      setNotice(t('statusSaved'));
    },
    fields: ['status', 'reason'],
  });
  if (options.length === 0) return null;
  return (
    <div className="plein-melding-action">
      <Heading level={3}>{t('statusHeading')}</Heading>
      {notice && <Alert type="ok">{notice}</Alert>}
      <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
        <FormProblem title={t('saveFailed')} problem={problem} />
        <SelectField
          label={t('newStatus')}
          value={status}
          onChange={setStatus}
          error={errors.status}
          options={[{ value: '', label: t('chooseStatus') }, ...options.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
        />
        <TextAreaField label={t('reason')} description={t('reasonHelp')} rows={3} value={reason} onChange={setReason} error={errors.reason} />
        <div className="plein-form__actions">
          <Button type="submit" busy={busy}>
            {t('statusSubmit')}
          </Button>
        </div>
      </form>
    </div>
  );
}

export function KlachtNoteForm({ klacht, onUpdated }: FormProps) {
  const t = useMessages(klachtenMessages);
  const [text, setText] = useState('');
  const [done, setDone] = useState(false);
  const { submit, errors, problem, busy } = useFormSubmit({
    onStart: () => setDone(false),
    validate: (): Record<string, string> => (text.trim() ? {} : { text: t('required') }),
    send: async () => {
      await onUpdated(await api.post<KlachtDetail>(`/api/v1/klachten/${klacht.id}/notes`, { text: text.trim() }));
      setText('');
      setDone(true);
    },
    fields: ['text'],
  });
  return (
    <div className="plein-melding-action">
      <Heading level={3}>{t('noteHeading')}</Heading>
      {done && <Alert type="ok">{t('noteAdded')}</Alert>}
      <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
        <FormProblem title={t('saveFailed')} problem={problem} />
        <TextAreaField label={t('note')} description={t('noteHelp')} rows={3} value={text} onChange={setText} error={errors.text} />
        <div className="plein-form__actions">
          <Button type="submit" busy={busy}>
            {t('noteSubmit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
