// Citizen reception (tiếp công dân): leaders' reception schedules at the legal frequency, residents' bookings, and the
// reception register whose visits turn into cases.
import type { ModuleManifest } from '../../platform/http.ts';
import './reception.policy.ts';
import { receptionRoutes } from './reception.routes.ts';
import { seedReceptionDemo } from './reception.demo.ts';

export { RECEPTION_MANAGE, RECEPTION_READ, RECEPTION_RECORD } from './reception.policy.ts';

export const receptionModule: ModuleManifest = {
  name: 'reception',
  routes: receptionRoutes,
  onBoot: seedReceptionDemo,
};
