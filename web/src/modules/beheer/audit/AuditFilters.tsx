import { type FormEvent, useId, useState } from 'react';
import { useMessages } from '../../../app/i18n';
import { Button, Heading, SelectField, TextField } from '../../../ui';
import { auditMessages, KNOWN_ACTIONS, RECORD_TYPES } from './audit-messages';

export interface AuditFilterValues {
  action: string;
  recordType: string;
  from: string;
  until: string;
}

export function AuditFilters({ initial, onApply }: { initial: AuditFilterValues; onApply: (values: AuditFilterValues) => void }) {
  const t = useMessages(auditMessages);
  const [values, setValues] = useState(initial);
  const [untilError, setUntilError] = useState<string | undefined>();
  const actionsListId = useId();
  const set = (key: keyof AuditFilterValues) => (value: string) => setValues((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (values.from && values.until && values.until < values.from) {
      setUntilError(t('untilBeforeFrom'));
      return;
    }
    setUntilError(undefined);
    onApply({ ...values, action: values.action.trim() });
  };

  const clear = () => {
    const empty = { action: '', recordType: '', from: '', until: '' };
    setValues(empty);
    setUntilError(undefined);
    onApply(empty);
  };

  return (
    <form className="plein-filters" onSubmit={submit} noValidate aria-labelledby="audit-filters">
      <Heading level={2} id="audit-filters" className="plein-filters__title">
        {t('filters')}
      </Heading>
      <div className="plein-filters__fields">
        <TextField label={t('action')} description={t('actionHelp')} list={actionsListId} value={values.action} onChange={set('action')} />
        <datalist id={actionsListId}>
          {KNOWN_ACTIONS.map((action) => (
            <option key={action} value={action} />
          ))}
        </datalist>
        <SelectField
          label={t('recordType')}
          value={values.recordType}
          onChange={set('recordType')}
          options={[{ value: '', label: t('allTypes') }, ...RECORD_TYPES.map((type) => ({ value: type, label: t(`type_${type}`) }))]}
        />
        <TextField label={t('from')} type="date" value={values.from} onChange={set('from')} />
        <TextField label={t('until')} type="date" value={values.until} onChange={set('until')} error={untilError} />
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
