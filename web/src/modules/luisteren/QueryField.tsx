import { MONITOR_QUERY_SYNTAX, type QueryError } from '@contracts/monitor-query';
import { useId, useRef } from 'react';
import { useMessages } from '../../app/i18n';
import { Button, DataTable } from '../../ui';
import { monitorMessages } from './monitor-messages';

// The query textarea with its error next to it: the Dutch message, and the query with the faulty part
// marked. The same shape serves the parser in the browser (while typing) and the server's 400.
export function QueryField({ value, onChange, error }: { value: string; onChange: (value: string) => void; error: QueryError | null }) {
  const t = useMessages(monitorMessages);
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const goToError = () => {
    if (!error || !ref.current) return;
    ref.current.focus();
    ref.current.setSelectionRange(error.position, error.position + error.length);
  };
  return (
    <div className={['utrecht-form-field', 'utrecht-form-field--distanced', 'plein-field', error && 'utrecht-form-field--invalid'].filter(Boolean).join(' ')}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {t('query')}
        </label>
      </div>
      <div id={`${id}-uitleg`} className="utrecht-form-field__description utrecht-form-field-description">
        {t('queryHelp')}
      </div>
      <div id={`${id}-fout`} aria-live="polite">
        {error && (
          <div className="utrecht-form-field__error-message utrecht-form-field-error-message plein-field-error">
            {error.message}
            {error.hint && <span className="plein-luisteren-hint">. {error.hint}</span>}
          </div>
        )}
      </div>
      <div className="utrecht-form-field__input">
        <textarea
          ref={ref}
          id={id}
          name="query"
          rows={3}
          spellCheck={false}
          className={['utrecht-textarea', 'utrecht-textarea--html-textarea', 'plein-luisteren-query', error && 'utrecht-textarea--invalid']
            .filter(Boolean)
            .join(' ')}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-uitleg ${id}-fout`}
        />
      </div>
      {error && value !== '' && (
        <div className="plein-luisteren-query-mark">
          <p className="utrecht-paragraph">
            <span className="plein-visually-hidden">
              {t('queryMarked', {
                before: value.slice(Math.max(0, error.position - 20), error.position),
                after: value.slice(error.position, error.position + 20),
              })}
            </span>
            <code aria-hidden="true" className="plein-break">
              {value.slice(0, error.position)}
              {error.length > 0 ? <mark>{value.slice(error.position, error.position + error.length)}</mark> : <mark className="plein-luisteren-caret">▮</mark>}
              {value.slice(error.position + error.length)}
            </code>
          </p>
          <Button appearance="subtle" onClick={goToError}>
            {t('goToError')}
          </Button>
        </div>
      )}
      {!error && value.trim() !== '' && (
        <p className="utrecht-paragraph plein-luisteren-query-ok">
          <span aria-hidden="true">✓ </span>
          {t('queryOk')}
        </p>
      )}
    </div>
  );
}

export function QuerySyntaxHelp() {
  const t = useMessages(monitorMessages);
  return (
    <details className="plein-details">
      <summary>{t('syntaxHeading')}</summary>
      <DataTable
        caption={t('syntaxCaption')}
        captionHidden
        rows={MONITOR_QUERY_SYNTAX}
        rowKey={(row) => row.example}
        columns={[
          { header: t('example'), cell: (row) => <code>{row.example}</code> },
          { header: t('meaning'), cell: (row) => row.explanation },
        ]}
      />
    </details>
  );
}
