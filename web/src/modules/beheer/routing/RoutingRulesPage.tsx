import { CHANNEL_CAPABILITIES } from '@contracts/channel-limits';
import type { RoutingRule } from '@contracts/routing';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../app/api-client';
import { useMe } from '../../../app/auth-context';
import { useMessages } from '../../../app/i18n';
import { Alert, Button, ConfirmButton, DataTable, PageHeader, Paragraph, QueryState } from '../../../ui';
import { useTeams } from '../organisation-queries';
import { RoutingRuleForm } from './RoutingRuleForm';
import { routingMessages } from './routing-messages';

const queryKey = ['beheer', 'verdeelregels'] as const;

export function RoutingRulesPage() {
  const t = useMessages(routingMessages);
  const me = useMe();
  const teams = useTeams();
  const queryClient = useQueryClient();
  const rules = useQuery({ queryKey, queryFn: () => api.get<RoutingRule[]>('/api/v1/routing-rules') });
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = async (message: string) => {
    setEditing(null);
    setNotice(message);
    await queryClient.invalidateQueries({ queryKey });
  };
  const describe = (rule: RoutingRule) => {
    const c = rule.conditions;
    const parts = [
      ...(c.words?.length ? [c.words.join(' / ')] : []),
      ...(c.channels?.length ? [c.channels.map((channel) => CHANNEL_CAPABILITIES[channel].label).join(', ')] : []),
      ...(c.municipalityIds?.length ? [c.municipalityIds.map((id) => me.municipalities.find((m) => m.id === id)?.name ?? id).join(', ')] : []),
      ...(c.authors?.length ? [c.authors.join(', ')] : []),
      ...(c.time ? [`${c.time.days.join(' ')} ${c.time.from}–${c.time.until}`] : []),
    ];
    return parts.join('; ') || t('anything');
  };
  const outcome = (rule: RoutingRule) =>
    [
      rule.actions.assignTeamId ? (teams.data?.find((team) => team.id === rule.actions.assignTeamId)?.name ?? '') : null,
      rule.actions.labels?.length ? rule.actions.labels.join(', ') : null,
      rule.actions.priority ?? null,
    ]
      .filter(Boolean)
      .join('; ');

  return (
    <>
      <PageHeader title={t('title')} lead={<Paragraph lead>{t('lead')}</Paragraph>} />
      <div role="status">{notice && <Alert type="ok">{notice}</Alert>}</div>
      <QueryState query={rules} loadingLabel={t('loading')} errorTitle={t('title')}>
        {(list) =>
          list.length === 0 ? (
            <Paragraph className="plein-muted">{t('empty')}</Paragraph>
          ) : (
            <DataTable<RoutingRule>
              caption={t('caption')}
              rows={list}
              rowKey={(rule) => rule.id}
              columns={[
                { header: t('position'), numeric: true, cell: (rule) => rule.position },
                { header: t('name'), cell: (rule) => rule.name },
                { header: t('when'), cell: (rule) => <span className="plein-break">{describe(rule)}</span> },
                { header: t('thenColumn'), cell: (rule) => outcome(rule) },
                { header: t('active'), cell: (rule) => (rule.active ? t('active') : t('inactive')) },
                {
                  header: t('actions'),
                  cell: (rule) => (
                    <div className="plein-row-actions">
                      <Button onClick={() => setEditing(rule.id)}>{t('edit')}</Button>
                      <ConfirmButton
                        label={t('remove')}
                        question={t('removeQuestion')}
                        confirmLabel={t('removeConfirm')}
                        cancelLabel={t('cancel')}
                        onConfirm={async () => {
                          await api.delete(`/api/v1/routing-rules/${rule.id}`);
                          await refresh(t('removed'));
                        }}
                      />
                    </div>
                  ),
                },
              ]}
            />
          )
        }
      </QueryState>
      {editing && rules.data?.some((rule) => rule.id === editing) ? (
        <RoutingRuleForm
          key={editing}
          rule={rules.data.find((rule) => rule.id === editing)}
          onSaved={() => refresh(t('saved'))}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <RoutingRuleForm key="nieuw" onSaved={() => refresh(t('saved'))} />
      )}
    </>
  );
}
