// React context for the current language: `useI18n()` gives `t`, `lang` and `setLang` to any component.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { activateLang, currentLang, loadLang, translate } from './translate.ts';
import type { Lang, Vars } from './translate.ts';

export type TFunction = (key: string, vars?: Vars) => string;

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: TFunction;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = currentLang();
    activateLang(initial);
    return initial;
  });
  const setLang = useCallback((next: Lang) => {
    // The catalog arrives first (English is its own chunk); until then the page stays as it is.
    loadLang(next).then(
      () => {
        activateLang(next);
        setLangState(next);
      },
      () => undefined,
    );
  }, []);
  // A language remembered from an earlier visit: shown in Vietnamese for the moment its catalog takes to load.
  const [loaded, setLoaded] = useState(0);
  useEffect(() => {
    loadLang(lang).then(() => setLoaded((n) => n + 1), () => undefined);
  }, [lang]);
  const value = useMemo<I18nValue>(
    () => ({ lang, setLang, t: (key, vars) => translate(lang, key, vars) }),
    [lang, setLang, loaded],
  );
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() used outside <I18nProvider>');
  return value;
}
