import { useId, useState } from 'react';
import { Button } from './Button';

export interface CopyFieldProps {
  label: string;
  value: string;
  description?: string;
  copyLabel: string;
  copiedText: string;
  copyFailedText: string;
}

// A value someone must paste elsewhere (a token, an address for another system): selectable, with a copy button
// whose result is announced.
export function CopyField({ label, value, description, copyLabel, copiedText, copyFailedText }: CopyFieldProps) {
  const id = useId();
  const [result, setResult] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setResult(copiedText);
    } catch {
      setResult(copyFailedText);
    }
  };
  return (
    <div className="plein-copy-field">
      <label className="utrecht-form-label" htmlFor={id}>
        {label}
      </label>
      {description && (
        <div id={`${id}-uitleg`} className="utrecht-form-field-description plein-copy-field__description">
          {description}
        </div>
      )}
      <div className="plein-copy-field__row">
        {/* A textarea, so a long address or token wraps and stays readable in full instead of scrolling out of sight. */}
        <textarea
          id={id}
          className="utrecht-textarea utrecht-textarea--html-textarea utrecht-textarea--read-only plein-copy-field__value"
          readOnly
          rows={Math.max(1, Math.ceil(value.length / 48))}
          value={value}
          aria-describedby={description ? `${id}-uitleg` : undefined}
          onFocus={(event) => event.target.select()}
        />
        <Button onClick={() => void copy()}>{copyLabel}</Button>
      </div>
      <p className="utrecht-paragraph plein-copy-field__result" role="status">
        {result}
      </p>
    </div>
  );
}
