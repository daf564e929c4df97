import { useState } from 'react';
import { MELDING_TRANSITIONS, type MeldingStatus } from '../../../../contracts/meldingen';
import { api } from '../../app/api-client';
import { useMessages } from '../../app/i18n';
import { useFormSubmit } from '../../app/use-form-submit';
import { Alert, Button, FormProblem, Heading, Paragraph, SelectField, TextAreaField } from '../../ui';
import { fillPlaceholders, placeholderValues, unfilledPlaceholders } from './melding-logic';
import { meldingenMessages, STANDARD_TEXTS } from './meldingen-messages';
import type { MeldingDetail } from './meldingen-queries';

// Offers only the moves the transition table allows; choosing one fills in its standard text for the reporter.
export function StatusChangeForm({ melding, municipalityName, onUpdated }: { melding: MeldingDetail; municipalityName: string; onUpdated: (next: MeldingDetail) => Promise<void> }) {
  const t = useMessages(meldingenMessages);
  const allowed = MELDING_TRANSITIONS[melding.status];
  const [status, setStatus] = useState<MeldingStatus | ''>('');
  const [message, setMessage] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const left = unfilledPlaceholders(message);

  const choose = (value: string) => {
    setStatus(value as MeldingStatus | '');
    setMessage(value ? fillPlaceholders(STANDARD_TEXTS[value as MeldingStatus], placeholderValues(melding, municipalityName)) : '');
  };

  const { submit, errors, problem, busy } = useFormSubmit({
    onStart: () => setDone(null),
    validate: () => ({
      ...(!status && { status: t('chooseOne') }),
      ...(left.length > 0 && { message: t('placeholderLeft', { fields: left.join(', ') }) }),
    }),
    send: async () => {
      if (!status) return;
      const next = await api.post<MeldingDetail>(`/api/v1/meldingen/${melding.id}/status`, { status, ...(message.trim() && { message: message.trim() }) });
      setStatus('');
      setMessage('');
      setDone(t('statusChanged', { status: t(`status.${status}`) }));
      await onUpdated(next);
    },
    fields: ['status', 'message'],
  });

  return (
    <div className="plein-melding-action">
      <Heading level={3}>{t('statusHeading')}</Heading>
      {done && <Alert type="ok">{done}</Alert>}
      {allowed.length === 0 ? (
        <Paragraph>{t('noTransitions')}</Paragraph>
      ) : (
        <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
          <FormProblem title={t('saveFailed')} problem={problem} />
          <SelectField
            label={t('newStatus')}
            value={status}
            onChange={choose}
            error={errors.status}
            options={[{ value: '', label: t('chooseStatus') }, ...allowed.map((value) => ({ value, label: t(`status.${value}`) }))]}
          />
          {status && (
            <>
              <TextAreaField
                label={t('message')}
                description={melding.reporterEmail ? t('messageHelp') : t('messageHelpNoContact')}
                rows={5}
                value={message}
                onChange={setMessage}
                error={errors.message}
              />
              {left.length > 0 && !errors.message && <Alert type="warning">{t('placeholderLeft', { fields: left.join(', ') })}</Alert>}
            </>
          )}
          <div className="plein-form__actions">
            <Button type="submit" appearance="primary" busy={busy}>
              {t('statusSubmit')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
