// The calendar module: working days, Vietnamese holidays and the lunar calendar; the calendar every deadline is counted with.
import type { ModuleManifest } from '../../platform/http.ts';
import './calendar.policy.ts';
import { calendarRoutes } from './calendar.routes.ts';

export { calendarOf, refreshCalendar } from './calendar.service.ts';
export type { WorkCalendar, DayUnit, LunarDay } from '../../platform/calendar.ts';

export const calendarModule: ModuleManifest = { name: 'calendar', routes: calendarRoutes };
