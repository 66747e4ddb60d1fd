// The supervision module's part of report v1: supervision visits and their recommendations, social critique drafts,
// sessions and opinions over a report scope, by level and by child unit, in one pass per table; and the records behind
// a figure for the drill-down.
//
// Definitions (E = the period's last day, or today while the period runs):
// - visits: supervisions carried out (status done) that started in the period, by form and level; unitsSupervising of a
//   level row: its units with at least one (distinct codes; old provinces count as their successor where merged);
// - recommendations raised in the period (the visit's start): answered (the supervised body answered on or before E),
//   resolved (resolved on or before E);
// - critique: drafts received in the period; sessions held in the period, by form and level; the opinions given at those
//   sessions, those responded to on or before E, and of them the ones accepted in full or in part (tiếp thu, tiếp thu một phần).
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/http.ts';
import { aggregateRows, readAll } from '../../platform/parallel.ts';
import {
  inSegments, placeGroup, recordWhere, scopeKeys, unitNamesAt, type RecordQuery, type ReportScope, type ScopeGroup,
} from '../units/index.ts';
import type { RecordItem, SupervisionFigures, SupervisionLevel } from '../reports/index.ts';

export interface SupervisionChildCounts { supervisionVisits: number; critiqueSessions: number }

export interface SupervisionReportFigures {
  supervision: SupervisionFigures;
  children: Map<string, SupervisionChildCounts>;
  /** Supervision recommendations raised in the period, by field code. */
  fields: Map<string, number>;
}

const n = (v: unknown) => Number(v ?? 0);
const VISIT_FORMS = ['nghien_cuu_van_ban', 'doan_giam_sat', 'ban_ttnd', 'ban_gsdtccd', 'lay_y_kien'] as const;
const SESSION_FORMS = ['hoi_nghi', 'van_ban', 'doi_thoai'] as const;

type VisitGroup = ScopeGroup & { visits: number; units: number } & Record<(typeof VISIT_FORMS)[number], number>;
type RecGroup = { field_code: string; raised: number; answered: number; resolved: number };
type SessionGroup = ScopeGroup & { sessions: number; opinions: number; responded: number; accepted: number } & Record<(typeof SESSION_FORMS)[number], number>;

/** Four queries, each one pass over its table (sessions with their opinions). */
export async function supervisionFigures(ctx: AppContext, scope: ReportScope, period: { asOf: string }): Promise<SupervisionReportFigures> {
  const E = period.asOf;
  const v = scopeKeys(scope, sql`started_on`, sql`unit_path`);
  const s = scopeKeys(scope, sql`s.held_on`, sql`s.unit_path`);
  const [visits, recs, drafts, sessions] = await readAll(ctx, [
    () => aggregateRows<VisitGroup>(ctx, sql`
      select era_new, depth, child, province, sum(visits)::int as visits, count(*)::int as units,
        ${sql.join(VISIT_FORMS.map((f) => sql`sum(${sql.identifier(f)})::int as ${sql.identifier(f)}`), sql`, `)}
      from (
        select ${v.era} as era_new, ${v.depth} as depth, ${v.child} as child, ${v.province} as province, unit_code, count(*) as visits,
          ${sql.join(VISIT_FORMS.map((f) => sql`count(*) filter (where form = ${f}) as ${sql.identifier(f)}`), sql`, `)}
        from supervision_visit
        where ${inSegments(scope.segments, sql`started_on`, sql`unit_path`)} and status = 'done'
        group by 1, 2, 3, 4, 5
      ) u
      group by 1, 2, 3, 4`),
    () => aggregateRows<RecGroup>(ctx, sql`
      select field_code, count(*)::int as raised,
        count(*) filter (where status in ('answered', 'resolved') and coalesce(answered_on, resolved_on) <= ${E}::date)::int as answered,
        count(*) filter (where status = 'resolved' and resolved_on <= ${E}::date)::int as resolved
      from supervision_recommendation
      where ${inSegments(scope.segments, sql`raised_on`, sql`unit_path`)}
      group by 1`),
    () => aggregateRows<{ drafts: number }>(ctx, sql`
      select count(*)::int as drafts from critique_draft where ${inSegments(scope.segments, sql`received_on`, sql`unit_path`)}`),
    () => aggregateRows<SessionGroup>(ctx, sql`
      select ${s.era} as era_new, ${s.depth} as depth, ${s.child} as child, ${s.province} as province,
        count(*)::int as sessions,
        ${sql.join(SESSION_FORMS.map((f) => sql`count(*) filter (where s.form = ${f})::int as ${sql.identifier(f)}`), sql`, `)},
        coalesce(sum(o.opinions), 0)::int as opinions, coalesce(sum(o.responded), 0)::int as responded, coalesce(sum(o.accepted), 0)::int as accepted
      from critique_session s
      left join lateral (
        select count(*) as opinions,
          count(*) filter (where responded_on <= ${E}::date) as responded,
          count(*) filter (where responded_on <= ${E}::date and response in ('tiep_thu', 'tiep_thu_mot_phan')) as accepted
        from critique_opinion where session_id = s.id
      ) o on true
      where ${inSegments(scope.segments, sql`s.held_on`, sql`s.unit_path`)}
      group by 1, 2, 3, 4`),
  ] as const);
  return foldSupervision(scope, visits, recs, n(drafts[0]?.drafts), sessions);
}

