// Who may do what with cases. Reading covers the responsible and the receiving unit's subtree; acting needs the responsible unit.
// Administrators manage accounts and keys, not case contents; the Front and Ban Dân vận see cases through reports (later issue).
import { definePolicy } from '../../platform/access.ts';
import { CASE_ASSIGN, CASE_CREATE, CASE_DECIDE, CASE_PROCESS, CASE_READ, CASE_UNSEAL } from './cases.workflow.ts';

export const CASE_FIELDS_MANAGE = 'case.fields.manage';
export const CASE_KEYS_MANAGE = 'case.keys.manage';
export { CASE_ASSIGN, CASE_CREATE, CASE_DECIDE, CASE_PROCESS, CASE_READ, CASE_UNSEAL };

definePolicy({
  [CASE_READ]: ['leader', 'handler', 'reception', 'auditor'],
  [CASE_CREATE]: ['handler', 'reception'],
  [CASE_PROCESS]: ['handler'],
  [CASE_ASSIGN]: ['leader', 'handler'],
  [CASE_DECIDE]: ['leader'],
  // Further narrowed in the service: the handler's organisation must sit in the responsible unit itself.
  [CASE_UNSEAL]: ['handler'],
  [CASE_FIELDS_MANAGE]: ['admin'],
  [CASE_KEYS_MANAGE]: ['admin'],
});
