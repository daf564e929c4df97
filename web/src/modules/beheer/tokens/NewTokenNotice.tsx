import { useId, useState } from 'react';
import { useMessages } from '../../../app/i18n';
import { Alert, Button, Paragraph } from '../../../ui';
import { tokensMessages } from './tokens-messages';

// The secret exists in the browser only now; after this notice is gone nobody can show it again.
export function NewTokenNotice({ name, token }: { name: string; token: string }) {
  const t = useMessages(tokensMessages);
  const id = useId();
  const [copyResult, setCopyResult] = useState<string>('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopyResult(t('copied'));
    } catch {
      setCopyResult(t('copyFailed'));
    }
  };
  return (
    <Alert type="warning" title={t('createdTitle')}>
      <Paragraph>{t('createdText')}</Paragraph>
      <label className="utrecht-form-label" htmlFor={id}>
        {t('tokenLabel', { name })}
      </label>
      <div className="plein-token-row">
        <input id={id} className="utrecht-textbox utrecht-textbox--html-input utrecht-textbox--read-only plein-token" readOnly value={token} onFocus={(event) => event.target.select()} />
        <Button onClick={() => void copy()}>{t('copy')}</Button>
      </div>
      <p className="utrecht-paragraph" role="status">
        {copyResult}
      </p>
    </Alert>
  );
}
