// Who may change a unit's local settings (the unit list itself comes from the official data, not from users).
import { definePolicy } from '../../platform/access.ts';

export const UNIT_MANAGE = 'unit.manage';

definePolicy({ [UNIT_MANAGE]: ['admin'] });
