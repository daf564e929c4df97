import { CHANNEL_CAPABILITIES } from '@contracts/channel-limits';
import { CHANNELS } from '@contracts/channels';
import { PRIORITIES } from '@contracts/inbox';
import { type Monitor, TENORS } from '@contracts/luisteren';
import { type RoutingRule, WEEKDAY_CODES } from '@contracts/routing';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../app/api-client';
import { useMe } from '../../../app/auth-context';
import { useMessages } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/use-form-submit';
import { Button, ButtonGroup, CheckboxField, CheckboxGroup, FormProblem, Heading, SelectField, TextField } from '../../../ui';
import { useTeams, useUsers } from '../organisation-queries';
import { routingMessages } from './routing-messages';

const list = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

// One form for a new rule and for changing one: conditions on the left of "then", actions on the right.
export function RoutingRuleForm({ rule, onSaved, onCancel }: { rule?: RoutingRule; onSaved: () => Promise<void>; onCancel?: () => void }) {
  const t = useMessages(routingMessages);
  const me = useMe();
  const teams = useTeams();
  const users = useUsers();
  const c = rule?.conditions ?? {};
  const a = rule?.actions ?? {};
  const [name, setName] = useState(rule?.name ?? '');
  const [position, setPosition] = useState(String(rule?.position ?? 100));
  const [words, setWords] = useState((c.words ?? []).join(', '));
  const [channels, setChannels] = useState<string[]>(c.channels ?? []);
  const [municipalityIds, setMunicipalityIds] = useState<string[]>(c.municipalityIds ?? []);
  const [authors, setAuthors] = useState((c.authors ?? []).join(', '));
  const [monitorIds, setMonitorIds] = useState<string[]>(c.monitorIds ?? []);
  const [tenors, setTenors] = useState<string[]>(c.tenors ?? []);
  const monitors = useQuery({ queryKey: ['monitors'], queryFn: () => api.get<Monitor[]>('/api/v1/monitors') });
  const [days, setDays] = useState<string[]>(c.time?.days ?? []);
  const [from, setFrom] = useState(c.time?.from ?? '');
  const [until, setUntil] = useState(c.time?.until ?? '');
  const [teamId, setTeamId] = useState(a.assignTeamId ?? '');
  const [userId, setUserId] = useState(a.assignUserId ?? '');
  const [labels, setLabels] = useState((a.labels ?? []).join(', '));
  const [priority, setPriority] = useState<string>(a.priority ?? '');
  const [active, setActive] = useState(rule?.active ?? true);

  const { submit, errors, problem, busy } = useFormSubmit({
    validate: () => {
      const found: Record<string, string> = {};
      if (!name.trim()) found.name = t('required');
      if (!/^\d{1,5}$/.test(position.trim())) found.position = t('positionHelp');
      if (!teamId && !userId && list(labels).length === 0 && !priority) found.actions = t('needsAction');
      if ((from || until || days.length > 0) && !(TIME.test(from) && TIME.test(until) && days.length > 0)) found.time = t('timeBoth');
      return found;
    },
    send: async () => {
      const body = {
        name: name.trim(),
        position: Number(position),
        active,
        conditions: {
          ...(list(words).length > 0 && { words: list(words) }),
          ...(channels.length > 0 && { channels }),
          ...(municipalityIds.length > 0 && { municipalityIds }),
          ...(list(authors).length > 0 && { authors: list(authors) }),
          ...(monitorIds.length > 0 && { monitorIds }),
          ...(tenors.length > 0 && { tenors }),
          ...(days.length > 0 && { time: { days, from, until } }),
        },
        actions: {
          ...(teamId && { assignTeamId: teamId }),
          ...(userId && { assignUserId: userId }),
          ...(list(labels).length > 0 && { labels: list(labels) }),
          ...(priority && { priority }),
        },
      };
      if (rule) await api.patch(`/api/v1/routing-rules/${rule.id}`, body);
      else await api.post('/api/v1/routing-rules', body);
      await onSaved();
    },
    renameFields: {
      'conditions.time.from': 'time',
      'conditions.time.until': 'time',
      'conditions.time.days': 'time',
      'conditions.words': 'words',
      'actions.assignTeamId': 'teamId',
      'actions.assignUserId': 'userId',
    },
    fields: ['name', 'position', 'words', 'time', 'actions', 'teamId', 'userId', 'labels'],
  });

  const headingId = rule ? `regel-${rule.id}` : 'nieuwe-regel';
  return (
    <section className="plein-section" aria-labelledby={headingId}>
      <Heading level={2} id={headingId}>
        {rule ? t('editHeading') : t('newHeading')}
      </Heading>
      <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
        <FormProblem title={t('saveFailed')} problem={problem} />
        <TextField label={t('name')} value={name} onChange={setName} error={errors.name} />
        <TextField
          label={t('position')}
          description={t('positionHelp')}
          inputMode="numeric"
          className="plein-textbox--short"
          value={position}
          onChange={setPosition}
          error={errors.position}
        />
        <Heading level={3}>{t('conditionsLegend')}</Heading>
        <TextField label={t('words')} description={t('wordsHelp')} value={words} onChange={setWords} error={errors.words} />
        <CheckboxGroup
          legend={t('channels')}
          options={CHANNELS.filter((ch) => ch !== 'rss').map((ch) => ({ value: ch, label: CHANNEL_CAPABILITIES[ch].label }))}
          selected={channels}
          onChange={setChannels}
        />
        <CheckboxGroup
          legend={t('municipalities')}
          options={me.municipalities.map((m) => ({ value: m.id, label: m.name }))}
          selected={municipalityIds}
          onChange={setMunicipalityIds}
        />
        <TextField label={t('authors')} description={t('authorsHelp')} value={authors} onChange={setAuthors} />
        {(monitors.data ?? []).length > 0 && (
          <CheckboxGroup
            legend={t('monitors')}
            description={t('monitorsHelp')}
            options={(monitors.data ?? []).map((monitor) => ({ value: monitor.id, label: monitor.name }))}
            selected={monitorIds}
            onChange={setMonitorIds}
          />
        )}
        <CheckboxGroup
          legend={t('tenors')}
          options={TENORS.map((tenor) => ({ value: tenor, label: t(`tenor.${tenor}`) }))}
          selected={tenors}
          onChange={setTenors}
        />
        <CheckboxGroup
          legend={t('days')}
          description={t('timeHelp')}
          options={WEEKDAY_CODES.map((day) => ({ value: day, label: t(`day.${day}`) }))}
          selected={days}
          onChange={setDays}
          error={errors.time}
        />
        <TextField label={t('from')} className="plein-textbox--short" value={from} onChange={setFrom} />
        <TextField label={t('until')} className="plein-textbox--short" value={until} onChange={setUntil} />
        <Heading level={3}>{t('actionsLegend')}</Heading>
        {errors.actions && <p className="utrecht-form-field-error-message plein-field-error">{errors.actions}</p>}
        <SelectField
          label={t('team')}
          value={teamId}
          onChange={setTeamId}
          error={errors.teamId}
          options={[{ value: '', label: t('nobody') }, ...(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))]}
        />
        <SelectField
          label={t('person')}
          value={userId}
          onChange={setUserId}
          error={errors.userId}
          options={[
            { value: '', label: t('nobody') },
            ...(users.data ?? []).filter((user) => user.active).map((user) => ({ value: user.id, label: user.name })),
          ]}
        />
        <TextField label={t('labels')} description={t('labelsHelp')} value={labels} onChange={setLabels} error={errors.labels} />
        <SelectField
          label={t('priority')}
          value={priority}
          onChange={setPriority}
          options={[{ value: '', label: t('noPriority') }, ...PRIORITIES.map((value) => ({ value, label: value }))]}
        />
        <CheckboxField label={t('isActive')} checked={active} onChange={setActive} />
        <ButtonGroup>
          <Button type="submit" appearance="primary" busy={busy}>
            {t('save')}
          </Button>
          {onCancel && (
            <Button type="button" onClick={onCancel}>
              {t('cancel')}
            </Button>
          )}
        </ButtonGroup>
      </form>
    </section>
  );
}
