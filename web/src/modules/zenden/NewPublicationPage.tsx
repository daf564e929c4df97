import { CHANNEL_CAPABILITIES, checkLength } from '@contracts/channel-limits';
import type { ChannelAccount } from '@contracts/channels';
import type { Publication } from '@contracts/publications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../app/api-client';
import { useAuth, useMe } from '../../app/auth-context';
import { useMessages } from '../../app/i18n';
import { createKeyPerContent } from '../../app/idempotency';
import { useFormSubmit } from '../../app/use-form-submit';
import { Alert, Button, CheckboxField, CheckboxGroup, FormProblem, PageHeader, Paragraph, QueryState, SelectField, TextAreaField, TextField } from '../../ui';
import { useChannelAccounts } from '../beheer/channels/channel-queries';
import { zendenMessages } from './zenden-messages';
import { publicationsQueryKey } from './zenden-queries';
import './zenden.css';

// Accounts a message can go out on: the platform takes posts and Plein may use the account.
function canPostOn(account: ChannelAccount): boolean {
  return CHANNEL_CAPABILITIES[account.channel].post && !account.paused && account.status !== 'aandacht-nodig';
}

export function NewPublicationPage() {
  const t = useMessages(zendenMessages);
  const accounts = useChannelAccounts();
  return (
    <>
      <PageHeader title={t('newTitle')} lead={<Paragraph lead>{t('newLead')}</Paragraph>} />
      <QueryState query={accounts} loadingLabel={t('loading')} errorTitle={t('loadFailed')}>
        {(list) => <PublicationForm accounts={list.filter(canPostOn)} />}
      </QueryState>
    </>
  );
}

function PublicationForm({ accounts }: { accounts: ChannelAccount[] }) {
  const t = useMessages(zendenMessages);
  const me = useMe();
  const { activeMunicipality, can } = useAuth();
  const [fastPath, setFastPath] = useState(false);
  const [fastPathReason, setFastPathReason] = useState('');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [municipalityId, setMunicipalityId] = useState(activeMunicipality?.id ?? me.municipalities[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('09:00');
  const [chosen, setChosen] = useState<string[]>([]);
  const [texts, setTexts] = useState<Record<string, string>>({});
  // The same content sent again (a double click, a retry after a lost answer) plans once.
  const [keyFor] = useState(createKeyPerContent);
  const own = accounts.filter((account) => account.municipalityId === municipalityId);
  const selected = own.filter((account) => chosen.includes(account.id));

  const { submit, errors, problem, busy } = useFormSubmit({
    validate: () => {
      const found: Record<string, string> = {};
      if (!title.trim()) found.title = t('required');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) found.date = t('invalidDate');
      if (!/^\d{2}:\d{2}$/.test(time)) found.time = t('invalidTime');
      if (selected.length === 0) found.variants = t('chooseOne');
      if (fastPath && fastPathReason.trim().length < 5) found.fastPath = t('required');
      selected.forEach((account, index) => {
        const text = texts[account.id]?.trim() ?? '';
        if (!text) found[`variants.${index}.text`] = t('required');
        else if (!checkLength(account.channel, text).fits) found[`variants.${index}.text`] = lengthText(account, text);
      });
      return found;
    },
    send: async () => {
      const body = {
        municipalityId,
        title: title.trim(),
        plannedAt: `${date}T${time}`,
        variants: selected.map((account) => ({ accountId: account.id, text: (texts[account.id] ?? '').trim() })),
        ...(fastPath && { fastPath: { reason: fastPathReason.trim() } }),
      };
      const created = await api.post<Publication>('/api/v1/publications', body, { idempotencyKey: keyFor(body) });
      queryClient.setQueryData([...publicationsQueryKey, created.id], created);
      await queryClient.invalidateQueries({ queryKey: [...publicationsQueryKey, 'lijst'] });
      navigate(`/zenden/${created.id}`);
    },
    renameFields: { plannedAt: 'date' },
    fields: [
      'municipalityId',
      'title',
      'date',
      'time',
      'variants',
      ...selected.flatMap((_, index) => [`variants.${index}.text`, `variants.${index}.accountId`]),
    ],
  });

  function lengthText(account: ChannelAccount, text: string) {
    const { length, max } = checkLength(account.channel, text);
    if (max === null) return '';
    return length > max ? t('counterOver', { over: length - max, length, max }) : t('counter', { length, max });
  }

  const firstText = selected[0] ? (texts[selected[0].id] ?? '') : '';
  return (
    <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
      <FormProblem title={t('saveFailed')} problem={problem} />
      {me.municipalities.length > 1 && (
        <SelectField
          label={t('municipality')}
          value={municipalityId}
          onChange={(value) => {
            setMunicipalityId(value);
            setChosen([]);
          }}
          error={errors.municipalityId}
          options={me.municipalities.map((m) => ({ value: m.id, label: m.name }))}
        />
      )}
      <TextField label={t('workTitle')} description={t('workTitleHelp')} value={title} onChange={setTitle} error={errors.title} autoComplete="off" />
      <TextField label={t('date')} type="date" value={date} onChange={setDate} error={errors.date} />
      <TextField label={t('time')} type="time" value={time} onChange={setTime} error={errors.time} />
      {own.length === 0 ? (
        <Alert type="info">{t('noAccounts')}</Alert>
      ) : (
        <CheckboxGroup
          legend={t('chooseAccounts')}
          description={t('chooseAccountsHelp')}
          error={errors.variants}
          options={own.map((account) => ({
            value: account.id,
            label: `${CHANNEL_CAPABILITIES[account.channel].label} · ${account.displayName ?? account.handle}`,
          }))}
          selected={chosen}
          onChange={setChosen}
        />
      )}
      {selected.map((account, index) => {
        const text = texts[account.id] ?? '';
        const over = !checkLength(account.channel, text).fits;
        const label = t('textFor', { channel: CHANNEL_CAPABILITIES[account.channel].label, handle: account.handle });
        return (
          <div key={account.id} className="plein-variant">
            <TextAreaField
              label={label}
              rows={4}
              value={text}
              onChange={(value) => setTexts((current) => ({ ...current, [account.id]: value }))}
              error={errors[`variants.${index}.text`] ?? errors[`variants.${index}.accountId`]}
              description={
                <span className={over ? 'plein-counter--over' : undefined} aria-live="polite">
                  {lengthText(account, text)}
                </span>
              }
            />
            {index > 0 && firstText && !text && (
              <Button appearance="subtle" onClick={() => setTexts((current) => ({ ...current, [account.id]: firstText }))}>
                {t('copyFirst')}
              </Button>
            )}
          </div>
        );
      })}
      {can('publications.fastpath') && (
        <>
          <CheckboxField label={t('fastPath')} description={t('fastPathHelp')} checked={fastPath} onChange={setFastPath} />
          {fastPath && <TextAreaField label={t('fastPathReason')} rows={2} value={fastPathReason} onChange={setFastPathReason} error={errors.fastPath} />}
        </>
      )}
      <Button type="submit" appearance="primary" busy={busy}>
        {busy ? t('saving') : t('submit')}
      </Button>
    </form>
  );
}
