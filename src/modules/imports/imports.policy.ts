// Who may import past years' records: the mass-mobilisation (dân vận) and Fatherland Front officials who keep them, and
// administrators, each within their unit's subtree. The history of imports is also open to leaders and auditors.
import { definePolicy } from '../../platform/access.ts';

export const IMPORT_RUN = 'import.run';
export const IMPORT_READ = 'import.read';

definePolicy({
  [IMPORT_RUN]: ['danvan', 'mttq', 'admin'],
  [IMPORT_READ]: ['danvan', 'mttq', 'admin', 'leader', 'auditor'],
});
