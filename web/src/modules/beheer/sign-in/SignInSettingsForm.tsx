import type { OidcSettings } from '@contracts/oidc';
import { type FormEvent, useState } from 'react';
import { ProblemError } from '../../../app/api-client';
import { commonMessages } from '../../../app/common-messages';
import { useMessages } from '../../../app/i18n';
import { Alert, Button, CheckboxField, Paragraph, TextField, useFocusFirstInvalid } from '../../../ui';
import { RoleMappingFields } from './RoleMappingFields';
import { createEmptyErrors, hasErrors, mapServerErrors, type SettingsValues, toSettingsValues, validateSettings } from './sign-in-settings-form';
import { signInSettingsMessages } from './sign-in-settings-messages';

// The server's own explanation helps more than the field's short reason: it says who must act.
const DETAIL_FOR_FIELD: Record<string, 'clientSecret'> = { 'sleutel-ontbreekt': 'clientSecret' };

export function SignInSettingsForm({ settings, onSave }: { settings: OidcSettings; onSave: (values: SettingsValues) => Promise<OidcSettings> }) {
  const t = useMessages(signInSettingsMessages);
  const common = useMessages(commonMessages);
  const [values, setValues] = useState(() => toSettingsValues(settings));
  const [errors, setErrors] = useState(createEmptyErrors);
  const [notice, setNotice] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const focusFirstInvalid = useFocusFirstInvalid();
  const set =
    <K extends keyof SettingsValues>(key: K) =>
    (value: SettingsValues[K]) =>
      setValues((current) => ({ ...current, [key]: value }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setNotice(null);
    const found = validateSettings(values, settings.clientSecretSet, {
      required: common('required'),
      emptyValue: t('emptyValue'),
      duplicateValue: t('duplicateValue'),
      roleRequired: t('roleRequired'),
    });
    setErrors(found);
    if (hasErrors(found)) {
      focusFirstInvalid(form);
      return;
    }
    setBusy(true);
    try {
      const saved = await onSave(values);
      setValues((current) => ({ ...current, clientSecret: '' }));
      setNotice({ type: 'ok', text: saved.enabled ? t('savedOn') : t('saved') });
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      const fromServer = mapServerErrors(error.problem.invalidParams, values.rows);
      const field = DETAIL_FOR_FIELD[error.code];
      if (field) fromServer.fields[field] = error.message;
      setErrors(fromServer);
      setNotice({ type: 'error', text: hasErrors(fromServer) ? t('fixFields') : error.message });
      focusFirstInvalid(form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
      <TextField
        label={t('issuerUrl')}
        description={t('issuerUrlHelp')}
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        value={values.issuerUrl}
        onChange={set('issuerUrl')}
        error={errors.fields.issuerUrl}
      />
      <TextField
        label={t('clientId')}
        description={t('clientIdHelp')}
        autoComplete="off"
        spellCheck={false}
        value={values.clientId}
        onChange={set('clientId')}
        error={errors.fields.clientId}
      />
      <TextField
        label={t('clientSecret')}
        description={settings.clientSecretSet ? t('clientSecretHelpStored') : t('clientSecretHelpNew')}
        type="password"
        autoComplete="new-password"
        placeholder={settings.clientSecretSet ? t('clientSecretPlaceholderStored') : t('clientSecretPlaceholderNew')}
        value={values.clientSecret}
        onChange={set('clientSecret')}
        error={errors.fields.clientSecret}
      />
      <TextField
        label={t('displayName')}
        description={t('displayNameHelp')}
        value={values.displayName}
        onChange={set('displayName')}
        error={errors.fields.displayName}
        maxLength={100}
      />
      <TextField
        label={t('rolesClaim')}
        description={t('rolesClaimHelp')}
        autoComplete="off"
        spellCheck={false}
        value={values.rolesClaim}
        onChange={set('rolesClaim')}
        error={errors.fields.rolesClaim}
      />
      <RoleMappingFields rows={values.rows} onChange={set('rows')} error={errors.fields.roleMapping} valueErrors={errors.values} roleErrors={errors.roles} />
      <CheckboxField label={t('createUsers')} description={t('createUsersHelp')} checked={values.createUsers} onChange={set('createUsers')} />
      <CheckboxField label={t('enabled')} description={t('enabledHelp')} checked={values.enabled} onChange={set('enabled')} />
      {notice && (
        <Alert type={notice.type} title={notice.type === 'error' ? common('saveFailed') : undefined}>
          <Paragraph>{notice.text}</Paragraph>
        </Alert>
      )}
      <div className="plein-form__actions">
        <Button type="submit" appearance="primary" busy={busy}>
          {busy ? common('saving') : t('save')}
        </Button>
      </div>
    </form>
  );
}
