// Who may do what with organisations: every official reads those in scope; administrators manage them.
import { definePolicy, ROLES } from '../../platform/access.ts';

export const ORGANISATION_READ = 'organisation.read';
export const ORGANISATION_MANAGE = 'organisation.manage';

definePolicy({
  [ORGANISATION_READ]: ROLES,
  [ORGANISATION_MANAGE]: ['admin'],
});
