import type { Message } from '@contracts/channels';
import { KLACHT_CHANNELS, KLACHT_THEMES, type KlachtDetail } from '@contracts/klachten';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../app/api-client';
import { useAuth, useMe } from '../../app/auth-context';
import { parseDutchDate } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { useFormSubmit } from '../../app/use-form-submit';
import { Button, ButtonLink, FormProblem, Heading, PageHeader, Paragraph, SelectField, TextAreaField, TextField } from '../../ui';
import { useUsers } from '../beheer/organisation-queries';
import { klachtenMessages } from './klachten-messages';
import { klachtenQueryKey } from './klachten-queries';

const FIELDS = [
  'municipalityId',
  'complainantName',
  'complainantEmail',
  'complainantPhone',
  'complainantAddress',
  'subject',
  'complainedUserId',
  'complainedAbout',
  'theme',
  'channel',
  'receivedOn',
] as const;
type Field = (typeof FIELDS)[number];

export function NewKlachtPage() {
  const t = useMessages(klachtenMessages);
  const me = useMe();
  const { activeMunicipality } = useAuth();
  const users = useUsers();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<Field, string>>({
    municipalityId: activeMunicipality?.id ?? me.municipalities[0]?.id ?? '',
    complainantName: '',
    complainantEmail: '',
    complainantPhone: '',
    complainantAddress: '',
    subject: '',
    complainedUserId: '',
    complainedAbout: '',
    theme: '',
    channel: '',
    receivedOn: '',
  });
  const set = (key: Field) => (value: string) => setValues((current) => ({ ...current, [key]: value }));
  // "Maak klacht" from the inbox (?bericht=<id>): the message fills in who complains, about what, and how it came in.
  const messageId = useSearchParams()[0].get('bericht');
  const message = useQuery({
    queryKey: ['bericht', messageId],
    queryFn: () => api.get<Message>(`/api/v1/messages/${messageId}`),
    enabled: Boolean(messageId),
    retry: false,
  });
  useEffect(() => {
    const from = message.data;
    if (!from) return;
    setValues((current) => ({
      ...current,
      municipalityId: from.municipalityId,
      complainantName: from.author.displayName ?? from.author.handle,
      ...(from.channel === 'email' && { complainantEmail: from.author.id }),
      subject: from.text.slice(0, 5_000),
      channel: from.channel === 'email' ? 'e-mail' : from.channel === 'webformulier' ? 'formulier' : from.channel === 'telefoon' ? 'telefoon' : 'kanaal',
    }));
  }, [message.data]);
  const optional = (label: string) => `${label} ${t('optional')}`;

  const { submit, errors, problem, busy } = useFormSubmit({
    validate: () => {
      const found: Record<string, string> = {};
      if (!values.municipalityId) found.municipalityId = t('chooseMunicipality');
      if (!values.complainantName.trim()) found.complainantName = t('required');
      if (values.subject.trim().length < 5) found.subject = t('subjectTooShort');
      if (!values.theme) found.theme = t('required');
      if (!values.channel) found.channel = t('required');
      if (values.receivedOn.trim() && !parseDutchDate(values.receivedOn)) found.receivedOn = t('invalidDate');
      return found;
    },
    send: async () => {
      const trimmed = (key: Field) => values[key].trim() || undefined;
      const created = await api.post<KlachtDetail>('/api/v1/klachten', {
        municipalityId: values.municipalityId,
        complainantName: values.complainantName.trim(),
        complainantEmail: trimmed('complainantEmail'),
        complainantPhone: trimmed('complainantPhone'),
        complainantAddress: trimmed('complainantAddress'),
        subject: values.subject.trim(),
        complainedUserId: trimmed('complainedUserId'),
        complainedAbout: trimmed('complainedAbout'),
        theme: values.theme,
        channel: values.channel,
        receivedOn: values.receivedOn.trim() ? (parseDutchDate(values.receivedOn) ?? undefined) : undefined,
        ...(message.data && { messageId: message.data.id }),
      });
      queryClient.setQueryData([...klachtenQueryKey, created.id], created);
      await queryClient.invalidateQueries({ queryKey: [...klachtenQueryKey, 'lijst'] });
      navigate(`/klachten/${created.id}`);
    },
    fields: [...FIELDS],
  });

  return (
    <>
      <PageHeader title={t('newTitle')} lead={<Paragraph lead>{t('newLead')}</Paragraph>} />
      <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
        <FormProblem title={t('saveFailed')} problem={problem} />
        {me.municipalities.length > 1 && (
          <SelectField
            label={t('municipality')}
            value={values.municipalityId}
            onChange={set('municipalityId')}
            error={errors.municipalityId}
            options={me.municipalities.map((m) => ({ value: m.id, label: m.name }))}
          />
        )}
        <Heading level={2}>{t('complainantHeading')}</Heading>
        <TextField
          label={t('complainantName')}
          autoComplete="off"
          value={values.complainantName}
          onChange={set('complainantName')}
          error={errors.complainantName}
        />
        <TextField
          label={optional(t('complainantEmail'))}
          type="email"
          autoComplete="off"
          description={t('complainantEmailHelp')}
          value={values.complainantEmail}
          onChange={set('complainantEmail')}
          error={errors.complainantEmail}
        />
        <TextField
          label={optional(t('complainantPhone'))}
          type="tel"
          autoComplete="off"
          value={values.complainantPhone}
          onChange={set('complainantPhone')}
          error={errors.complainantPhone}
        />
        <TextAreaField
          label={optional(t('complainantAddress'))}
          rows={2}
          value={values.complainantAddress}
          onChange={set('complainantAddress')}
          error={errors.complainantAddress}
        />
        <Heading level={2}>{t('aboutHeading')}</Heading>
        <TextAreaField label={t('subject')} description={t('subjectHelp')} rows={6} value={values.subject} onChange={set('subject')} error={errors.subject} />
        <SelectField
          label={optional(t('complainedUser'))}
          description={t('complainedUserHelp')}
          value={values.complainedUserId}
          onChange={set('complainedUserId')}
          error={errors.complainedUserId}
          options={[{ value: '', label: t('complainedNone') }, ...(users.data ?? []).map((user) => ({ value: user.id, label: user.name }))]}
        />
        <TextField label={optional(t('complainedAbout'))} value={values.complainedAbout} onChange={set('complainedAbout')} error={errors.complainedAbout} />
        <SelectField
          label={t('theme')}
          value={values.theme}
          onChange={set('theme')}
          error={errors.theme}
          options={[{ value: '', label: t('choose') }, ...KLACHT_THEMES.map((theme) => ({ value: theme, label: t(`theme.${theme}`) }))]}
        />
        <SelectField
          label={t('channel')}
          value={values.channel}
          onChange={set('channel')}
          error={errors.channel}
          options={[{ value: '', label: t('choose') }, ...KLACHT_CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))]}
        />
        <TextField
          label={optional(t('receivedOnField'))}
          description={t('receivedOnHelp')}
          inputMode="numeric"
          autoComplete="off"
          value={values.receivedOn}
          onChange={set('receivedOn')}
          error={errors.receivedOn}
        />
        <div className="plein-form__actions">
          <Button type="submit" appearance="primary" busy={busy}>
            {t('save')}
          </Button>
          <ButtonLink to="/klachten" appearance="secondary">
            {t('cancel')}
          </ButtonLink>
        </div>
      </form>
    </>
  );
}
