import { useMessages } from '../../../app/i18n';
import { CopyField, Heading } from '../../../ui';
import { channelsMessages } from './channels-messages';

// Meta pushes messages to this address; the beheerder pastes it into the app's webhook settings at Meta.
export function WebhookAddress({ organisationId, accountId }: { organisationId: string; accountId: string }) {
  const t = useMessages(channelsMessages);
  return (
    <section className="plein-section" aria-labelledby="webhook">
      <Heading level={2} id="webhook">
        {t('webhookHeading')}
      </Heading>
      <CopyField
        label={t('webhookLabel')}
        description={t('webhookHelp')}
        value={`${window.location.origin}/webhooks/${organisationId}/${accountId}`}
        copyLabel={t('copy')}
        copiedText={t('copied')}
        copyFailedText={t('copyFailed')}
      />
    </section>
  );
}
