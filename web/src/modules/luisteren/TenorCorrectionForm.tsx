import { type ListeningItem, TENORS, type Tenor } from '@contracts/luisteren';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { api, ProblemError } from '../../app/api-client';
import { useMessages } from '../../app/i18n';
import { Alert, Button, Heading, Paragraph, TextField } from '../../ui';
import { itemMessages } from './item-messages';
import { luisterenMessages } from './luisteren-messages';
import { luisterenKey } from './luisteren-queries';

// A person's verdict on one item: tenor as a radio group (text, never colour alone) and an optional topic.
export function TenorCorrectionForm({ item }: { item: ListeningItem }) {
  const t = useMessages(itemMessages);
  const names = useMessages(luisterenMessages);
  const id = useId();
  const queryClient = useQueryClient();
  const [tenor, setTenor] = useState<Tenor>(item.tenor);
  const [topic, setTopic] = useState(item.topic ?? '');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const save = useMutation({
    mutationFn: () => api.patch<{ corrected: number }>(`/api/v1/luisteren/items/${item.messageId}`, { tenor, topic: topic.trim() || null }),
    onSuccess: async () => {
      setOutcome({ ok: true, text: t('corrected') });
      await queryClient.invalidateQueries({ queryKey: luisterenKey });
    },
    onError: (failure) => setOutcome({ ok: false, text: t('correctFailed', { reason: failure instanceof ProblemError ? failure.message : String(failure) }) }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setOutcome(null);
    save.mutate();
  };

  return (
    <section className="plein-section" aria-labelledby={`${id}-kop`}>
      <Heading level={2} id={`${id}-kop`}>
        {t('correctHeading')}
      </Heading>
      <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
        <div className="utrecht-form-fieldset utrecht-form-fieldset--distanced">
          <fieldset className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset plein-fieldset" aria-describedby={`${id}-uitleg`}>
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('tenor')}</legend>
            <div id={`${id}-uitleg`} className="utrecht-form-field-description">
              {t('correctHelp')}
            </div>
            {TENORS.map((value) => (
              <div key={value} className="plein-luisteren-radio">
                <input
                  id={`${id}-${value}`}
                  type="radio"
                  className="utrecht-radio-button utrecht-radio-button--html-input"
                  name={`${id}-tenor`}
                  checked={tenor === value}
                  onChange={() => setTenor(value)}
                />
                <label htmlFor={`${id}-${value}`} className="utrecht-form-label utrecht-form-label--radio-button">
                  {names(`tenor.${value}`)}
                </label>
              </div>
            ))}
          </fieldset>
        </div>
        <TextField label={t('topic')} description={t('topicHelp')} value={topic} onChange={setTopic} maxLength={60} />
        <div className="plein-form__actions">
          <Button type="submit" appearance="primary" busy={save.isPending}>
            {t('correctSubmit')}
          </Button>
        </div>
        <div aria-live="polite">
          {outcome && (
            <Alert type={outcome.ok ? 'ok' : 'error'}>
              <Paragraph>{outcome.text}</Paragraph>
            </Alert>
          )}
        </div>
      </form>
    </section>
  );
}
