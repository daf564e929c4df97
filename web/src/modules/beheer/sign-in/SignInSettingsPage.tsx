import type { OidcSettings } from '@contracts/oidc';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import { useMe } from '../../../app/auth-context';
import { useMessages } from '../../../app/i18n';
import { CopyField, Heading, PageHeader, Paragraph, QueryState, StatusBadge } from '../../../ui';
import { SignInSettingsForm } from './SignInSettingsForm';
import { type SettingsValues, toChange } from './sign-in-settings-form';
import { signInSettingsMessages } from './sign-in-settings-messages';

const settingsQueryKey = ['oidc-settings'] as const;

export function SignInSettingsPage() {
  const t = useMessages(signInSettingsMessages);
  const me = useMe();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: settingsQueryKey, queryFn: () => api.get<OidcSettings>('/api/v1/organisation/oidc') });

  const save = async (values: SettingsValues) => {
    const saved = await api.put<OidcSettings>('/api/v1/organisation/oidc', toChange(values));
    queryClient.setQueryData(settingsQueryKey, saved);
    return saved;
  };

  const copyTexts = { copyLabel: t('copy'), copiedText: t('copied'), copyFailedText: t('copyFailed') };
  return (
    <>
      <PageHeader title={t('title')} documentTitle={t('settingsHeading')} lead={<Paragraph lead>{t('lead')}</Paragraph>} />
      <QueryState query={settings} loadingLabel={t('loading')} errorTitle={t('title')}>
        {(data) => (
          <>
            <Paragraph>
              {t('status')}:{' '}
              {data.configured ? (
                <StatusBadge tone={data.enabled ? 'ok' : 'neutral'}>{data.enabled ? t('statusOn') : t('statusOff')}</StatusBadge>
              ) : (
                <StatusBadge tone="info">{t('statusNew')}</StatusBadge>
              )}
            </Paragraph>
            <section className="plein-section plein-settings-section plein-narrow" aria-labelledby="inlogdienst-gegevens">
              <Heading level={2} id="inlogdienst-gegevens">
                {t('registerHeading')}
              </Heading>
              <CopyField label={t('redirectUri')} description={t('redirectUriHelp')} value={data.redirectUri} {...copyTexts} />
              {data.configured && data.enabled && (
                <CopyField
                  label={t('staffLink')}
                  description={t('staffLinkHelp')}
                  value={`${window.location.origin}/inloggen?organisatie=${encodeURIComponent(me.organisation.slug)}`}
                  {...copyTexts}
                />
              )}
            </section>
            <section className="plein-section plein-settings-section" aria-labelledby="inlogdienst-instelling">
              <Heading level={2} id="inlogdienst-instelling">
                {t('settingsHeading')}
              </Heading>
              <SignInSettingsForm settings={data} onSave={save} />
            </section>
          </>
        )}
      </QueryState>
    </>
  );
}
