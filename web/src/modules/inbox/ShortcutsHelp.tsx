import { useMessages } from '../../app/i18n';
import { CheckboxField } from '../../ui';
import { conversationMessages } from './conversation-messages';

export function ShortcutsHelp({ enabled, onChange, keys }: { enabled: boolean; onChange: (on: boolean) => void; keys: ('j' | 'k' | '/' | 'r')[] }) {
  const t = useMessages(conversationMessages);
  return (
    <details className="plein-shortcuts">
      <summary>{t('shortcuts')}</summary>
      <CheckboxField label={t('shortcutsOn')} checked={enabled} onChange={onChange} />
      <dl>
        {keys.map((key) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{t(`shortcut.${key}`)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
