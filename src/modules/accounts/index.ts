// The accounts module: officials' accounts, memberships with roles, sessions.
import type { ModuleManifest } from '../../platform/http.ts';
import './accounts.policy.ts';
import { accountRoutes } from './accounts.routes.ts';

export { actorFromToken, officialsHolding, organisationEmails, SESSION_COOKIE, type Holder } from './accounts.auth.ts';
export { createSystemAccount } from './accounts.bootstrap.ts';
export { createFirstAdmin } from './accounts.bootstrap.ts';

export const accountsModule: ModuleManifest = { name: 'accounts', routes: accountRoutes };
