import { CHANNEL_CAPABILITIES } from '@contracts/channel-limits';
import type { PublicationAccountSetting } from '@contracts/publications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../app/api-client';
import { useAuth, useMe } from '../../app/auth-context';
import { useMessages } from '../../app/i18n';
import { Alert, AppLink, Button, CheckboxField, DataTable, EmptyState, PageHeader, Paragraph, QueryState, SelectField } from '../../ui';
import { formatChannelName } from './PublicationBadges';
import { zendenMessages } from './zenden-messages';
import './zenden.css';

const settingsKey = ['publication-accounts'] as const;

// Per account that can post: how many colleagues approve, and whether it is a crisis account (fast path).
export function ZendenAccountsPage() {
  const t = useMessages(zendenMessages);
  const settings = useQuery({ queryKey: settingsKey, queryFn: () => api.get<PublicationAccountSetting[]>('/api/v1/publication-accounts') });
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={t('settingsTitle')} lead={<Paragraph lead>{t('settingsLead')}</Paragraph>} />
      <Paragraph>
        <AppLink to="/zenden">{t('back')}</AppLink>
      </Paragraph>
      {notice && <Alert type="ok">{notice}</Alert>}
      <QueryState query={settings} loadingLabel={t('loading')} errorTitle={t('loadFailed')}>
        {(list) => {
          const posting = list.filter((setting) => CHANNEL_CAPABILITIES[setting.channel as keyof typeof CHANNEL_CAPABILITIES]?.post);
          return posting.length === 0 ? (
            <EmptyState title={t('noPostingAccounts')}>
              <Paragraph>{t('noAccounts')}</Paragraph>
            </EmptyState>
          ) : (
            <SettingsTable settings={posting} onSaved={setNotice} />
          );
        }}
      </QueryState>
    </>
  );
}

function SettingsTable({ settings, onSaved }: { settings: PublicationAccountSetting[]; onSaved: (text: string) => void }) {
  const t = useMessages(zendenMessages);
  const me = useMe();
  const municipalityName = (id: string) => me.municipalities.find((m) => m.id === id)?.name ?? '';
  return (
    <DataTable<PublicationAccountSetting>
      caption={t('settingsCaption')}
      captionHidden
      rows={settings}
      rowKey={(setting) => setting.accountId}
      columns={[
        {
          header: t('account'),
          cell: (setting) => (
            <span className="plein-break">
              {formatChannelName(setting.channel)} · {setting.handle} ({municipalityName(setting.municipalityId)})
            </span>
          ),
        },
        { header: t('approvals'), cell: (setting) => <SettingForm setting={setting} onSaved={onSaved} /> },
      ]}
    />
  );
}

function SettingForm({ setting, onSaved }: { setting: PublicationAccountSetting; onSaved: (text: string) => void }) {
  const t = useMessages(zendenMessages);
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const [approval, setApproval] = useState(setting.approval);
  const [crisis, setCrisis] = useState(setting.crisisAccount);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const editable = can('publications.settings');
  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await api.put(`/api/v1/publication-accounts/${setting.accountId}`, { approval, crisisAccount: crisis });
      await queryClient.invalidateQueries({ queryKey: settingsKey });
      onSaved(t('settingSaved', { handle: setting.handle }));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  if (!editable) {
    return (
      <Paragraph>
        {t(`level_${setting.approval}`)}
        {setting.crisisAccount && ` · ${t('crisisColumn')}`}
      </Paragraph>
    );
  }
  return (
    <div className="plein-account-setting">
      <SelectField
        label={t('approvalLevel', { handle: setting.handle })}
        value={approval}
        onChange={(value) => setApproval(value as PublicationAccountSetting['approval'])}
        error={problem ?? undefined}
        options={(['geen', 'een', 'twee'] as const).map((level) => ({ value: level, label: t(`level_${level}`) }))}
      />
      <CheckboxField label={t('crisisAccount', { handle: setting.handle })} checked={crisis} onChange={setCrisis} />
      <Button busy={busy} onClick={save}>
        {t('saveSetting')}
      </Button>
    </div>
  );
}
