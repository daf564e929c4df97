import { type AuthorGroup, type AuthorProfile, NETWORK_GROUPS, type NetworkGroup } from '@contracts/network';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { api, ProblemError } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { formatDateTime } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { Alert, Button, Heading, Paragraph, TextField } from '../../ui';
import { luisterenMessages } from './luisteren-messages';
import { networkMessages } from './network-messages';
import { networkKey } from './network-queries';

type Reason = AuthorGroup['reason'];
const AUTOMATIC = 'automatisch';

// "Media (woorden: omroep, nieuws)": the group with what led the automatic classification to it.
function useDescribe() {
  const t = useMessages(networkMessages);
  const names = useMessages(luisterenMessages);
  return (group: NetworkGroup | null, reason: Reason) => {
    if (!group) return t('suggestionNone');
    const why = [
      reason.words.length > 0 && t('reasonWords', { words: reason.words.join(', ') }),
      reason.lists.length > 0 && t('reasonLists', { lists: reason.lists.join(', ') }),
    ]
      .filter(Boolean)
      .join('; ');
    return why ? `${names(`group.${group}`)} (${why})` : names(`group.${group}`);
  };
}

// What the author's group is now and who decided it, and for an analyst the form to decide it.
export function AuthorGroupSection({ profile }: { profile: AuthorProfile }) {
  const t = useMessages(networkMessages);
  const names = useMessages(luisterenMessages);
  const describe = useDescribe();
  const { can } = useAuth();
  const { group, suggestion } = profile;
  return (
    <section className="plein-section" aria-labelledby="netwerkgroep-heading">
      <Heading level={2} id="netwerkgroep-heading">
        {t('groupHeading')}
      </Heading>
      <div aria-live="polite" aria-atomic="true">
        {group.source === 'analist' && group.group ? (
          <>
            <Paragraph>
              {group.setBy
                ? t('currentAnalyst', { group: names(`group.${group.group}`), who: group.setBy, when: formatDateTime(group.setAt) })
                : t('currentAnalystNoName', { group: names(`group.${group.group}`), when: formatDateTime(group.setAt) })}
            </Paragraph>
            {group.note && <Paragraph>{t('note', { note: group.note })}</Paragraph>}
            <Paragraph className="plein-muted">{t('suggestionWhenSet', { suggestion: describe(suggestion.group, suggestion.reason) })}</Paragraph>
          </>
        ) : group.group ? (
          <Paragraph>{t('currentAutomatic', { group: describe(group.group, group.reason) })}</Paragraph>
        ) : (
          <Paragraph>{t('currentNone')}</Paragraph>
        )}
      </div>
      {can('listening.review') && <AuthorGroupForm profile={profile} />}
    </section>
  );
}

function AuthorGroupForm({ profile }: { profile: AuthorProfile }) {
  const t = useMessages(networkMessages);
  const names = useMessages(luisterenMessages);
  const id = useId();
  const queryClient = useQueryClient();
  const initial = profile.group.source === 'analist' && profile.group.group ? profile.group.group : AUTOMATIC;
  const [choice, setChoice] = useState<string>(initial);
  const [note, setNote] = useState(profile.group.source === 'analist' ? (profile.group.note ?? '') : '');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const save = useMutation({
    mutationFn: () =>
      api.put(
        `/api/v1/auteurs/${encodeURIComponent(profile.handle)}/groep`,
        choice === AUTOMATIC ? { groep: null } : { groep: choice, ...(note.trim() && { toelichting: note.trim() }) },
      ),
    onSuccess: async () => {
      setOutcome({ ok: true, text: choice === AUTOMATIC ? t('savedAutomatic') : t('saved') });
      await queryClient.invalidateQueries({ queryKey: networkKey });
    },
    onError: (failure) => setOutcome({ ok: false, text: t('saveFailed', { reason: failure instanceof ProblemError ? failure.message : String(failure) }) }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setOutcome(null);
    save.mutate();
  };
  const options = [{ value: AUTOMATIC, label: t('optionAutomatic') }, ...NETWORK_GROUPS.map((value) => ({ value, label: names(`group.${value}`) }))];
  return (
    <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
      <div className="utrecht-form-fieldset utrecht-form-fieldset--distanced">
        <fieldset className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset plein-fieldset" aria-describedby={`${id}-uitleg`}>
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('formLegend')}</legend>
          <div id={`${id}-uitleg`} className="utrecht-form-field-description">
            {t('formHelp')}
          </div>
          {options.map((option) => (
            <div key={option.value} className="plein-luisteren-radio">
              <input
                id={`${id}-${option.value}`}
                type="radio"
                className="utrecht-radio-button utrecht-radio-button--html-input"
                name={`${id}-groep`}
                checked={choice === option.value}
                onChange={() => setChoice(option.value)}
              />
              <label htmlFor={`${id}-${option.value}`} className="utrecht-form-label utrecht-form-label--radio-button">
                {option.label}
              </label>
            </div>
          ))}
        </fieldset>
      </div>
      {choice !== AUTOMATIC && <TextField label={t('noteLabel')} description={t('noteHelp')} value={note} onChange={setNote} maxLength={500} />}
      <div className="plein-form__actions">
        <Button type="submit" appearance="primary" busy={save.isPending}>
          {t('save')}
        </Button>
      </div>
      <div aria-live="polite">
        {outcome && (
          <Alert type={outcome.ok ? 'ok' : 'error'}>
            <Paragraph>{outcome.text}</Paragraph>
          </Alert>
        )}
      </div>
    </form>
  );
}
