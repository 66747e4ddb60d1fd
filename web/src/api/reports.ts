// Report v1 ("tổng kết"): the figures of a unit and period, the records behind a figure, and the .docx and .xlsx files.
// The shapes are the server's contract, shared as types only.
import { download, get, queryString } from './client.ts';
import type { PeriodQuery, RecordKind, RecordsPage, Report } from '../../../src/modules/reports/reports.types.ts';

export type {
  ChildRow, ConferenceLevel, Era, Level, Period, PeriodQuery, RecordItem, RecordKind, RecordsPage, Report, ReportFigures, SupervisionLevel,
} from '../../../src/modules/reports/reports.types.ts';

export const periodKinds = ['month', 'quarter', 'half', 'year', 'custom'] as const;
export type PeriodKind = (typeof periodKinds)[number];

/** A unit and a period, as the address and the API carry them. */
export interface ReportQuery extends PeriodQuery { unit: string }

/** The API's names: the period's kind travels as `period` (`kind` names the records of a drill-down). */
const params = ({ kind, ...rest }: ReportQuery) => ({ ...rest, period: kind });

export const getReport = (q: ReportQuery, signal?: AbortSignal) => get<Report>(`/api/reports/summary${queryString(params(q))}`, signal);

/** Which records a drill-down asks for: a kind, and optionally a child unit (with its tree) or a level row. */
export interface RecordsQuery { records: RecordKind; child?: string; level?: string; era?: string; page?: number }

export const listReportRecords = (q: ReportQuery, { records, ...r }: RecordsQuery, signal?: AbortSignal) =>
  get<RecordsPage>(`/api/reports/records${queryString({ ...params(q), kind: records, ...r })}`, signal);

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document, application/problem+json';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/problem+json';

export const downloadReportDocx = (q: ReportQuery, issuer: string | undefined) =>
  download(`/api/reports/summary.docx${queryString({ ...params(q), issuer })}`, `bao-cao-${q.unit}.docx`, DOCX);

export const downloadReportXlsx = (q: ReportQuery) => download(`/api/reports/summary.xlsx${queryString(params(q))}`, `bao-cao-${q.unit}.xlsx`, XLSX);
