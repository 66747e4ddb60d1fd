// Search filter for antd Selects that ignores Vietnamese accents, so "hoi nong dan" finds "Hội Nông dân".
import { foldVietnamese } from '../../shared/units.ts';

export const accentInsensitive = (input: string, option?: { label?: unknown }) =>
  foldVietnamese(String(option?.label ?? '')).includes(foldVietnamese(input));
