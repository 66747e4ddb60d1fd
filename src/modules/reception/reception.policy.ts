// Who may do what in citizen reception. Schedules are set up by the unit's reception officers, leaders and
// administrators; bookings and the register (which hold residents' personal data) are read by reception officers,
// leaders and auditors, and written by reception officers and leaders. Turning a visit into a case also needs case.create.
import { definePolicy } from '../../platform/access.ts';

export const RECEPTION_MANAGE = 'reception.manage';
export const RECEPTION_READ = 'reception.read';
export const RECEPTION_RECORD = 'reception.record';

definePolicy({
  [RECEPTION_MANAGE]: ['reception', 'leader', 'admin'],
  [RECEPTION_READ]: ['reception', 'leader', 'auditor'],
  [RECEPTION_RECORD]: ['reception', 'leader'],
});
