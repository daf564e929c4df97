import { BUILT_IN_TEXTS, fillPlaceholders, pickStandardText } from '@contracts/melding-texts';
import { MELDING_TRANSITIONS, type MeldingStatus } from '@contracts/meldingen';
import { useState } from 'react';
import { api } from '../../app/api-client';
import { useMe } from '../../app/auth-context';
import { useMessages } from '../../app/i18n';
import { useFormSubmit } from '../../app/use-form-submit';
import { Alert, Button, FormProblem, Heading, Paragraph, SelectField, TextAreaField } from '../../ui';
import { collectPlaceholderValues, findUnfilledPlaceholders } from './melding-logic';
import { meldingenMessages } from './meldingen-messages';
import { type MeldingDetail, useStandardTexts } from './meldingen-queries';

// Offers only the moves the transition table allows. Choosing one fills in the organisation's standard text
// for this category and status (or Plein's own), with the placeholders as the reporter will read them;
// where there are several texts for the status, the handler picks one.
export function StatusChangeForm({
  melding,
  parentCategoryId,
  municipalityName,
  onUpdated,
}: {
  melding: MeldingDetail;
  parentCategoryId: string | null;
  municipalityName: string;
  onUpdated: (next: MeldingDetail) => Promise<void>;
}) {
  const t = useMessages(meldingenMessages);
  const me = useMe();
  const allowed = MELDING_TRANSITIONS[melding.status];
  const texts = useStandardTexts(melding.categoryId);
  const [status, setStatus] = useState<MeldingStatus | ''>('');
  const [textId, setTextId] = useState('');
  const [message, setMessage] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const left = findUnfilledPlaceholders(message);
  const values = collectPlaceholderValues(melding, municipalityName, me.user.name);
  const forStatus = (texts.data ?? []).filter((text) => text.status === status);

  const choose = (value: string) => {
    const next = value as MeldingStatus | '';
    setStatus(next);
    if (!next || next === 'gemeld') {
      setTextId('');
      setMessage('');
      return;
    }
    const best = pickStandardText(texts.data ?? [], { id: melding.categoryId, parentId: parentCategoryId }, next);
    setTextId(best?.id ?? '');
    setMessage(fillPlaceholders(best?.body ?? BUILT_IN_TEXTS[next], values));
  };
  const chooseText = (id: string) => {
    setTextId(id);
    const text = forStatus.find((candidate) => candidate.id === id);
    if (text) setMessage(fillPlaceholders(text.body, values));
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

  if (melding.mergedInto) {
    return (
      <div className="plein-melding-action">
        <Heading level={3}>{t('statusHeading')}</Heading>
        <Paragraph>{t('followsMerged', { number: melding.mergedInto.number })}</Paragraph>
      </div>
    );
  }

  const reach = melding.reporterEmail ? t('messageHelp') : melding.sourceMessageId ? t('messageHelpChannel') : t('messageHelpNoContact');
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
          {status && forStatus.length > 1 && (
            <SelectField
              label={t('standardText')}
              value={textId}
              onChange={chooseText}
              options={forStatus.map((text) => ({ value: text.id, label: text.title }))}
            />
          )}
          {status && (
            <>
              <TextAreaField label={t('message')} description={reach} rows={5} value={message} onChange={setMessage} error={errors.message} />
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
