// Who may do what with dialogue conferences. Ban Dân vận, leaders and administrators plan and record them; the
// Front, auditors and case handlers read them (handlers follow the recommendations that became their cases).
import { definePolicy } from '../../platform/access.ts';

export const DIALOGUE_MANAGE = 'dialogue.manage';
export const DIALOGUE_READ = 'dialogue.read';

definePolicy({
  [DIALOGUE_MANAGE]: ['danvan', 'leader', 'admin'],
  [DIALOGUE_READ]: ['danvan', 'leader', 'admin', 'mttq', 'auditor', 'handler'],
});
