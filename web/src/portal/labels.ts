// Names the portal shows for values the server also names: ours follow the chosen language and the portal's wording.
import type { TFunction } from '../i18n/I18nProvider.tsx';
import { hasKey } from '../i18n/translate.ts';

/** "Phản ánh" for phan_anh; the server's name for a kind the portal does not know. */
export function kindLabel(t: TFunction, kind: string, serverName: string): string {
  const key = `portal.kind.${kind}.name`;
  return hasKey(key) ? t(key) : serverName;
}
