// Supervision and social critique (giám sát, phản biện xã hội) by the Fatherland Front and the organisations under it:
// yearly programmes, supervisions whose recommendations become cases addressed to the supervised body, and the
// critique of drafts with the drafting body's response to each opinion.
import type { ModuleManifest } from '../../platform/http.ts';
import './supervision.policy.ts';
import './supervision.cases.ts';
import { supervisionRoutes } from './supervision.routes.ts';
import { seedSupervisionDemo } from './supervision.demo.ts';

export { SUPERVISION_MANAGE, SUPERVISION_READ, CRITIQUE_RESPOND } from './supervision.policy.ts';
export {
  SUPERVISING_KINDS, SUPERVISION_FORMS, SUPERVISION_FORM_NAMES, CRITIQUE_FORMS, CRITIQUE_FORM_NAMES, RESPONSES, RESPONSE_NAMES,
} from './supervision.rules.ts';
export { supervisionFigures, listVisitsIn, listCritiqueSessionsIn, type SupervisionReportFigures, type SupervisionChildCounts } from './supervision.figures.ts';
export { IMPORT_FORMS, writeImportedVisits, importedSupervisionChanged, deleteImportedSupervision, type ImportedVisit } from './supervision.import.ts';

export const supervisionModule: ModuleManifest = {
  name: 'supervision',
  routes: supervisionRoutes,
  onBoot: seedSupervisionDemo,
};
