import type { CorrectionCandidate, RumourDetail } from '@contracts/rumours';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../app/api-client';
import { formatDateTime } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { useFormSubmit } from '../../app/use-form-submit';
import { Alert, Button, FormProblem, Heading, Paragraph, StatusBadge, TextField } from '../../ui';
import { rumourMessages } from './rumour-messages';
import { rumoursKey } from './rumour-queries';

// Finding the official correction by what it says: own posts first, then items, never older than the rumour.
export function RumourCorrectionSearch({ rumour }: { rumour: RumourDetail }) {
  const t = useMessages(rumourMessages);
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<CorrectionCandidate[] | null>(null);
  const [linked, setLinked] = useState<string | null>(null);
  const [choosing, setChoosing] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const search = useFormSubmit({
    onStart: () => setLinked(null),
    fields: ['q'],
    validate: (): Record<string, string> => (q.trim().length < 2 ? { q: t('searchTooShort') } : {}),
    send: async () => setResults(await api.get<CorrectionCandidate[]>(`/api/v1/geruchten/${rumour.id}/rechtzetting-zoeken?q=${encodeURIComponent(q.trim())}`)),
  });
  const choose = async (candidate: CorrectionCandidate) => {
    setChoosing(candidate.messageId);
    setProblem(null);
    try {
      await api.patch(`/api/v1/geruchten/${rumour.id}`, { correctionMessageId: candidate.messageId });
      await queryClient.invalidateQueries({ queryKey: rumoursKey });
      setLinked(candidate.messageId);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setChoosing(null);
    }
  };
  return (
    <div className="plein-rumour-search">
      {/* biome-ignore lint/a11y/useSemanticElements: role=search on the form is the landmark every screen reader announces; <search> is not yet */}
      <form className="utrecht-form plein-form" role="search" aria-label={t('searchHeading')} onSubmit={(event) => void search.submit(event)} noValidate>
        <Heading level={3}>{t('searchHeading')}</Heading>
        <FormProblem title={t('searchFailed')} problem={search.problem} />
        <TextField label={t('searchField')} description={t('searchHelp')} value={q} onChange={setQ} error={search.errors.q} maxLength={200} />
        <div className="plein-form__actions">
          <Button type="submit" busy={search.busy}>
            {t('searchButton')}
          </Button>
        </div>
      </form>
      <div aria-live="polite">
        {problem && (
          <Alert type="error">
            <Paragraph>{problem}</Paragraph>
          </Alert>
        )}
        {linked && (
          <Alert type="ok">
            <Paragraph>{t('saved')}</Paragraph>
          </Alert>
        )}
        {results &&
          (results.length === 0 ? <Paragraph>{t('searchNothing')}</Paragraph> : <Paragraph>{t('searchFound', { n: String(results.length) })}</Paragraph>)}
      </div>
      {results && results.length > 0 && (
        <ul className="plein-candidates">
          {results.map((candidate) => {
            const isLinked = rumour.correction.message?.messageId === candidate.messageId;
            const label = isLinked ? t('chosen') : t('choose');
            return (
              <li key={candidate.messageId} className="plein-candidate">
                <Paragraph>
                  <strong>{candidate.author}</strong>, {formatDateTime(candidate.postedAt)}{' '}
                  {candidate.direction === 'uit' && <StatusBadge tone="info">{t('ownPost')}</StatusBadge>}
                </Paragraph>
                <Paragraph className="plein-break">{candidate.text}</Paragraph>
                {/* The name starts with what the button shows, and says which message: there are several. */}
                <Button
                  onClick={() => void choose(candidate)}
                  busy={choosing === candidate.messageId}
                  disabled={isLinked}
                  aria-label={`${label}: ${candidate.author}, ${formatDateTime(candidate.postedAt)}`}
                >
                  {label}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
