import type { Melding, MeldingStatus } from '@contracts/meldingen';
import { type FormEvent, useState } from 'react';
import { api, ProblemError } from '../../app/api-client';
import { useMessages } from '../../app/i18n';
import { Button, Heading, Paragraph, SelectField, TextAreaField } from '../../ui';
import { findCommonTransitions } from './melding-logic';
import { meldingenMessages } from './meldingen-messages';

export interface Outcome {
  id: string;
  ok: boolean;
  text: string;
}

// One status for every selected melding; each is sent on its own, so one refusal does not stop the others,
// and the result per melding is announced.
export function BulkStatusForm({ selected, onDone }: { selected: Melding[]; onDone: (outcomes: Outcome[]) => Promise<void> }) {
  const t = useMessages(meldingenMessages);
  const allowed = findCommonTransitions(selected.map((melding) => melding.status));
  const [status, setStatus] = useState<MeldingStatus | ''>('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const chosen = status && allowed.includes(status) ? status : '';

  const choose = (value: string) => {
    setStatus(value as MeldingStatus | '');
    setMessage('');
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!chosen) {
      setError(t('chooseOne'));
      event.currentTarget.querySelector('select')?.focus();
      return;
    }
    setError(undefined);
    setBusy(true);
    const results: Outcome[] = [];
    for (const melding of selected) {
      // Placeholders are filled in per melding by the server; an empty text means each melding's own standard text.
      const text = message.trim();
      try {
        await api.post(`/api/v1/meldingen/${melding.id}/status`, { status: chosen, ...(text && { message: text }) });
        results.push({ id: melding.id, ok: true, text: t('bulkDone', { number: melding.number, status: t(`status.${chosen}`) }) });
      } catch (failure) {
        const reason = failure instanceof ProblemError ? failure.message : String(failure);
        results.push({ id: melding.id, ok: false, text: t('bulkFailed', { number: melding.number, reason }) });
      }
    }
    setBusy(false);
    setStatus('');
    setMessage('');
    await onDone(results);
  };

  return (
    <section className="plein-bulk" aria-labelledby="bulk-heading">
      <Heading level={2} id="bulk-heading">
        {t('bulkHeading')}
      </Heading>
      <Paragraph>
        {selected.length === 0 ? t('bulkNoneSelected') : selected.length === 1 ? t('bulkSelectedOne') : t('bulkSelected', { count: selected.length })}
      </Paragraph>
      {selected.length > 0 && allowed.length === 0 && <Paragraph className="plein-field-error">{t('bulkNoCommon')}</Paragraph>}
      {selected.length > 0 && allowed.length > 0 && (
        <form className="utrecht-form plein-form" onSubmit={(event) => void submit(event)} noValidate>
          <SelectField
            label={t('bulkNewStatus')}
            value={chosen}
            onChange={choose}
            error={error}
            options={[{ value: '', label: t('chooseStatus') }, ...allowed.map((value) => ({ value, label: t(`status.${value}`) }))]}
          />
          {chosen && <TextAreaField label={t('message')} description={t('bulkMessageHelp')} rows={4} value={message} onChange={setMessage} />}
          <div className="plein-form__actions">
            <Button type="submit" appearance="primary" busy={busy}>
              {busy ? t('bulkBusy') : t('bulkSubmit')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

// Outside the list, so the outcome stays readable (and is announced) even when the changed meldingen leave a filtered list.
export function BulkResult({ outcomes }: { outcomes: Outcome[] }) {
  const t = useMessages(meldingenMessages);
  const okCount = outcomes.filter((outcome) => outcome.ok).length;
  return (
    <div role="status" aria-live="polite" className="plein-bulk-result">
      {outcomes.length > 0 && (
        <>
          <p className="utrecht-paragraph plein-bulk-result__summary">{t('bulkSummary', { ok: okCount, total: outcomes.length })}</p>
          <ul className="utrecht-unordered-list plein-bulk-result__list">
            {outcomes.map((outcome) => (
              <li key={outcome.id} className={outcome.ok ? 'plein-bulk-result__ok' : 'plein-bulk-result__failed'}>
                <span aria-hidden="true">{outcome.ok ? '✓ ' : '✕ '}</span>
                {outcome.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
