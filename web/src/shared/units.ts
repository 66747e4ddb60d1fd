// Small helpers about administrative units shared by the portal and the console.
import type { Unit, UnitRef } from '../api/types.ts';

/** The unit's ancestors from the country down to its parent, whatever order the server lists them in. */
export function ancestorsRootFirst(unit: Unit): UnitRef[] {
  const list = [...unit.ancestors];
  if (list.length > 1 && (list[0]?.code === unit.parentCode || list[list.length - 1]?.code === 'VN')) {
    list.reverse();
  }
  return list;
}

/** "Thành phố Hà Nội" for a ward of Hà Nội: the places above the unit, nearest first, without the country. */
export function placeLine(unit: Unit): string {
  return ancestorsRootFirst(unit)
    .filter((a) => a.code !== 'VN')
    .reverse()
    .map((a) => a.name)
    .join(', ');
}

/** Lower-case text without Vietnamese tone and vowel marks, so "ha giang" finds "Hà Giang". */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}
