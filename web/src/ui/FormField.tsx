import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes, useId } from 'react';

interface FieldChrome {
  label: string;
  description?: ReactNode;
  error?: string;
}

// Links a control to its help text and error message, and marks it invalid, the same way for every field.
function fieldAria(id: string, description: unknown, error: string | undefined) {
  return {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(description !== undefined && `${id}-uitleg`, error && `${id}-fout`),
  };
}

function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

function FieldShell({ id, label, description, error, children }: FieldChrome & { id: string; children: ReactNode }) {
  return (
    <div className={['utrecht-form-field', 'utrecht-form-field--distanced', 'plein-field', error && 'utrecht-form-field--invalid'].filter(Boolean).join(' ')}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      {description && (
        <div id={`${id}-uitleg`} className="utrecht-form-field__description utrecht-form-field-description">
          {description}
        </div>
      )}
      {error && (
        <div id={`${id}-fout`} className="utrecht-form-field__error-message utrecht-form-field-error-message plein-field-error">
          {error}
        </div>
      )}
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

export interface TextFieldProps extends FieldChrome, Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> {
  value: string;
  onChange: (value: string) => void;
}

export function TextField({ label, description, error, value, onChange, className, type = 'text', ...rest }: TextFieldProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} description={description} error={error}>
      <input
        id={id}
        type={type}
        className={['utrecht-textbox', 'utrecht-textbox--html-input', error && 'utrecht-textbox--invalid', className].filter(Boolean).join(' ')}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...fieldAria(id, description, error)}
        {...rest}
      />
    </FieldShell>
  );
}

export interface TextAreaFieldProps extends FieldChrome, Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange'> {
  value: string;
  onChange: (value: string) => void;
}

export function TextAreaField({ label, description, error, value, onChange, ...rest }: TextAreaFieldProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} description={description} error={error}>
      <textarea
        id={id}
        className={['utrecht-textarea', 'utrecht-textarea--html-textarea', error && 'utrecht-textarea--invalid'].filter(Boolean).join(' ')}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...fieldAria(id, description, error)}
        {...rest}
      />
    </FieldShell>
  );
}

export interface SelectFieldProps extends FieldChrome, Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange'> {
  value: string;
  onChange: (value: string) => void;
  options: Array<{ value: string; label: string }>;
}

export function SelectField({ label, description, error, value, onChange, options, ...rest }: SelectFieldProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} description={description} error={error}>
      <select
        id={id}
        className={['utrecht-select', 'utrecht-select--html-select', error && 'utrecht-select--invalid'].filter(Boolean).join(' ')}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...fieldAria(id, description, error)}
        {...rest}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export interface CheckboxGroupProps {
  legend: string;
  description?: string;
  error?: string;
  options: Array<{ value: string; label: string }>;
  selected: string[];
  onChange: (selected: string[]) => void;
}

export function CheckboxGroup({ legend, description, error, options, selected, onChange }: CheckboxGroupProps) {
  const id = useId();
  const toggle = (value: string, checked: boolean) => onChange(checked ? [...selected, value] : selected.filter((item) => item !== value));
  return (
    <div className={['utrecht-form-fieldset', 'utrecht-form-fieldset--distanced', error && 'utrecht-form-fieldset--invalid'].filter(Boolean).join(' ')}>
      <fieldset className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset plein-fieldset" {...fieldAria(id, description, error)}>
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
        <div className="plein-checkbox-list">
          {options.map((option) => (
            <Checkbox
              key={option.value}
              id={`${id}-${option.value}`}
              label={option.label}
              checked={selected.includes(option.value)}
              onChange={(checked) => toggle(option.value, checked)}
            />
          ))}
        </div>
      </fieldset>
    </div>
  );
}

function Checkbox({
  id,
  label,
  checked,
  onChange,
  describedById,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  describedById?: string;
}) {
  return (
    <div className="utrecht-form-field utrecht-form-field--checkbox plein-checkbox-field">
      <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
        <label className="utrecht-form-label utrecht-form-label--checkbox plein-checkbox-label" htmlFor={id}>
          <input
            id={id}
            type="checkbox"
            className="utrecht-checkbox utrecht-checkbox--html-input"
            checked={checked}
            onChange={(event) => onChange(event.target.checked)}
            aria-describedby={describedById}
          />
          {label}
        </label>
      </div>
    </div>
  );
}

export function CheckboxField({
  label,
  description,
  checked,
  onChange,
}: {
  label: string;
  description?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = useId();
  return (
    <div className="plein-field plein-checkbox-single">
      <Checkbox id={id} label={label} checked={checked} onChange={onChange} describedById={description ? `${id}-uitleg` : undefined} />
      {description && (
        <div id={`${id}-uitleg`} className="utrecht-form-field-description plein-checkbox-single__description">
          {description}
        </div>
      )}
    </div>
  );
}
