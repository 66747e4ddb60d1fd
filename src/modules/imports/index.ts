// Bringing in past years: conferences, their recommendations and supervision visits from the units' own spreadsheets,
// through templates, a row-by-row check with a report of rejected rows, and an all-or-nothing import.
import type { ModuleManifest } from '../../platform/http.ts';
import './imports.policy.ts';
import { importRoutes } from './imports.routes.ts';

export { IMPORT_READ, IMPORT_RUN } from './imports.policy.ts';

export const importsModule: ModuleManifest = { name: 'imports', routes: importRoutes };
