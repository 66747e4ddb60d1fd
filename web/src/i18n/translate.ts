// The i18n core: the active language, its catalog, and a tiny `translate(key, vars)` with {name} placeholders.
import vi from './vi.json' with { type: 'json' };

export type Lang = 'vi' | 'en';
export type Vars = Record<string, string | number>;
type Catalog = { [key: string]: string | Catalog };

export const languages: readonly Lang[] = ['vi', 'en'];
// Vietnamese is built in; English comes on demand (its own chunk), so the portal's first load carries one language.
const catalogs: Partial<Record<Lang, Catalog>> = { vi };

/** Loads a language's catalog before it is shown. */
export async function loadLang(lang: Lang): Promise<void> {
  if (!catalogs[lang]) catalogs[lang] = (await import('./en.json')).default as Catalog;
}
const storageKey = 'cn.lang';

let active: Lang = readStoredLang();

function readStoredLang(): Lang {
  try {
    const stored = globalThis.localStorage?.getItem(storageKey);
    if (stored === 'vi' || stored === 'en') return stored;
  } catch {
    // Storage can be disabled (private mode, strict settings); Vietnamese is the default anyway.
  }
  return 'vi';
}

/** The language the UI shows now; the API client sends it as Accept-Language. */
export function currentLang(): Lang {
  return active;
}

/** Switches language, remembers the choice on this device and tells assistive tech via <html lang>. */
export function activateLang(lang: Lang): void {
  active = lang;
  try {
    globalThis.localStorage?.setItem(storageKey, lang);
  } catch {
    // Not remembered, still switched.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

function lookup(catalog: Catalog, key: string): string | undefined {
  let node: string | Catalog | undefined = catalog;
  for (const part of splitKey(key)) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

// Keys are dotted paths, but audit actions themselves contain a dot ("auth.login"): the first
// segment is the section, the rest is looked up whole before being split further.
function splitKey(key: string): string[] {
  const dot = key.indexOf('.');
  if (dot < 0) return [key];
  const section = key.slice(0, dot);
  const rest = key.slice(dot + 1);
  if (section === 'auditAction') return [section, rest];
  return key.split('.');
}

export function hasKey(key: string, lang: Lang = active): boolean {
  return lookup(catalogs[lang] ?? catalogs.vi!, key) !== undefined;
}

/** Looks a key up in the given language, then Vietnamese, then shows the key itself. */
export function translate(lang: Lang, key: string, vars?: Vars): string {
  const text = lookup(catalogs[lang] ?? catalogs.vi!, key) ?? lookup(catalogs.vi!, key) ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    // Numbers get the language's grouping: 3.321 in Vietnamese, 3,321 in English.
    return typeof value === 'number' ? value.toLocaleString(lang) : value;
  });
}
