import { useId, useState } from 'react';
import { api, buildQueryString, ProblemError } from '../../app/api-client';
import { useMessages } from '../../app/i18n';
import { Button } from '../../ui';
import type { AddressResult } from './melden-api';
import { meldenMessages } from './melden-messages';

// Search on Enter or the button; the results are a short list of buttons, the first one gets focus.
export function AddressSearch({
  basePath,
  onChoose,
  invalid,
  describedBy,
}: {
  basePath: string;
  onChoose: (result: AddressResult) => void;
  invalid?: boolean;
  describedBy?: string;
}) {
  const t = useMessages(meldenMessages);
  const id = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<AddressResult[] | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const search = async () => {
    const q = query.trim();
    if (q.length < 2) {
      setMessage(t('addressTooShort'));
      return;
    }
    setBusy(true);
    setMessage(t('addressSearching'));
    try {
      const found = await api.get<AddressResult[]>(`${basePath}/address-search${buildQueryString({ q })}`);
      setResults(found);
      setMessage(found.length === 0 ? t('addressNone') : t('addressResultCount', { count: found.length }));
      if (found.length > 0) requestAnimationFrame(() => document.getElementById(`${id}-resultaat-0`)?.focus());
    } catch (error) {
      setResults(null);
      setMessage(
        error instanceof ProblemError && error.status === 503
          ? t('addressUnavailable')
          : error instanceof ProblemError
            ? error.message
            : t('addressUnavailable'),
      );
    } finally {
      setBusy(false);
    }
  };

  const choose = (result: AddressResult) => {
    setResults(null);
    setMessage('');
    setQuery(result.label);
    onChoose(result);
  };

  return (
    <div className="plein-melden-address">
      <div className="utrecht-form-field plein-field">
        <div className="utrecht-form-field__label">
          <label className="utrecht-form-label" htmlFor={`${id}-q`}>
            {t('addressSearch')}
          </label>
        </div>
        <div id={`${id}-uitleg`} className="utrecht-form-field-description">
          {t('addressSearchHelp')}
        </div>
        <div className="plein-melden-address__row">
          <input
            id={`${id}-q`}
            type="search"
            className="utrecht-textbox utrecht-textbox--html-input"
            autoComplete="street-address"
            value={query}
            aria-invalid={invalid || undefined}
            aria-describedby={[`${id}-uitleg`, describedBy].filter(Boolean).join(' ')}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              event.preventDefault();
              void search();
            }}
          />
          <Button onClick={() => void search()} busy={busy}>
            {t('addressSearchButton')}
          </Button>
        </div>
      </div>
      <p className="utrecht-paragraph plein-melden-progress" role="status" aria-live="polite">
        {message}
      </p>
      {results && results.length > 0 && (
        <ul className="plein-melden-address__results" aria-label={t('addressResults')}>
          {results.map((result, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list that is replaced as a whole; the index only tells equal entries apart
            <li key={`${result.label}-${index}`}>
              <button id={`${id}-resultaat-${index}`} type="button" className="plein-melden-address__result" onClick={() => choose(result)}>
                {result.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
