import type { Channel } from '@contracts/channels';
import type { Municipality } from '@contracts/organisation';
import { useState } from 'react';
import { commonMessages } from '../../../app/common-messages';
import { useMessages } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/use-form-submit';
import { Button, FormProblem, Paragraph, SelectField, TextField } from '../../../ui';
import { ChannelFields } from './ChannelFields';
import { type ChannelFieldValues, collectSecrets, collectSettings, findMissingRequired, listFormNames, sendWithFormFieldNames } from './channel-form';
import type { ChannelCatalogue } from './channel-queries';
import { channelsMessages } from './channels-messages';

export interface NewChannelAccountInput {
  municipalityId: string;
  channel: Channel;
  handle: string;
  displayName?: string;
  serviceUrl?: string;
  settings?: Record<string, string>;
  secrets?: Record<string, string>;
}

const FIELD_OF_CODE = { 'account-bestaat-al': 'handle', 'onbekende-gemeente': 'municipalityId' };

export function NewChannelAccountForm({
  catalogue,
  municipalities,
  initialMunicipalityId,
  onSubmit,
}: {
  catalogue: ChannelCatalogue;
  municipalities: Municipality[];
  initialMunicipalityId: string;
  onSubmit: (input: NewChannelAccountInput) => Promise<void>;
}) {
  const t = useMessages(channelsMessages);
  const common = useMessages(commonMessages);
  const [municipalityId, setMunicipalityId] = useState(initialMunicipalityId);
  const [channel, setChannel] = useState<Channel | ''>('');
  const [handle, setHandle] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [fieldValues, setFieldValues] = useState<ChannelFieldValues>({});
  const requirements = channel ? catalogue.requirements[channel] : null;

  const { submit, errors, problem, busy } = useFormSubmit({
    validate: () => {
      const found: Record<string, string> = {};
      if (!municipalityId) found.municipalityId = common('required');
      if (!channel) found.channel = common('required');
      if (!handle.trim()) found.handle = common('required');
      return requirements ? { ...found, ...findMissingRequired(requirements, fieldValues, false, common('required')) } : found;
    },
    send: () =>
      sendWithFormFieldNames(() => {
        if (!channel || !requirements) throw new Error('Geen kanaal gekozen');
        const settings = collectSettings(requirements, fieldValues, (_key, value) => value !== '');
        const secrets = collectSecrets(requirements, fieldValues);
        return onSubmit({
          municipalityId,
          channel,
          handle: handle.trim(),
          ...(displayName.trim() && { displayName: displayName.trim() }),
          ...(fieldValues.serviceUrl?.trim() && { serviceUrl: fieldValues.serviceUrl.trim() }),
          ...(Object.keys(settings).length > 0 && { settings }),
          ...(Object.keys(secrets).length > 0 && { secrets }),
        });
      }),
    fieldOfCode: FIELD_OF_CODE,
    fields: ['municipalityId', 'channel', 'handle', 'displayName', ...(requirements ? listFormNames(requirements) : [])],
  });

  const channels = Object.keys(catalogue.requirements) as Channel[];

  return (
    <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
      <FormProblem title={common('saveFailed')} problem={problem} />
      <SelectField
        label={t('municipality')}
        value={municipalityId}
        onChange={setMunicipalityId}
        options={[{ value: '', label: t('chooseMunicipality') }, ...municipalities.map((m) => ({ value: m.id, label: m.name }))]}
        error={errors.municipalityId}
      />
      <SelectField
        label={t('channel')}
        value={channel}
        onChange={(value) => setChannel(value as Channel | '')}
        options={[{ value: '', label: t('chooseChannel') }, ...channels.map((c) => ({ value: c, label: catalogue.capabilities[c]?.label ?? c }))]}
        error={errors.channel}
      />
      {requirements ? (
        <>
          <TextField label={requirements.handleLabel} autoComplete="off" spellCheck={false} value={handle} onChange={setHandle} error={errors.handle} />
          <TextField
            label={t('displayName')}
            description={t('displayNameHelp')}
            autoComplete="off"
            value={displayName}
            onChange={setDisplayName}
            error={errors.displayName}
          />
          <ChannelFields
            mode="create"
            requirements={requirements}
            values={fieldValues}
            errors={errors}
            onChange={(name, value) => setFieldValues((current) => ({ ...current, [name]: value }))}
          />
        </>
      ) : (
        <Paragraph className="plein-muted">{t('chooseChannelFirst')}</Paragraph>
      )}
      <div className="plein-form__actions">
        <Button type="submit" appearance="primary" busy={busy}>
          {busy ? t('connecting') : t('connectSubmit')}
        </Button>
      </div>
    </form>
  );
}
