// Request and response schemas of the report API (the shape of reports.types.ts, for validation and the OpenAPI document).
import { z } from 'zod';
import type { PeriodQuery } from './reports.types.ts';

const level = z.enum(['central', 'province', 'district', 'commune']);
const era = z.enum(['truoc_2025', 'tu_2025']).meta({ description: 'truoc_2025: cây ba cấp trước ngày 01/07/2025; tu_2025: cây hai cấp từ ngày đó.' });
const number = z.string().trim().max(10).optional();

/** unit and period, as every report address takes them; numbers are checked by the service, with the report's own errors. */
export const reportQuery = z.object({
  unit: z.string().trim().min(1).max(16).transform((s) => s.toUpperCase()).meta({ description: 'Mã đơn vị: VN (Trung ương), tỉnh (2 chữ số), huyện cũ (3), xã (5).' }),
  period: z.enum(['month', 'quarter', 'half', 'year', 'custom']).meta({ description: 'Tháng, quý, 6 tháng, năm hoặc khoảng tùy chọn (from, to).' }),
  year: number, month: number, quarter: number, half: number.meta({ description: '1: 6 tháng đầu năm; 2: 6 tháng cuối năm.' }),
  from: z.string().trim().max(10).optional(), to: z.string().trim().max(10).optional(),
});
export type ReportQuery = z.infer<typeof reportQuery>;

const int = (s: string | undefined) => (s === undefined || s === '' ? undefined : /^\d+$/.test(s) ? Number(s) : Number.NaN);

/** The period part of a report query, as the service reads it. */
export function periodOf(q: ReportQuery): PeriodQuery {
  return { kind: q.period, year: int(q.year), month: int(q.month), quarter: int(q.quarter), half: int(q.half), from: q.from, to: q.to };
}

export const recordsQuery = reportQuery.extend({
  kind: z.enum(['conferences', 'recommendations', 'supervision', 'critique', 'cases']),
  level: level.optional(),
  era: era.optional(),
  child: z.string().trim().min(1).max(16).optional().meta({ description: 'Mã một đơn vị trực thuộc trong bảng chi tiết của báo cáo.' }),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

const period = z.object({ from: z.string(), to: z.string(), kind: z.enum(['month', 'quarter', 'half', 'year', 'custom']), label: z.string() });
const levelRow = { level, era, unitsLabel: z.string(), unitsTotal: z.number() };
const conferenceLevel = z.object({ ...levelRow, unitsHeld: z.number(), held: z.number(), periodic: z.number(), adHoc: z.number(), notHeld: z.number(), sentence: z.string() });
const supervisionLevel = z.object({ ...levelRow, visits: z.number(), unitsSupervising: z.number(), critiqueSessions: z.number() });
const counts = z.record(z.string(), z.number());

const figures = z.object({
  conferences: z.object({
    held: z.number(), periodic: z.number(), adHoc: z.number(), notHeld: z.number(), attendance: z.number(),
    byLevel: z.array(conferenceLevel),
    recommendations: z.object({ raised: z.number(), answeredOnSpot: z.number(), resolved: z.number(), inProgress: z.number(), overdue: z.number() }),
  }),
  supervision: z.object({
    visits: z.number(),
    byForm: z.object({ nghien_cuu_van_ban: z.number(), doan_giam_sat: z.number(), ban_ttnd: z.number(), ban_gsdtccd: z.number(), lay_y_kien: z.number() }),
    recommendations: z.object({ raised: z.number(), answered: z.number(), resolved: z.number() }),
    critique: z.object({
      drafts: z.number(), sessions: z.number(), byForm: z.object({ hoi_nghi: z.number(), van_ban: z.number(), doi_thoai: z.number() }),
      opinions: z.number(), responded: z.number(), accepted: z.number(),
    }),
    byLevel: z.array(supervisionLevel),
  }),
  cases: z.object({
    received: z.number(), byChannel: counts, byKind: counts, accepted: z.number(), resolved: z.number(), resolvedOnTime: z.number(),
    overdue: z.number(), mass: z.number(), overLevel: z.number(), resolutionRate: z.number().nullable(),
  }),
  topFields: z.array(z.object({ code: z.string(), name: z.string(), count: z.number() })),
});

const child = z.object({
  code: z.string(), name: z.string(), level, era,
  conferencesHeld: z.number(), periodic: z.number(), adHoc: z.number(), recommendationsRaised: z.number(), recommendationsResolved: z.number(),
  supervisionVisits: z.number(), critiqueSessions: z.number(), casesReceived: z.number(), casesResolved: z.number(), casesOverdue: z.number(),
});

export const report = z.object({
  unit: z.object({ code: z.string(), name: z.string(), level, path: z.string() }),
  period, previous: period,
  empty: z.boolean().meta({ description: 'Không có gì được ghi nhận trong kỳ: báo cáo rỗng, không phải lỗi.' }),
  current: figures, prior: figures,
  children: z.array(child),
  highlights: z.array(z.string()),
  generatedAt: z.string(),
  priorChildren: z.array(child).optional(),
  coverage: z.object({ from: z.string(), to: z.string() }).optional().meta({ description: 'Khi đơn vị chỉ có hiệu lực một phần kỳ: những ngày số liệu bao quát.' }),
}).meta({ id: 'Report' });

export const recordsPage = z.object({
  items: z.array(z.object({
    id: z.string(), kind: z.enum(['conferences', 'recommendations', 'supervision', 'critique', 'cases']), date: z.string(),
    unit: z.object({ code: z.string(), name: z.string() }), title: z.string(), detail: z.string(), status: z.string(), link: z.string().nullable(),
  })),
  total: z.number(), page: z.number(), pageSize: z.number(),
});
