// The lunar (âm lịch) date of a solar day for the case screens: the calendar client's getLunar, asked once per day
// per page load, and the short "12/10" form printed beside a due date.
import { useEffect, useState } from 'react';
import { getLunar } from './calendar.ts';
import type { LunarDate } from './calendar.ts';

export type { LunarDate };

const cache = new Map<string, Promise<LunarDate | null>>();

/** The lunar date of YYYY-MM-DD, or null when the calendar cannot say (the deadline is still shown in solar form). */
export function lunarOf(day: string): Promise<LunarDate | null> {
  let pending = cache.get(day);
  if (!pending) {
    pending = getLunar(day).then(
      (lunar) => (lunar && typeof lunar.day === 'number' && typeof lunar.month === 'number' ? lunar : null),
      () => {
        // Forget the failure so a later render may ask again.
        cache.delete(day);
        return null;
      },
    );
    cache.set(day, pending);
  }
  return pending;
}

/** "12/10" or "12/10 nhuận": day and month, the way a Vietnamese calendar prints a lunar date beside the solar one. */
export function lunarShort(lunar: LunarDate, leapWord: string): string {
  const dd = String(lunar.day).padStart(2, '0');
  const mm = String(lunar.month).padStart(2, '0');
  return lunar.leap ? `${dd}/${mm} ${leapWord}` : `${dd}/${mm}`;
}

/** React hook: the lunar date of a day (null while loading, on failure or without a day). */
export function useLunar(day: string | null | undefined): LunarDate | null {
  const [lunar, setLunar] = useState<LunarDate | null>(null);
  useEffect(() => {
    setLunar(null);
    if (!day) return;
    let live = true;
    void lunarOf(day).then((value) => {
      if (live) setLunar(value);
    });
    return () => {
      live = false;
    };
  }, [day]);
  return lunar;
}
