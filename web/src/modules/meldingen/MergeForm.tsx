import type { Melding } from '@contracts/meldingen';
import { CLOSED_MELDING_STATUSES } from '@contracts/meldingen';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, buildQueryString } from '../../app/api-client';
import { formatDate } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { useFormSubmit } from '../../app/use-form-submit';
import { Alert, Button, CheckboxGroup, FormProblem, Heading, Paragraph } from '../../ui';
import { meldingenMessages } from './meldingen-messages';
import { type MeldingDetail, meldingenQueryKey } from './meldingen-queries';

// Candidates are the other open meldingen of the same category in the same municipality: where duplicates are.
export function MergeForm({ melding, onUpdated }: { melding: MeldingDetail; onUpdated: (next: MeldingDetail) => Promise<void> }) {
  const t = useMessages(meldingenMessages);
  const [chosen, setChosen] = useState<string[]>([]);
  const [done, setDone] = useState(false);
  const query = { municipalityId: melding.municipalityId, categoryId: melding.categoryId, limit: 100 };
  const candidates = useQuery({
    queryKey: [...meldingenQueryKey, 'lijst', 'samenvoegen', query],
    queryFn: () => api.get<Melding[]>(`/api/v1/meldingen${buildQueryString(query)}`),
    select: (rows) => rows.filter((row) => row.id !== melding.id && row.mergedIntoId === null && !CLOSED_MELDING_STATUSES.includes(row.status)),
  });

  const { submit, errors, problem, busy } = useFormSubmit({
    onStart: () => setDone(false),
    validate: (): Record<string, string> => (chosen.length === 0 ? { duplicateIds: t('chooseAtLeastOne') } : {}),
    send: async () => {
      const next = await api.post<MeldingDetail>(`/api/v1/meldingen/${melding.id}/merge`, { duplicateIds: chosen });
      setChosen([]);
      setDone(true);
      await onUpdated(next);
    },
    fields: ['duplicateIds'],
  });

  if (melding.mergedInto || CLOSED_MELDING_STATUSES.includes(melding.status)) return null;
  const options = (candidates.data ?? []).map((row) => ({
    value: row.id,
    label: `${row.number} · ${row.address ?? row.description.slice(0, 60)} · ${formatDate(row.createdAt)}`,
  }));
  return (
    <div className="plein-melding-action">
      <Heading level={3}>{t('mergeHeading')}</Heading>
      {done && <Alert type="ok">{t('mergeDone')}</Alert>}
      {options.length === 0 ? (
        <Paragraph className="plein-muted">{t('mergeNone')}</Paragraph>
      ) : (
        <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
          <FormProblem title={t('saveFailed')} problem={problem} />
          <CheckboxGroup
            legend={t('mergeCandidates')}
            description={t('mergeHelp')}
            options={options}
            selected={chosen}
            onChange={setChosen}
            error={errors.duplicateIds}
          />
          <div className="plein-form__actions">
            <Button type="submit" busy={busy}>
              {t('mergeSubmit')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
