import type { ChannelAccount, Message } from '@contracts/channels';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../app/api-client';
import { commonMessages } from '../../app/common-messages';
import { useMessages } from '../../app/i18n';
import { useFormSubmit } from '../../app/use-form-submit';
import { Button, FormProblem, Heading, SelectField, TextAreaField, TextField } from '../../ui';
import { inboxMessages } from './inbox-messages';

export interface PhoneLine {
  account: ChannelAccount;
  municipalityName: string;
}

const emptyCall = { callerName: '', callerPhone: '', callerEmail: '', summary: '', calledAt: '' };

export function PhoneCallForm({
  lines,
  initialLineId,
  onSaved,
  focusOnMount = false,
}: {
  lines: PhoneLine[];
  initialLineId: string;
  onSaved: (message: Message) => void;
  // After "another call" the button that was pressed is gone; focus continues at the top of the fresh form.
  focusOnMount?: boolean;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (focusOnMount) formRef.current?.querySelector<HTMLElement>('select, input, textarea')?.focus();
  }, [focusOnMount]);
  const t = useMessages(inboxMessages);
  const common = useMessages(commonMessages);
  const [accountId, setAccountId] = useState(initialLineId);
  const [values, setValues] = useState(emptyCall);
  const set = (key: keyof typeof emptyCall) => (value: string) => setValues((current) => ({ ...current, [key]: value }));

  const { submit, errors, problem, busy } = useFormSubmit({
    validate: () => {
      const found: Record<string, string> = {};
      if (!accountId) found.accountId = common('required');
      if (values.callerEmail.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.callerEmail.trim())) found.callerEmail = t('invalidEmail');
      if (!values.summary.trim()) found.summary = common('required');
      if (values.calledAt && new Date(values.calledAt).getTime() > Date.now()) found.calledAt = t('calledAtFuture');
      return found;
    },
    send: async () => {
      const trimmed = (value: string) => value.trim() || undefined;
      const message = await api.post<Message>('/api/v1/phone-calls', {
        accountId,
        callerName: trimmed(values.callerName),
        callerPhone: trimmed(values.callerPhone),
        callerEmail: trimmed(values.callerEmail),
        summary: values.summary.trim(),
        // datetime-local holds the agent's own local time; without it the server takes the moment of saving.
        calledAt: values.calledAt ? new Date(values.calledAt).toISOString() : undefined,
      });
      setValues(emptyCall);
      onSaved(message);
    },
    fields: ['accountId', 'callerName', 'callerPhone', 'callerEmail', 'summary', 'calledAt'],
  });

  return (
    <form ref={formRef} className="utrecht-form plein-form" onSubmit={submit} noValidate>
      <FormProblem title={common('saveFailed')} problem={problem} />
      <SelectField
        label={t('line')}
        value={accountId}
        onChange={setAccountId}
        options={[
          ...(lines.length > 1 ? [{ value: '', label: t('chooseLine') }] : []),
          ...lines.map((line) => ({ value: line.account.id, label: t('lineOption', { municipality: line.municipalityName, line: line.account.displayName }) })),
        ]}
        error={errors.accountId}
      />
      <Heading level={2} className="plein-form__heading">
        {t('callerHeading')}
      </Heading>
      <TextField label={t('callerName')} autoComplete="off" value={values.callerName} onChange={set('callerName')} error={errors.callerName} />
      <TextField label={t('callerPhone')} type="tel" autoComplete="off" value={values.callerPhone} onChange={set('callerPhone')} error={errors.callerPhone} />
      <TextField
        label={t('callerEmail')}
        description={t('callerEmailHelp')}
        type="email"
        autoComplete="off"
        value={values.callerEmail}
        onChange={set('callerEmail')}
        error={errors.callerEmail}
      />
      <TextAreaField label={t('summary')} description={t('summaryHelp')} rows={6} value={values.summary} onChange={set('summary')} error={errors.summary} />
      <TextField
        label={t('calledAt')}
        description={t('calledAtHelp')}
        type="datetime-local"
        value={values.calledAt}
        onChange={set('calledAt')}
        error={errors.calledAt}
      />
      <div className="plein-form__actions">
        <Button type="submit" appearance="primary" busy={busy}>
          {busy ? t('saving') : t('save')}
        </Button>
      </div>
    </form>
  );
}
