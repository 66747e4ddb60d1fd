// Who may read the roll-up report of a unit: its leaders, the mass-mobilisation and Front officials, auditors and
// administrators, for units within their scope (the 2025 tree, and the old units that became part of it).
import { definePolicy } from '../../platform/access.ts';

export const REPORT_READ = 'report.read';

definePolicy({ [REPORT_READ]: ['leader', 'danvan', 'mttq', 'auditor', 'admin'] });
