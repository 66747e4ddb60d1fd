// The organisations module: bodies inside a unit (party committee, People's Committee, Front, mass organisations...).
import type { ModuleManifest } from '../../platform/http.ts';
import './organisations.policy.ts';
import { organisationRoutes } from './organisations.routes.ts';

export { organisationsByIds, organisationsCovering, organisationsWithin, organisationUnits, ensureOrganisation, KINDS, type Kind } from './organisations.service.ts';
export type { OrganisationRow } from './organisations.tables.ts';

export const organisationsModule: ModuleManifest = { name: 'organisations', routes: organisationRoutes };
