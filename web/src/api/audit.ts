// The audit log: filtered pages with a `before` cursor, and the same filters as a CSV download.
import { download, get, queryString } from './client.ts';
import type { AuditEntry } from './types.ts';

export interface AuditFilters {
  from?: string;
  to?: string;
  action?: string;
}

export interface AuditPage {
  items: AuditEntry[];
  nextBefore: string | null;
}

export const listAudit = (filters: AuditFilters, before?: string, limit = 50) =>
  get<AuditPage>(`/api/audit${queryString({ ...filters, limit, before })}`);

export const exportAuditCsv = (filters: AuditFilters) =>
  download(`/api/audit.csv${queryString({ ...filters })}`, 'nhat-ky.csv');
