import { useId } from 'react';

// A fieldset of radio buttons with its legend, help text and error, linked the way FormField links a single control.
export function RadioGroup<V extends string>({
  legend,
  description,
  error,
  options,
  value,
  onChange,
}: {
  legend: string;
  description?: string;
  error?: string;
  options: Array<{ value: V; label: string }>;
  value: V;
  onChange: (value: V) => void;
}) {
  const id = useId();
  const describedBy = [description && `${id}-uitleg`, error && `${id}-fout`].filter(Boolean).join(' ') || undefined;
  return (
    <div
      className={['utrecht-form-fieldset', 'utrecht-form-fieldset--distanced', 'plein-field', error && 'utrecht-form-fieldset--invalid']
        .filter(Boolean)
        .join(' ')}
    >
      <fieldset
        className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset plein-fieldset"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      >
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
        {description && (
          <div id={`${id}-uitleg`} className="utrecht-form-field-description">
            {description}
          </div>
        )}
        {error && (
          <div id={`${id}-fout`} className="utrecht-form-field-error-message plein-field-error">
            {error}
          </div>
        )}
        {options.map((option) => (
          <div key={option.value} className="plein-category-radio">
            <input
              id={`${id}-${option.value}`}
              type="radio"
              className="utrecht-radio-button utrecht-radio-button--html-input"
              name={id}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <label htmlFor={`${id}-${option.value}`} className="utrecht-form-label utrecht-form-label--radio-button">
              {option.label}
            </label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}
