import { KLACHT_MAX_EXTENSION_WEEKS, KLACHT_OUTCOMES, KLACHT_TRANSITIONS, type KlachtDetail, mayDecideKlacht } from '@contracts/klachten';
import { type FormEvent, type ReactNode, useState } from 'react';
import { api } from '../../app/api-client';
import { formatDateTime, parseDutchDate, startOfDayInAmsterdam } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { useFormSubmit } from '../../app/use-form-submit';
import { Alert, Button, FormProblem, Heading, Paragraph, SelectField, TextAreaField, TextField } from '../../ui';
import { useUsers } from '../beheer/organisation-queries';
import type { OnUpdated } from './klacht-form-props';
import { isTime } from './klacht-logic';
import { klachtenMessages } from './klachten-messages';

interface FormProps {
  klacht: KlachtDetail;
  onUpdated: OnUpdated;
}

// The small form frame every action shares: a heading, a success message, the problem above the fields.
function ActionForm({
  title,
  notice,
  problem,
  onSubmit,
  children,
}: {
  title: string;
  notice: string | null;
  problem: string | null;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  const t = useMessages(klachtenMessages);
  return (
    <div className="plein-melding-action">
      <Heading level={3}>{title}</Heading>
      {notice && <Alert type="ok">{notice}</Alert>}
      <form className="utrecht-form plein-form" onSubmit={onSubmit} noValidate>
        <FormProblem title={t('saveFailed')} problem={problem} />
        {children}
      </form>
    </div>
  );
}

// Awb 9:7: the person complained about is left out of the choice; the server refuses them as well.
export function HandlerForm({ klacht, onUpdated }: FormProps) {
  const t = useMessages(klachtenMessages);
  const users = useUsers();
  const [userId, setUserId] = useState(klacht.handlerUserId ?? '');
  const [notice, setNotice] = useState<string | null>(null);
  const candidates = (users.data ?? []).filter((user) => user.active && user.id !== klacht.complainedUserId);
  const { submit, errors, problem, busy } = useFormSubmit({
    onStart: () => setNotice(null),
    validate: (): Record<string, string> => (userId ? {} : { handlerUserId: t('chooseHandler') }),
    send: async () => {
      await onUpdated(await api.put<KlachtDetail>(`/api/v1/klachten/${klacht.id}/handler`, { handlerUserId: userId }));
      setNotice(t('handlerSaved'));
    },
    fields: ['handlerUserId'],
  });
  return (
    <ActionForm title={t('handlerHeading')} notice={notice} problem={problem} onSubmit={submit}>
      <SelectField
        label={t('handlerField')}
        description={t('handlerHelp')}
        value={userId}
        onChange={setUserId}
        error={errors.handlerUserId}
        options={[{ value: '', label: t('chooseHandler') }, ...candidates.map((user) => ({ value: user.id, label: user.name }))]}
      />
      <div className="plein-form__actions">
        <Button type="submit" busy={busy}>
          {t('handlerSubmit')}
        </Button>
      </div>
    </ActionForm>
  );
}

export function HearingForm({ klacht, onUpdated }: FormProps) {
  const t = useMessages(klachtenMessages);
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [place, setPlace] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const canPlan = klacht.status === 'hoorzitting-gepland' || KLACHT_TRANSITIONS[klacht.status].includes('hoorzitting-gepland');
  const { submit, errors, problem, busy } = useFormSubmit({
    onStart: () => setNotice(null),
    validate: () => {
      const found: Record<string, string> = {};
      if (!parseDutchDate(date)) found.date = t('invalidDate');
      if (!isTime(time)) found.time = t('invalidTime');
      if (!place.trim()) found.place = t('required');
      return found;
    },
    send: async () => {
      const day = parseDutchDate(date)!;
      const [hours, minutes] = time.trim().split(':');
      const at = startOfDayInAmsterdam(day).replace('T00:00:00', `T${hours!.padStart(2, '0')}:${minutes}:00`);
      await onUpdated(await api.put<KlachtDetail>(`/api/v1/klachten/${klacht.id}/hearing`, { at, place: place.trim() }));
      setNotice(t('hearingSaved'));
    },
    renameFields: { at: 'date' },
    fields: ['date', 'time', 'place'],
  });
  const waive = async () => {
    setNotice(null);
    await onUpdated(await api.put<KlachtDetail>(`/api/v1/klachten/${klacht.id}/hearing`, { waived: true }));
    setNotice(t('waivedSaved'));
  };
  if (!canPlan) return null;
  return (
    <ActionForm title={t('hearingHeading')} notice={notice} problem={problem} onSubmit={submit}>
      <TextField
        label={t('hearingDate')}
        description={t('dateHelp')}
        inputMode="numeric"
        autoComplete="off"
        value={date}
        onChange={setDate}
        error={errors.date}
      />
      <TextField
        label={t('hearingTime')}
        description={t('hearingTimeHelp')}
        inputMode="numeric"
        autoComplete="off"
        value={time}
        onChange={setTime}
        error={errors.time}
      />
      <TextField label={t('hearingPlace')} description={t('hearingPlaceHelp')} value={place} onChange={setPlace} error={errors.place} />
      <div className="plein-form__actions">
        <Button type="submit" busy={busy}>
          {t('hearingSubmit')}
        </Button>
        {!klacht.hearingWaived && (
          <Button appearance="subtle" onClick={() => void waive()}>
            {t('waive')}
          </Button>
        )}
      </div>
    </ActionForm>
  );
}

export function ExtensionForm({ klacht, onUpdated }: FormProps) {
  const t = useMessages(klachtenMessages);
  const [weeks, setWeeks] = useState(String(KLACHT_MAX_EXTENSION_WEEKS));
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const { submit, errors, problem, busy } = useFormSubmit({
    onStart: () => setNotice(null),
    validate: (): Record<string, string> => (reason.trim() ? {} : { reason: t('required') }),
    send: async () => {
      await onUpdated(await api.post<KlachtDetail>(`/api/v1/klachten/${klacht.id}/extension`, { weeks: Number(weeks), reason: reason.trim() }));
      setNotice(t('extensionSaved'));
    },
    fields: ['weeks', 'reason'],
  });
  if (klacht.extension) return notice ? <Alert type="ok">{notice}</Alert> : <Paragraph className="plein-muted">{t('alreadyExtended')}</Paragraph>;
  return (
    <ActionForm title={t('extensionHeading')} notice={notice} problem={problem} onSubmit={submit}>
      <Paragraph>{t('extensionHelp')}</Paragraph>
      <SelectField
        label={t('extensionWeeks')}
        value={weeks}
        onChange={setWeeks}
        error={errors.weeks}
        options={[1, 2, 3, 4].map((n) => ({ value: String(n), label: String(n) }))}
      />
      <TextAreaField label={t('extensionReason')} rows={3} value={reason} onChange={setReason} error={errors.reason} />
      <div className="plein-form__actions">
        <Button type="submit" busy={busy}>
          {t('extensionSubmit')}
        </Button>
      </div>
    </ActionForm>
  );
}

export function DecisionForm({ klacht, onUpdated }: FormProps) {
  const t = useMessages(klachtenMessages);
  const [outcome, setOutcome] = useState('');
  const [conclusion, setConclusion] = useState('');
  const { submit, errors, problem, busy } = useFormSubmit({
    validate: () => {
      const found: Record<string, string> = {};
      if (!outcome) found.outcome = t('required');
      if (!conclusion.trim()) found.conclusion = t('required');
      return found;
    },
    send: async () => onUpdated(await api.post<KlachtDetail>(`/api/v1/klachten/${klacht.id}/decision`, { outcome, conclusion: conclusion.trim() })),
    fields: ['outcome', 'conclusion'],
  });
  if (!KLACHT_TRANSITIONS[klacht.status].includes('afgehandeld')) return <Paragraph className="plein-muted">{t('decisionNotYet')}</Paragraph>;
  // Awb 9:10: the decision follows the hearing or a recorded waiver; the server refuses it earlier too.
  if (!mayDecideKlacht(klacht, new Date())) {
    return (
      <div className="plein-melding-action">
        <Heading level={3}>{t('decisionHeading')}</Heading>
        <Alert type="info">{klacht.hearing ? t('decisionAfterHearing', { date: formatDateTime(klacht.hearing.at) }) : t('decisionNoHearing')}</Alert>
      </div>
    );
  }
  return (
    <ActionForm title={t('decisionHeading')} notice={null} problem={problem} onSubmit={submit}>
      <Paragraph>{t('decisionHelp')}</Paragraph>
      <SelectField
        label={t('outcome')}
        value={outcome}
        onChange={setOutcome}
        error={errors.outcome}
        options={[{ value: '', label: t('choose') }, ...KLACHT_OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))]}
      />
      <TextAreaField label={t('conclusion')} rows={5} value={conclusion} onChange={setConclusion} error={errors.conclusion} />
      <div className="plein-form__actions">
        <Button type="submit" appearance="primary" busy={busy}>
          {t('decisionSubmit')}
        </Button>
      </div>
    </ActionForm>
  );
}
