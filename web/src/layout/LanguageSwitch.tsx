import { useLocale } from '../app/i18n';

// Names the other language in that language, so the person who needs it can read it.
export function LanguageSwitch() {
  const { locale, setLocale } = useLocale();
  const next = locale === 'nl' ? 'en' : 'nl';
  return (
    <button type="button" className="utrecht-button utrecht-button--subtle plein-topbar__button" lang={next} onClick={() => setLocale(next)}>
      {next === 'en' ? 'English' : 'Nederlands'}
    </button>
  );
}
