// Import of past years' records: the templates, checking or importing a file (the report of rejected rows comes back
// with a refused import too), the history and undo.
import { ApiError, download, get, post, queryString } from './client.ts';
import type { FieldError } from './client.ts';
import { currentLang } from '../i18n/translate.ts';

export const templates = [
  { name: 'mau-nhap-du-lieu.xlsx', kind: 'xlsx' },
  { name: 'hoi-nghi.csv', kind: 'conferences' },
  { name: 'kien-nghi.csv', kind: 'recommendations' },
  { name: 'giam-sat.csv', kind: 'visits' },
] as const;
export type TemplateName = (typeof templates)[number]['name'];

export interface ImportCounts { conferences: number; recommendations: number; visits: number; supervisionRecommendations: number }

export interface ImportIssue {
  sheet: string;
  row: number;
  column: string | null;
  code: string;
  message: string;
  value: string | null;
}

export interface ImportReport {
  dryRun: boolean;
  ok: boolean;
  unit: { code: string; name: string };
  file: { name: string; kind: 'xlsx' | 'csv'; size: number; checksum: string };
  sheets: { key: 'conferences' | 'recommendations' | 'visits'; sheet: string; rows: number; rejected: number }[];
  counts: ImportCounts;
  issues: ImportIssue[];
  issueCount: number;
  batchId: string | null;
}

export interface ImportBatch {
  id: string;
  unit: { code: string; name: string };
  kind: 'xlsx' | 'csv';
  filename: string;
  checksum: string;
  size: number;
  counts: ImportCounts;
  importedBy: string;
  importedAt: string;
  undoneAt: string | null;
  undoneBy: string | null;
  abilities: { undo: boolean };
}

export interface ImportList { items: ImportBatch[]; total: number; limit: number; offset: number }

export const downloadTemplate = (name: TemplateName) =>
  download(`/api/imports/templates/${name}`, name, name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/problem+json' : 'text/csv, application/problem+json');

/**
 * Checks (dryRun) or imports a file into a unit. A file with rejected rows is refused (422) with its report, which is
 * returned like a check's; any other refusal (wrong type, same file again, outside the scope) is thrown.
 */
export async function sendFile(unit: string, file: File, dryRun: boolean): Promise<ImportReport> {
  const form = new FormData();
  // The fields go before the file: the server reads the parts in order.
  form.append('unit', unit);
  form.append('dryRun', String(dryRun));
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch('/api/imports', {
      method: 'POST', body: form, credentials: 'same-origin',
      headers: { Accept: 'application/json, application/problem+json', 'Accept-Language': currentLang() },
    });
  } catch {
    throw new ApiError(0, 'network_error', '');
  }
  let body: { code?: string; detail?: string; errors?: FieldError[]; report?: ImportReport } & Partial<ImportReport> = {};
  try {
    body = await response.json();
  } catch {
    // Not JSON: keep the status alone.
  }
  if (response.ok) return body as ImportReport;
  if (response.status === 422 && body.report) return body.report;
  throw new ApiError(response.status, body.code ?? `http_${response.status}`, body.detail ?? '', body.errors ?? []);
}

export const listImports = (unit: string | undefined, signal?: AbortSignal) => get<ImportList>(`/api/imports${queryString({ unit, limit: 50 })}`, signal);

export const undoImport = (id: string) => post<ImportBatch>(`/api/imports/${id}/undo`);
