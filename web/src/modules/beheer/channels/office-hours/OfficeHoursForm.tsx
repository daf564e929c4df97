import { NORM_COUNTINGS, type OfficeHours, type OfficeHoursInput, WEEKDAYS, type Weekday } from '@contracts/office-hours';
import { type ReactNode, useState } from 'react';
import { commonMessages } from '../../../../app/common-messages';
import { useMessages } from '../../../../app/i18n';
import { useFormSubmit } from '../../../../app/use-form-submit';
import { Button, CheckboxField, FormProblem, SelectField, TextAreaField, TextField } from '../../../../ui';
import { type NormFields, type OfficeHoursFields, toFields, toInput } from './office-hours-form';
import { officeHoursMessages } from './office-hours-messages';

const DAY_LABELS: Record<Weekday, string> = {
  maandag: 'Maandag',
  dinsdag: 'Dinsdag',
  woensdag: 'Woensdag',
  donderdag: 'Donderdag',
  vrijdag: 'Vrijdag',
  zaterdag: 'Zaterdag',
  zondag: 'Zondag',
};

function Fieldset({ legend, error, children }: { legend: string; error?: string; children: ReactNode }) {
  return (
    <div className={['utrecht-form-fieldset', 'utrecht-form-fieldset--distanced', error && 'utrecht-form-fieldset--invalid'].filter(Boolean).join(' ')}>
      <fieldset className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset plein-fieldset" aria-invalid={error ? true : undefined}>
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
        {error && <div className="utrecht-form-field-error-message plein-field-error">{error}</div>}
        {children}
      </fieldset>
    </div>
  );
}

function NormFieldset({ legend, value, error, onChange }: { legend: string; value: NormFields; error?: string; onChange: (value: NormFields) => void }) {
  const t = useMessages(officeHoursMessages);
  return (
    <Fieldset legend={legend}>
      <TextField
        label={t('normAmount')}
        description={t('normAmountHelp')}
        inputMode="decimal"
        className="plein-textbox--short"
        value={value.amount}
        error={error}
        onChange={(amount) => onChange({ ...value, amount })}
      />
      <SelectField
        label={t('normUnit')}
        value={value.unit}
        options={[
          { value: 'minuten', label: t('minuten') },
          { value: 'uren', label: t('uren') },
        ]}
        onChange={(unit) => onChange({ ...value, unit: unit as NormFields['unit'] })}
      />
      <SelectField
        label={t('counting')}
        value={value.counting}
        options={NORM_COUNTINGS.map((counting) => ({ value: counting, label: t(`counting.${counting}`) }))}
        onChange={(counting) => onChange({ ...value, counting: counting as NormFields['counting'] })}
      />
    </Fieldset>
  );
}

export function OfficeHoursForm({ settings, onSave }: { settings: OfficeHours; onSave: (input: OfficeHoursInput) => Promise<void> }) {
  const t = useMessages(officeHoursMessages);
  const common = useMessages(commonMessages);
  const [fields, setFields] = useState<OfficeHoursFields>(() => toFields(settings));
  const set = <K extends keyof OfficeHoursFields>(key: K, value: OfficeHoursFields[K]) => setFields((current) => ({ ...current, [key]: value }));

  const { submit, errors, problem, busy } = useFormSubmit({
    validate: () => {
      const result = toInput(fields);
      return 'errors' in result ? result.errors : {};
    },
    send: async () => {
      const result = toInput(fields);
      if ('input' in result) await onSave(result.input);
    },
    // The server names fields like "acknowledgement.text"; the form shows them under these names.
    renameFields: { acknowledgement: 'acknowledgementText' },
    fields: ['week', ...WEEKDAYS, 'exceptions', 'firstResponse', 'resolution', 'acknowledgementText', 'timeZone'],
  });

  return (
    <form className="utrecht-form plein-form" onSubmit={submit} noValidate aria-label={t('heading')}>
      <FormProblem title={common('saveFailed')} problem={problem} />
      <CheckboxField label={t('alwaysOpen')} checked={fields.alwaysOpen} onChange={(value) => set('alwaysOpen', value)} />
      {!fields.alwaysOpen && (
        <Fieldset legend={t('weekLegend')} error={errors.week}>
          <p className="utrecht-form-field-description">{t('weekHelp')}</p>
          {WEEKDAYS.map((day) => (
            <TextField
              key={day}
              label={DAY_LABELS[day]}
              className="plein-textbox--medium"
              autoComplete="off"
              value={fields.days[day]}
              error={errors[day]}
              onChange={(value) => set('days', { ...fields.days, [day]: value })}
            />
          ))}
        </Fieldset>
      )}
      <CheckboxField
        label={t('holidaysClosed')}
        description={t('holidaysHelp')}
        checked={fields.holidaysClosed}
        onChange={(value) => set('holidaysClosed', value)}
      />
      <TextAreaField
        label={t('exceptions')}
        description={t('exceptionsHelp')}
        rows={3}
        value={fields.exceptions}
        error={errors.exceptions}
        onChange={(value) => set('exceptions', value)}
      />
      <NormFieldset
        legend={t('firstResponseLegend')}
        value={fields.firstResponse}
        error={errors.firstResponse}
        onChange={(value) => set('firstResponse', value)}
      />
      <NormFieldset legend={t('resolutionLegend')} value={fields.resolution} error={errors.resolution} onChange={(value) => set('resolution', value)} />
      <Fieldset legend={t('acknowledgementLegend')}>
        <CheckboxField label={t('acknowledgementEnabled')} checked={fields.acknowledgementEnabled} onChange={(value) => set('acknowledgementEnabled', value)} />
        <TextAreaField
          label={t('acknowledgementText')}
          description={t('acknowledgementHelp')}
          rows={3}
          value={fields.acknowledgementText}
          error={errors.acknowledgementText}
          onChange={(value) => set('acknowledgementText', value)}
        />
      </Fieldset>
      <TextField
        label={t('timeZone')}
        className="plein-textbox--medium"
        autoComplete="off"
        value={fields.timeZone}
        error={errors.timeZone}
        onChange={(value) => set('timeZone', value)}
      />
      <div className="plein-form__actions">
        <Button type="submit" appearance="primary" busy={busy}>
          {busy ? common('saving') : t('save')}
        </Button>
      </div>
    </form>
  );
}
