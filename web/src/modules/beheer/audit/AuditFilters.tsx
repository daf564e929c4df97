import { type FormEvent, useId, useState } from 'react';
import { formatIsoDateAsDutch, parseDutchDate } from '../../../app/format';
import { useMessages } from '../../../app/i18n';
import { Button, Heading, SelectField, TextField, useFocusFirstInvalid } from '../../../ui';
import { auditMessages, KNOWN_ACTIONS, RECORD_TYPES } from './audit-messages';

// Dates are ISO (2026-11-23) here and in the address bar, and Dutch (23-11-2026) in the fields.
export interface AuditFilterValues {
  action: string;
  recordType: string;
  from: string;
  until: string;
}

export function AuditFilters({ initial, onApply }: { initial: AuditFilterValues; onApply: (values: AuditFilterValues) => void }) {
  const t = useMessages(auditMessages);
  const [action, setAction] = useState(initial.action);
  const [recordType, setRecordType] = useState(initial.recordType);
  const [from, setFrom] = useState(initial.from ? formatIsoDateAsDutch(initial.from) : '');
  const [until, setUntil] = useState(initial.until ? formatIsoDateAsDutch(initial.until) : '');
  const [errors, setErrors] = useState<{ from?: string; until?: string }>({});
  const focusFirstInvalid = useFocusFirstInvalid();
  const actionsListId = useId();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const fromIso = from.trim() ? parseDutchDate(from) : '';
    const untilIso = until.trim() ? parseDutchDate(until) : '';
    const found: { from?: string; until?: string } = {};
    if (fromIso === null) found.from = t('invalidDate');
    if (untilIso === null) found.until = t('invalidDate');
    else if (fromIso && untilIso && untilIso < fromIso) found.until = t('untilBeforeFrom');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(form);
      return;
    }
    onApply({ action: action.trim(), recordType, from: fromIso ?? '', until: untilIso ?? '' });
  };

  const clear = () => {
    setAction('');
    setRecordType('');
    setFrom('');
    setUntil('');
    setErrors({});
    onApply({ action: '', recordType: '', from: '', until: '' });
  };

  return (
    <form className="plein-filters" onSubmit={submit} noValidate aria-labelledby="audit-filters">
      <Heading level={2} id="audit-filters" className="plein-filters__title">
        {t('filters')}
      </Heading>
      <div className="plein-filters__fields">
        <TextField label={t('action')} description={t('actionHelp')} list={actionsListId} value={action} onChange={setAction} />
        <datalist id={actionsListId}>
          {KNOWN_ACTIONS.map((known) => (
            <option key={known} value={known} />
          ))}
        </datalist>
        <SelectField
          label={t('recordType')}
          description={t('recordTypeHelp')}
          value={recordType}
          onChange={setRecordType}
          options={[{ value: '', label: t('allTypes') }, ...RECORD_TYPES.map((type) => ({ value: type, label: t(`type_${type}`) }))]}
        />
        <TextField label={t('from')} description={t('dateHelp')} inputMode="numeric" autoComplete="off" value={from} onChange={setFrom} error={errors.from} />
        <TextField
          label={t('until')}
          description={t('dateHelp')}
          inputMode="numeric"
          autoComplete="off"
          value={until}
          onChange={setUntil}
          error={errors.until}
        />
      </div>
      <div className="plein-form__actions">
        <Button type="submit" appearance="primary">
          {t('apply')}
        </Button>
        <Button appearance="subtle" onClick={clear}>
          {t('reset')}
        </Button>
      </div>
    </form>
  );
}
