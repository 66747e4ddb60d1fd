// The case core: every concern a resident raises, handled through the law's workflows and deadlines.
import type { ModuleManifest } from '../../platform/http.ts';
import { organisationUnits } from '../organisations/index.ts';
import './cases.policy.ts';
import { caseRoutes } from './cases.routes.ts';
import { caseJobs } from './cases.jobs.ts';
import { ensureKeys } from './cases.admin.ts';
import { foldRollup } from './cases.rollup.ts';

export { createCase, addEvent, getCase, receivePublicCase, onCaseEvent, type PublicIntake, type CaseEventListener } from './cases.service.ts';
// Cases raised by a dialogue conference or a supervision visit, and the link back to what raised them.
export { createCaseFrom, type OriginIntake } from './cases.service.ts';
export { registerOriginResolver, ORIGIN_TYPES, type CaseOrigin, type OriginType, type OriginView, type OriginResolver } from './cases.origin.ts';
export {
  publicCase, publicAnswers, listFields, lunarText, attachmentCount, caseNumbers, publicRequestCases, PUBLIC_STATES, CLOSED_FOR_PUBLIC, type PublicCaseView,
} from './cases.public.ts';
export { inspect as inspectAttachment, attachPublicFiles } from './cases.attachments.ts';
export { petitionerInput } from './cases.schemas.ts';
export { KINDS, CHANNELS, STATES } from './cases.workflow.ts';
export type { CaseRow, PetitionerData } from './cases.tables.ts';
export { KIND_NAMES } from './cases.workflow.ts';
export { caseFigures, listCasesIn, type CaseReportFigures, type CaseChildCounts } from './cases.figures.ts';
export { foldRollup } from './cases.rollup.ts';
export { CASE_READ, CHANNEL_NAMES } from './cases.workflow.ts';

export const casesModule: ModuleManifest = {
  name: 'cases',
  routes: caseRoutes,
  jobs: caseJobs,
  // The report's roll-up gains a delta row per case written; folding them every ten minutes keeps it small.
  workers: (ctx) => [{ name: 'cases.rollup', everyMs: 10 * 60_000, run: () => foldRollup(ctx) }],
  // The embedded install makes every unit's sealing key at start; on a server an administrator creates them.
  onBoot: async (ctx) => { if (ctx.database.kind === 'embedded') await ensureKeys(ctx, await organisationUnits(ctx)); },
};
