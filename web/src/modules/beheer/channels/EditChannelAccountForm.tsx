import type { ChannelRequirements } from '@contracts/channel-fields';
import type { ChannelAccount } from '@contracts/channels';
import { useState } from 'react';
import { commonMessages } from '../../../app/common-messages';
import { useMessages } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/use-form-submit';
import { Button, FormProblem, TextField } from '../../../ui';
import { ChannelFields } from './ChannelFields';
import {
  type ChannelFieldValues,
  collectSecrets,
  collectSettings,
  findMissingRequired,
  listFormNames,
  readStoredValues,
  sendWithFormFieldNames,
} from './channel-form';
import { channelsMessages } from './channels-messages';

export interface ChannelAccountChange {
  displayName?: string;
  serviceUrl?: string | null;
  settings?: Record<string, string>;
  secrets?: Record<string, string>;
}

// Sends only what changed: an untouched form changes nothing, and empty secret fields keep the stored secrets.
export function EditChannelAccountForm({
  account,
  requirements,
  onSubmit,
}: {
  account: ChannelAccount;
  requirements: ChannelRequirements;
  onSubmit: (change: ChannelAccountChange) => Promise<boolean>;
}) {
  const t = useMessages(channelsMessages);
  const common = useMessages(commonMessages);
  const [displayName, setDisplayName] = useState(account.displayName);
  const [fieldValues, setFieldValues] = useState<ChannelFieldValues>(() => readStoredValues(requirements, account.serviceUrl, account.settings));
  const stored = readStoredValues(requirements, account.serviceUrl, account.settings);

  const { submit, errors, problem, busy } = useFormSubmit({
    validate: () => {
      const found: Record<string, string> = displayName.trim() ? {} : { displayName: common('required') };
      return { ...found, ...findMissingRequired(requirements, fieldValues, account.hasSecrets, common('required')) };
    },
    send: () =>
      sendWithFormFieldNames(async () => {
        const settings = collectSettings(requirements, fieldValues, (key, value) => value !== (stored[`settings:${key}`] ?? ''));
        const secrets = collectSecrets(requirements, fieldValues);
        const serviceUrl = fieldValues.serviceUrl?.trim() ?? '';
        const saved = await onSubmit({
          ...(displayName.trim() !== account.displayName && { displayName: displayName.trim() }),
          ...(requirements.serviceUrl && serviceUrl !== (account.serviceUrl ?? '') && { serviceUrl: serviceUrl || null }),
          ...(Object.keys(settings).length > 0 && { settings }),
          ...(Object.keys(secrets).length > 0 && { secrets }),
        });
        // A secret that was sent is stored now; the field goes back to meaning "keep the stored one".
        if (saved)
          setFieldValues((current) => Object.fromEntries(Object.entries(current).map(([name, value]) => [name, name.startsWith('secrets:') ? '' : value])));
      }),
    fields: ['displayName', ...listFormNames(requirements)],
  });

  return (
    <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
      <FormProblem title={common('saveFailed')} problem={problem} />
      <TextField label={t('displayNameEdit')} autoComplete="off" value={displayName} onChange={setDisplayName} error={errors.displayName} />
      <ChannelFields
        mode="edit"
        requirements={requirements}
        values={fieldValues}
        errors={errors}
        storedSecrets={account.hasSecrets}
        onChange={(name, value) => setFieldValues((current) => ({ ...current, [name]: value }))}
      />
      <div className="plein-form__actions">
        <Button type="submit" appearance="primary" busy={busy}>
          {busy ? common('saving') : common('save')}
        </Button>
      </div>
    </form>
  );
}
