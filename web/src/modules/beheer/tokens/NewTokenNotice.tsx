import { useMessages } from '../../../app/i18n';
import { Alert, CopyField, Paragraph } from '../../../ui';
import { tokensMessages } from './tokens-messages';

// The secret exists in the browser only now; after this notice is gone nobody can show it again.
export function NewTokenNotice({ name, token }: { name: string; token: string }) {
  const t = useMessages(tokensMessages);
  return (
    <Alert type="warning" title={t('createdTitle')}>
      <Paragraph>{t('createdText')}</Paragraph>
      <CopyField label={t('tokenLabel', { name })} value={token} copyLabel={t('copy')} copiedText={t('copied')} copyFailedText={t('copyFailed')} />
    </Alert>
  );
}
