// Who may do what in supervision and social critique. The Front and the organisations under it plan and record their
// supervisions and critiques (administrators may help); the Front, Ban Dân vận, leaders and auditors read them. The
// drafting body's leaders, handlers and administrators record its response to each critique opinion (the Front may too).
import { definePolicy } from '../../platform/access.ts';

export const SUPERVISION_MANAGE = 'supervision.manage';
export const SUPERVISION_READ = 'supervision.read';
export const CRITIQUE_RESPOND = 'critique.respond';

definePolicy({
  [SUPERVISION_MANAGE]: ['mttq', 'admin'],
  [SUPERVISION_READ]: ['mttq', 'danvan', 'leader', 'auditor'],
  [CRITIQUE_RESPOND]: ['leader', 'handler', 'admin'],
});