function foldSupervision(scope: ReportScope, visits: VisitGroup[], recs: RecGroup[], drafts: number, sessions: SessionGroup[]): SupervisionReportFigures {
  const levels = scope.levels.map(() => ({ visits: 0, units: 0, provinces: new Set<string>(), sessions: 0 }));
  const children = new Map<string, SupervisionChildCounts>(scope.children.map((c) => [c.key, { supervisionVisits: 0, critiqueSessions: 0 }]));
  const byForm = Object.fromEntries(VISIT_FORMS.map((f) => [f, 0])) as SupervisionFigures['byForm'];
  let total = 0;
  for (const g of visits) {
    const p = placeGroup(scope, g);
    total += n(g.visits);
    for (const f of VISIT_FORMS) byForm[f] += n(g[f]);
    if (p.level >= 0) {
      const l = levels[p.level];
      l.visits += n(g.visits);
      const level = scope.levels[p.level].level;
      if (level === 'province') { if (p.province) l.provinces.add(p.province); }
      else if (level === 'central') l.units = 1;
      else l.units += n(g.units);
    }
    const c = p.child ? children.get(p.child) : undefined;
    if (c) c.supervisionVisits += n(g.visits);
  }
  const recommendations = { raised: 0, answered: 0, resolved: 0 };
  const fields = new Map<string, number>();
  for (const g of recs) {
    recommendations.raised += n(g.raised); recommendations.answered += n(g.answered); recommendations.resolved += n(g.resolved);
    fields.set(g.field_code, (fields.get(g.field_code) ?? 0) + n(g.raised));
  }
  const critique = { drafts, sessions: 0, byForm: Object.fromEntries(SESSION_FORMS.map((f) => [f, 0])) as SupervisionFigures['critique']['byForm'], opinions: 0, responded: 0, accepted: 0 };
  for (const g of sessions) {
    const p = placeGroup(scope, g);
    critique.sessions += n(g.sessions);
    for (const f of SESSION_FORMS) critique.byForm[f] += n(g[f]);
    critique.opinions += n(g.opinions); critique.responded += n(g.responded); critique.accepted += n(g.accepted);
    if (p.level >= 0) levels[p.level].sessions += n(g.sessions);
    const c = p.child ? children.get(p.child) : undefined;
    if (c) c.critiqueSessions += n(g.sessions);
  }
  const byLevel: SupervisionLevel[] = scope.levels.map((row, i) => ({
    level: row.level, era: row.era, unitsLabel: row.unitsLabel, unitsTotal: row.unitsTotal,
    visits: levels[i].visits, unitsSupervising: row.level === 'province' ? levels[i].provinces.size : levels[i].units, critiqueSessions: levels[i].sessions,
  }));
  return { supervision: { visits: total, byForm, recommendations, critique, byLevel }, children, fields };
}

