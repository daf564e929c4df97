import type { ChannelField, ChannelRequirements } from '@contracts/channel-fields';
import { useMessages } from '../../../app/i18n';
import { TextField } from '../../../ui';
import { type ChannelFieldValues, toFormName } from './channel-form';
import { channelsMessages } from './channels-messages';

export interface ChannelFieldsProps {
  requirements: ChannelRequirements;
  values: ChannelFieldValues;
  errors: Record<string, string>;
  onChange: (name: string, value: string) => void;
  // Editing an account with stored secrets: empty secret fields keep what is stored.
  storedSecrets?: boolean;
  mode: 'create' | 'edit';
}

// Exactly the fields the channel's requirements name, in their order: the service address first, then settings and secrets.
export function ChannelFields({ requirements, values, errors, onChange, storedSecrets = false, mode }: ChannelFieldsProps) {
  const t = useMessages(channelsMessages);
  const labelOf = (label: string, required: boolean) => (required || /optioneel/i.test(label) ? label : t('optional', { label }));
  const secretNote = mode === 'create' ? t('secretHelp') : storedSecrets ? t('secretKeep') : t('secretNoneStored');

  const description = (field: ChannelField) => {
    const parts = [field.hint, field.kind === 'secret' ? secretNote : undefined].filter(Boolean);
    return parts.length > 0 ? parts.join(' ') : undefined;
  };

  return (
    <>
      {requirements.serviceUrl && (
        <TextField
          label={labelOf(requirements.serviceUrl.label, requirements.serviceUrl.required)}
          type="url"
          inputMode="url"
          autoComplete="off"
          placeholder={requirements.serviceUrl.placeholder}
          value={values.serviceUrl ?? ''}
          onChange={(value) => onChange('serviceUrl', value)}
          error={errors.serviceUrl}
        />
      )}
      {requirements.fields.map((field) => (
        <TextField
          key={toFormName(field)}
          label={labelOf(field.label, field.required && !(field.kind === 'secret' && storedSecrets))}
          description={description(field)}
          type={field.kind === 'secret' ? 'password' : 'text'}
          autoComplete="off"
          spellCheck={false}
          value={values[toFormName(field)] ?? ''}
          onChange={(value) => onChange(toFormName(field), value)}
          error={errors[toFormName(field)]}
        />
      ))}
    </>
  );
}
