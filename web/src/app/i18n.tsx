import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';

// A small dictionary i18n: Dutch is the language of the product, English helps colleagues who read it better.
export type Locale = 'nl' | 'en';

const STORAGE_KEY = 'plein.taal';

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleState>({ locale: 'nl', setLocale: () => {} });

function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private windows may refuse storage; the choice then lasts for this page only.
    }
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}

export interface Messages<K extends string> {
  nl: Record<K, string>;
  en: Record<K, string>;
}

// English must name exactly the same keys as Dutch, so a missing translation is a type error.
export function defineMessages<K extends string>(messages: { nl: Record<K, string>; en: Record<NoInfer<K>, string> }): Messages<K> {
  return messages;
}

export type Translate<K extends string> = (key: K, vars?: Record<string, string | number>) => string;

export function interpolate(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

export function useMessages<K extends string>(messages: Messages<K>): Translate<K> {
  const { locale } = useLocale();
  return useCallback((key: K, vars?: Record<string, string | number>) => interpolate(messages[locale][key], vars), [messages, locale]);
}
