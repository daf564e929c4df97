import { useId } from 'react';
import { useMessages } from '../../app/i18n';
import { TextField } from '../../ui';
import type { ExtraQuestion } from './melden-api';
import { meldenMessages } from './melden-messages';

export type Answers = Record<string, string | boolean>;

// The form's field name for one answer; the server's "answers.wanneer" is renamed to this to land here.
export const answerField = (key: string) => `answer:${key}`;

export function ExtraQuestions({
  questions,
  answers,
  onChange,
  errors,
}: {
  questions: ExtraQuestion[];
  answers: Answers;
  onChange: (answers: Answers) => void;
  errors: Record<string, string>;
}) {
  const t = useMessages(meldenMessages);
  const set = (key: string, value: string | boolean) => onChange({ ...answers, [key]: value });
  return (
    <>
      {questions.map((question) => {
        const label = question.required ? question.label : t('optional', { label: question.label });
        const error = errors[answerField(question.key)];
        if (question.type === 'text') {
          return (
            <TextField
              key={question.key}
              label={label}
              value={String(answers[question.key] ?? '')}
              onChange={(value) => set(question.key, value)}
              error={error}
              maxLength={1000}
            />
          );
        }
        const options =
          question.type === 'yesno'
            ? [
                { value: true, label: t('yes') },
                { value: false, label: t('no') },
              ]
            : (question.choices ?? []).map((choice) => ({ value: choice, label: choice }));
        return (
          <RadioGroup
            key={question.key}
            legend={label}
            options={options}
            value={answers[question.key]}
            onChange={(value) => set(question.key, value)}
            error={error}
          />
        );
      })}
    </>
  );
}

function RadioGroup({
  legend,
  options,
  value,
  onChange,
  error,
}: {
  legend: string;
  options: Array<{ value: string | boolean; label: string }>;
  value: string | boolean | undefined;
  onChange: (value: string | boolean) => void;
  error?: string;
}) {
  const id = useId();
  return (
    <div className={['utrecht-form-fieldset', 'utrecht-form-fieldset--distanced', error && 'utrecht-form-fieldset--invalid'].filter(Boolean).join(' ')}>
      <fieldset
        className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset plein-fieldset"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-fout` : undefined}
      >
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
        {error && (
          <div id={`${id}-fout`} className="utrecht-form-field-error-message plein-field-error">
            {error}
          </div>
        )}
        {options.map((option, index) => (
          <div key={String(option.value)} className="plein-melden-radio">
            <input
              id={`${id}-${index}`}
              type="radio"
              className="utrecht-radio-button utrecht-radio-button--html-input"
              name={id}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <label htmlFor={`${id}-${index}`} className="utrecht-form-label utrecht-form-label--radio-button">
              {option.label}
            </label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}
