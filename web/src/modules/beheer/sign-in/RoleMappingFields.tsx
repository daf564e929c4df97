import { useEffect, useId, useRef } from 'react';
import { useMessages } from '../../../app/i18n';
import { Button, Paragraph, SelectField, TextField } from '../../../ui';
import { ROLES, type Role, useRoleLabel } from '../roles';
import type { MappingRow } from './sign-in-settings-form';
import { signInSettingsMessages } from './sign-in-settings-messages';

export interface RoleMappingFieldsProps {
  rows: MappingRow[];
  onChange: (rows: MappingRow[]) => void;
  error?: string;
  valueErrors: Record<number, string>;
  roleErrors: Record<number, string>;
}

export function RoleMappingFields({ rows, onChange, error, valueErrors, roleErrors }: RoleMappingFieldsProps) {
  const t = useMessages(signInSettingsMessages);
  const roleLabel = useRoleLabel();
  const id = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  // Focus follows the person: into a row they just added, back to "add" after removing one.
  const focusAfter = useRef<'new-row' | 'add' | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves after a row was added or removed, which the count tells
  useEffect(() => {
    if (focusAfter.current === 'new-row') listRef.current?.querySelector<HTMLInputElement>('li:last-child input')?.focus();
    if (focusAfter.current === 'add') addRef.current?.focus();
    focusAfter.current = null;
  }, [rows.length]);

  const update = (key: number, change: Partial<MappingRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const add = () => {
    focusAfter.current = 'new-row';
    onChange([...rows, { key: Math.max(-1, ...rows.map((row) => row.key)) + 1, value: '', role: '' }]);
  };
  const remove = (key: number) => {
    focusAfter.current = 'add';
    onChange(rows.filter((row) => row.key !== key));
  };
  const roleOptions = [{ value: '', label: t('chooseRole') }, ...ROLES.map((role) => ({ value: role, label: roleLabel(role) }))];

  return (
    <div className={['utrecht-form-fieldset', 'utrecht-form-fieldset--distanced', error && 'utrecht-form-fieldset--invalid'].filter(Boolean).join(' ')}>
      <fieldset
        className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset plein-fieldset"
        aria-describedby={[`${id}-uitleg`, error && `${id}-fout`].filter(Boolean).join(' ')}
      >
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('mapping')}</legend>
        <div id={`${id}-uitleg`} className="utrecht-form-field-description plein-muted">
          {t('mappingHelp')}
        </div>
        {error && (
          <div id={`${id}-fout`} className="utrecht-form-field-error-message plein-field-error">
            {error}
          </div>
        )}
        {rows.length === 0 ? (
          <Paragraph className="plein-mapping-empty">{t('mappingEmpty')}</Paragraph>
        ) : (
          <ol ref={listRef} className="plein-mapping-list">
            {rows.map((row, index) => (
              <li key={row.key} className="plein-mapping-row">
                <TextField
                  label={t('claimValue')}
                  value={row.value}
                  onChange={(value) => update(row.key, { value })}
                  error={valueErrors[row.key]}
                  maxLength={200}
                />
                <SelectField
                  label={t('role')}
                  value={row.role}
                  onChange={(role) => update(row.key, { role: role as Role | '' })}
                  options={roleOptions}
                  error={roleErrors[row.key]}
                />
                <Button appearance="subtle" className="plein-mapping-row__remove" onClick={() => remove(row.key)}>
                  {t('removeMapping')}
                  <span className="plein-visually-hidden">
                    {' '}
                    {row.value.trim() ? t('removeWhich', { value: row.value.trim() }) : t('removeWhichEmpty', { number: index + 1 })}
                  </span>
                </Button>
              </li>
            ))}
          </ol>
        )}
        <Button ref={addRef} onClick={add}>
          {t('addMapping')}
        </Button>
      </fieldset>
    </div>
  );
}
