// Who may do what with the working-day calendar: every official reads the adjustments; only a central administrator (scope 'VN') changes them, the calendar being national.
import { definePolicy, ROLES } from '../../platform/access.ts';

export const CALENDAR_READ = 'calendar.read';
export const CALENDAR_MANAGE = 'calendar.manage';

/** The calendar is national: permissions are checked at the root unit. */
export const NATIONAL = { unitPath: 'VN', unitCode: 'VN' } as const;

definePolicy({
  [CALENDAR_READ]: ROLES,
  [CALENDAR_MANAGE]: ['admin'],
});
