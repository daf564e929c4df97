import { type ListeningItem, TENORS, type Tenor } from '@contracts/luisteren';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ProblemError } from '../../app/api-client';
import { useMessages } from '../../app/i18n';
import { Alert, Button, Heading, Paragraph, SelectField } from '../../ui';
import { exploreMessages } from './explore-messages';
import { luisterenMessages } from './luisteren-messages';
import { luisterenKey } from './luisteren-queries';

// One tenor for every selected item in one request: the server corrects all or none.
export function BulkTenorForm({ selected, onDone }: { selected: ListeningItem[]; onDone: () => void }) {
  const t = useMessages(exploreMessages);
  const names = useMessages(luisterenMessages);
  const queryClient = useQueryClient();
  const [tenor, setTenor] = useState<Tenor | ''>('');
  const [error, setError] = useState<string>();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const correct = useMutation({
    mutationFn: (body: { messageIds: string[]; tenor: Tenor }) => api.post<{ corrected: number }>('/api/v1/luisteren/beoordelingen', body),
    onSuccess: async (result) => {
      setOutcome({ ok: true, text: t('bulkDone', { count: result.corrected }) });
      setTenor('');
      onDone();
      await queryClient.invalidateQueries({ queryKey: luisterenKey });
    },
    onError: (failure) => setOutcome({ ok: false, text: t('bulkFailed', { reason: failure instanceof ProblemError ? failure.message : String(failure) }) }),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!tenor) {
      setError(t('chooseTenorError'));
      event.currentTarget.querySelector('select')?.focus();
      return;
    }
    setError(undefined);
    setOutcome(null);
    correct.mutate({ messageIds: selected.map((item) => item.messageId), tenor });
  };

  return (
    <section className="plein-bulk" aria-labelledby="bulk-tenor-heading">
      <Heading level={3} id="bulk-tenor-heading">
        {t('bulkHeading')}
      </Heading>
      <div aria-live="polite">{outcome && <Alert type={outcome.ok ? 'ok' : 'error'}>{<Paragraph>{outcome.text}</Paragraph>}</Alert>}</div>
      <Paragraph>
        {selected.length === 0 ? t('bulkNone') : selected.length === 1 ? t('bulkSelectedOne') : t('bulkSelected', { count: selected.length })}
      </Paragraph>
      {selected.length > 0 && (
        <form className="utrecht-form plein-form plein-luisteren-bulk-form" onSubmit={submit} noValidate>
          <SelectField
            label={t('bulkTenor')}
            value={tenor}
            onChange={(value) => setTenor(value as Tenor | '')}
            error={error}
            options={[{ value: '', label: t('chooseTenor') }, ...TENORS.map((value) => ({ value, label: names(`tenor.${value}`) }))]}
          />
          <div className="plein-form__actions">
            <Button type="submit" appearance="primary" busy={correct.isPending}>
              {t('bulkSubmit')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