// ——— Drill-down ———

const FORM_NAMES: Record<string, string> = {
  nghien_cuu_van_ban: 'Nghiên cứu văn bản', doan_giam_sat: 'Đoàn giám sát', ban_ttnd: 'Ban Thanh tra nhân dân',
  ban_gsdtccd: 'Ban Giám sát đầu tư của cộng đồng', lay_y_kien: 'Lấy ý kiến',
};
const SESSION_NAMES: Record<string, string> = { hoi_nghi: 'Hội nghị phản biện', van_ban: 'Góp ý bằng văn bản', doi_thoai: 'Đối thoại' };

/** The supervisions carried out behind a figure, newest first. */
export async function listVisitsIn(ctx: AppContext, q: RecordQuery): Promise<{ items: RecordItem[]; total: number }> {
  const cond = sql`${recordWhere(q, sql`started_on`, sql`unit_path`)} and status = 'done'`;
  const [{ total }] = await ctx.database.rows<{ total: number }>(sql`select count(*)::int as total from supervision_visit where ${cond}`);
  const rows = await ctx.database.rows<{ id: string; unit_code: string; started_on: string; topic: string; form: string; subject_name: string; supervisor_name: string }>(sql`
    select id, unit_code, started_on, topic, form, subject_name, supervisor_name from supervision_visit where ${cond}
    order by started_on desc, id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
  const names = await unitNamesAt(ctx, rows.map((r) => ({ code: r.unit_code, day: r.started_on })));
  return {
    total,
    items: rows.map((r) => ({
      id: r.id, kind: 'supervision', date: r.started_on, unit: { code: r.unit_code, name: names.get(`${r.unit_code}@${r.started_on}`) ?? r.unit_code },
      title: r.topic, detail: `${FORM_NAMES[r.form] ?? r.form}: ${r.supervisor_name} giám sát ${r.subject_name}`, status: 'Đã giám sát',
      link: `/supervision?unit=${encodeURIComponent(r.unit_code)}&visit=${r.id}`,
    })),
  };
}

/** The critique sessions behind a figure, newest first, with their draft. */
export async function listCritiqueSessionsIn(ctx: AppContext, q: RecordQuery): Promise<{ items: RecordItem[]; total: number }> {
  const cond = recordWhere(q, sql`s.held_on`, sql`s.unit_path`);
  const [{ total }] = await ctx.database.rows<{ total: number }>(sql`select count(*)::int as total from critique_session s where ${cond}`);
  const rows = await ctx.database.rows<{ id: string; draft_id: string; unit_code: string; held_on: string; title: string; form: string; drafting: string; opinions: number; responded: number }>(sql`
    select s.id, s.draft_id, d.unit_code, s.held_on, d.title, s.form, d.drafting_body_name as drafting,
      (select count(*)::int from critique_opinion o where o.session_id = s.id) as opinions,
      (select count(*)::int from critique_opinion o where o.session_id = s.id and o.response is not null) as responded
    from critique_session s join critique_draft d on d.id = s.draft_id where ${cond}
    order by s.held_on desc, s.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
  const names = await unitNamesAt(ctx, rows.map((r) => ({ code: r.unit_code, day: r.held_on })));
  return {
    total,
    items: rows.map((r) => ({
      id: r.id, kind: 'critique', date: r.held_on, unit: { code: r.unit_code, name: names.get(`${r.unit_code}@${r.held_on}`) ?? r.unit_code },
      title: r.title, detail: `${SESSION_NAMES[r.form] ?? r.form}; cơ quan soạn thảo: ${r.drafting}`,
      status: `${n(r.responded)}/${n(r.opinions)} ý kiến đã được tiếp thu, giải trình`,
      link: `/supervision?unit=${encodeURIComponent(r.unit_code)}&draft=${r.draft_id}`,
    })),
  };
}
