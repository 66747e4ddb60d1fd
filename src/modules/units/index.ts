// The units module: the administrative hierarchy with validity dates, and its public API.
import type { ModuleManifest } from '../../platform/http.ts';
import { unitRoutes } from './units.routes.ts';

export { importUnits, ROOT_CODE } from './units.import.ts';
export { getUnit, unitInForce, unitNames, searchUnits, unitVersions } from './units.service.ts';
export { successorProvince, successorPath, predecessorProvinces } from './units.succession.ts';
export { LIST_2024 } from './units.import.ts';
export type { UnitRow } from './units.tables.ts';
export {
  reportScope, scopeCovers, centreOverWholeMonths, inSegments, recordWhere, scopeKeys, placeGroup, levelCondition, unitNamesAt, recordLevel, levelOf, eraOf,
  REFORM_DAY, LAST_OLD_DAY, UNITS_LABEL,
  type ReportScope, type ScopeSegment, type ScopeLevelRow, type ScopeChild, type ScopeGroup, type ScopeLevel, type Era, type ScopeOutcome, type RecordQuery,
} from './units.scope.ts';

export const unitsModule: ModuleManifest = { name: 'units', routes: unitRoutes };
