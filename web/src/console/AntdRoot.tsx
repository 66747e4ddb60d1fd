// Ant Design setup for the console: Vietnamese or English locale (antd and dayjs), the Cầu Nối theme, and antd's App context.
import { App as AntApp, ConfigProvider } from 'antd';
import type { ConfigProviderProps } from 'antd';
import * as enUSModule from 'antd/es/locale/en_US.js';
import * as viVNModule from 'antd/es/locale/vi_VN.js';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';

type AntdLocale = NonNullable<ConfigProviderProps['locale']>;

// These files are ES modules to Vite but CommonJS to TypeScript, which then sees one more `.default`
// level than there is at run time; take whichever level holds the locale.
function localeOf(module: unknown): AntdLocale {
  const outer = (module as { default?: unknown }).default;
  const inner = (outer as { default?: unknown } | undefined)?.default;
  return (inner ?? outer) as AntdLocale;
}

const antdLocales = { vi: localeOf(viVNModule), en: localeOf(enUSModule) };

const theme = {
  token: {
    colorPrimary: '#a4161a',
    colorLink: '#8c1215',
    borderRadius: 6,
    // Secondary text at about 6:1 on white (Ant Design's default grey is under the 4.5:1 that WCAG AA asks).
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    fontFamily:
      "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  },
};

export function AntdRoot({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  dayjs.locale(lang === 'vi' ? 'vi' : 'en');
  return (
    <ConfigProvider locale={antdLocales[lang]} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
