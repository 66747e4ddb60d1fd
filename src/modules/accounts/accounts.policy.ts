// Who may do what with officials' accounts: administrators manage them in their subtree; leaders and auditors read.
import { definePolicy } from '../../platform/access.ts';

export const ACCOUNT_READ = 'account.read';
export const ACCOUNT_MANAGE = 'account.manage';

definePolicy({
  [ACCOUNT_READ]: ['admin', 'leader', 'auditor'],
  [ACCOUNT_MANAGE]: ['admin'],
});
