// Report v1 ("tổng kết"): the roll-up of conferences, supervision, critique and cases for any unit and period, from
// commune to centre, in the unit tree in force during the period; the API, and the contract the pages and documents share.
import type { ModuleManifest } from '../../platform/http.ts';
import './reports.policy.ts';
import { reportRoutes } from './reports.routes.ts';
import { reportExportRoutes } from './reports.exports.routes.ts';

export { REPORT_READ } from './reports.policy.ts';
export { buildReport, listRecords, emptyFigures, type ReportInput, type RecordsInput } from './reports.service.ts';
export { parsePeriod, previousPeriod } from './reports.period.ts';
export type * from './reports.types.ts';

export const reportsModule: ModuleManifest = {
  name: 'reports',
  routes: (ctx) => async (app) => {
    await app.register(reportRoutes(ctx));
    await app.register(reportExportRoutes(ctx));
  },
};
