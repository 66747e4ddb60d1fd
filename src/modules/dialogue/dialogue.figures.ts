// The dialogue module's part of report v1: conferences and their recommendations over a report scope, by level and by
// child unit, in one pass per table; and the records behind a figure for the drill-down.
//
// Definitions (E = the period's last day, or today while the period runs):
// - held / periodic (định kỳ) / adHoc (đột xuất): conferences recorded as held, dated in the period, by type;
// - notHeld: conferences planned for a day in the period and recorded as not held; planned ones not yet recorded are not counted;
// - attendance: the people attending the held ones;
// - unitsHeld of a level row: units of that level that held at least one (distinct codes; at the province level of a
//   period reaching 1 July 2025, an old province counts as its 2025 successor);
// - recommendations raised in the period (the conference's day): answeredOnSpot (answered at the conference),
//   resolved (resolved on or before E), inProgress (neither, at E), overdue (in progress at E and its due day before E).
//   raised = answeredOnSpot + resolved + inProgress.
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/http.ts';
import { aggregateRows, readAll } from '../../platform/parallel.ts';
import { todayVN } from '../../platform/clock.ts';
import { recommendationRollup } from './dialogue.rollup.ts';
import {
  centreOverWholeMonths, inSegments, placeGroup, recordWhere, scopeKeys, unitNamesAt, type RecordQuery, type ReportScope, type ScopeGroup, type ScopeLevel,
} from '../units/index.ts';
import type { ConferenceFigures, ConferenceLevel, RecordItem } from '../reports/index.ts';

export interface DialogueChildCounts { conferencesHeld: number; periodic: number; adHoc: number; recommendationsRaised: number; recommendationsResolved: number }

export interface DialogueFigures {
  conferences: ConferenceFigures;
  children: Map<string, DialogueChildCounts>;
  /** Recommendations raised in the period, by field code (for the most raised fields). */
  fields: Map<string, number>;
}

const n = (v: unknown) => Number(v ?? 0);

/** The sentence of a level row, in the field's phrasing. */
export function conferenceSentence(row: { unitsLabel: string; unitsTotal: number; own: boolean; level: ScopeLevel }, unitName: string, f: { unitsHeld: number; held: number; periodic: number; adHoc: number }): string {
  const count = (x: number) => x.toLocaleString('vi-VN');
  const detail = `${count(f.held)} hội nghị, trong đó ${count(f.periodic)} định kỳ, ${count(f.adHoc)} đột xuất`;
  if (row.own) return f.held ? `${unitName} đã tổ chức ${detail}` : `${unitName} chưa tổ chức hội nghị nào`;
  if (!f.unitsHeld) return `Chưa có ${row.unitsLabel} nào tổ chức hội nghị (0/${count(row.unitsTotal)})`;
  return `${count(f.unitsHeld)}/${count(row.unitsTotal)} ${row.unitsLabel} đã tổ chức ${detail}`;
}

/**
 * Conferences and recommendations of the scope. `period.asOf` is E. Two queries, one pass each: conferences counted per
 * organising unit then per (tree, depth, child, province), so the units that held one are counted without a sort;
 * recommendations per (tree, child, field).
 */
export async function dialogueFigures(ctx: AppContext, scope: ReportScope, period: { asOf: string }, opts: { oneByOne?: boolean } = {}): Promise<DialogueFigures> {
  const E = period.asOf;
  // The centre's report over whole months reads the recommendations' monthly roll-up (dialogue.rollup.ts).
  const rollup = !opts.oneByOne && centreOverWholeMonths(scope, E, todayVN());
  const k = scopeKeys(scope, sql`held_on`, sql`unit_path`);
  const [conf, recs] = await readAll(ctx, [
    () => aggregateRows<ConfGroup>(ctx, sql`
      select era_new, depth, child, province,
        sum(held)::int as held, sum(periodic)::int as periodic, sum(ad_hoc)::int as ad_hoc, sum(not_held)::int as not_held,
        sum(attendance)::int as attendance, count(*) filter (where held > 0)::int as units_held
      from (
        select ${k.era} as era_new, ${k.depth} as depth, ${k.child} as child, ${k.province} as province, unit_code,
          count(*) filter (where status = 'held') as held,
          count(*) filter (where status = 'held' and type = 'dinh_ky') as periodic,
          count(*) filter (where status = 'held' and type = 'dot_xuat') as ad_hoc,
          count(*) filter (where status = 'not_held') as not_held,
          coalesce(sum(attendance) filter (where status = 'held'), 0) as attendance
        from dialogue_conference
        where ${inSegments(scope.segments, sql`held_on`, sql`unit_path`)} and status in ('held', 'not_held')
        group by 1, 2, 3, 4, 5
      ) u
      group by 1, 2, 3, 4`),
    () => (rollup ? recommendationRollup(ctx, scope, E) : countRecommendations(ctx, scope, E)),
  ] as const);
  return foldDialogue(scope, conf, recs.rows, recs.fields);
}

/** The recommendations of the scope counted one by one, per (tree, child, field). */
async function countRecommendations(ctx: AppContext, scope: ReportScope, E: string): Promise<{ rows: RecGroup[]; fields: RecGroup[] }> {
  const r = scopeKeys(scope, sql`raised_on`, sql`unit_path`);
  const rows = await aggregateRows<RecGroup>(ctx, sql`
    select era_new, 0 as depth, child, null::text as province, field_code,
      count(*)::int as raised,
      count(*) filter (where status = 'answered')::int as on_spot,
      count(*) filter (where status = 'resolved' and resolved_on <= ${E}::date)::int as resolved,
      count(*) filter (where status = 'in_progress' or (status = 'resolved' and resolved_on > ${E}::date))::int as in_progress,
      count(*) filter (where (status = 'in_progress' or (status = 'resolved' and resolved_on > ${E}::date)) and due_on < ${E}::date)::int as overdue
    from (
      select ${r.era} as era_new, ${r.child} as child, field_code, status, resolved_on, due_on
      from dialogue_recommendation
      where ${inSegments(scope.segments, sql`raised_on`, sql`unit_path`)}
    ) x
    group by 1, 2, 3, 4, 5`);
  return { rows, fields: rows };
}

type ConfGroup = ScopeGroup & { held: number; periodic: number; ad_hoc: number; not_held: number; attendance: number; units_held: number };
export type RecGroup = ScopeGroup & { field_code: string; raised: number; on_spot: number; resolved: number; in_progress: number; overdue: number };

function foldDialogue(scope: ReportScope, conf: ConfGroup[], recs: RecGroup[], fieldRows: Pick<RecGroup, 'field_code' | 'raised'>[]): DialogueFigures {
  const levels = scope.levels.map(() => ({ unitsHeld: 0, held: 0, periodic: 0, adHoc: 0, notHeld: 0, provinces: new Set<string>() }));
  const children = new Map<string, DialogueChildCounts>(scope.children.map((c) => [c.key, { conferencesHeld: 0, periodic: 0, adHoc: 0, recommendationsRaised: 0, recommendationsResolved: 0 }]));
  const total = { held: 0, periodic: 0, adHoc: 0, notHeld: 0, attendance: 0 };
  for (const g of conf) {
    const p = placeGroup(scope, g);
    total.held += n(g.held); total.periodic += n(g.periodic); total.adHoc += n(g.ad_hoc); total.notHeld += n(g.not_held); total.attendance += n(g.attendance);
    if (p.level >= 0) {
      const l = levels[p.level];
      l.held += n(g.held); l.periodic += n(g.periodic); l.adHoc += n(g.ad_hoc); l.notHeld += n(g.not_held);
      const row = scope.levels[p.level];
      // Province and centre: the unit is the province itself (an old one counted as its successor); below, distinct
      // codes per group add up, since a unit lies under one child only.
      if (row.level === 'province') { if (n(g.held) && p.province) l.provinces.add(p.province); }
      else if (row.level === 'central') l.unitsHeld = Math.max(l.unitsHeld, n(g.held) ? 1 : 0);
      else l.unitsHeld += n(g.units_held);
    }
    const c = p.child ? children.get(p.child) : undefined;
    if (c) { c.conferencesHeld += n(g.held); c.periodic += n(g.periodic); c.adHoc += n(g.ad_hoc); }
  }
  const recommendations = { raised: 0, answeredOnSpot: 0, resolved: 0, inProgress: 0, overdue: 0 };
  const fields = new Map<string, number>();
  for (const g of fieldRows) fields.set(g.field_code, (fields.get(g.field_code) ?? 0) + n(g.raised));
  for (const g of recs) {
    recommendations.raised += n(g.raised); recommendations.answeredOnSpot += n(g.on_spot); recommendations.resolved += n(g.resolved);
    recommendations.inProgress += n(g.in_progress); recommendations.overdue += n(g.overdue);
    const p = placeGroup(scope, g);
    const c = p.child ? children.get(p.child) : undefined;
    if (c) { c.recommendationsRaised += n(g.raised); c.recommendationsResolved += n(g.resolved); }
  }
  const byLevel: ConferenceLevel[] = scope.levels.map((row, i) => {
    const l = levels[i];
    const unitsHeld = row.level === 'province' ? l.provinces.size : l.unitsHeld;
    const figures = { unitsHeld, held: l.held, periodic: l.periodic, adHoc: l.adHoc };
    return {
      level: row.level, era: row.era, unitsLabel: row.unitsLabel, unitsTotal: row.unitsTotal,
      unitsHeld, held: l.held, periodic: l.periodic, adHoc: l.adHoc, notHeld: l.notHeld,
      sentence: conferenceSentence(row, ownName(scope, row.level), figures),
    };
  });
  return { conferences: { ...total, byLevel, recommendations }, children, fields };
}

/** How a row that is the report's unit itself names it: "Cấp tỉnh (Tỉnh Quảng Trị)" reads as "Tỉnh Quảng Trị". */
function ownName(scope: ReportScope, level: ScopeLevel): string {
  return level === 'central' ? 'Cấp Trung ương' : scope.unit.name;
}

// ——— Drill-down ———

const TYPE: Record<string, string> = { dinh_ky: 'Định kỳ', dot_xuat: 'Đột xuất' };
const FORM: Record<string, string> = { tiep_xuc: 'tiếp xúc', doi_thoai: 'đối thoại' };
const CONF_STATUS: Record<string, string> = { held: 'Đã tổ chức', not_held: 'Không tổ chức' };

/** The conferences of a figure (held or not held), newest first. */
export async function listConferencesIn(ctx: AppContext, q: RecordQuery): Promise<{ items: RecordItem[]; total: number }> {
  const cond = sql`${recordWhere(q, sql`held_on`, sql`unit_path`)} and status in ('held', 'not_held')`;
  const [{ total }] = await ctx.database.rows<{ total: number }>(sql`select count(*)::int as total from dialogue_conference where ${cond}`);
  const rows = await ctx.database.rows<{ id: string; unit_code: string; held_on: string; topic: string; type: string; form: string; status: string; attendance: number | null }>(sql`
    select id, unit_code, held_on, topic, type, form, status, attendance from dialogue_conference where ${cond}
    order by held_on desc, id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
  const names = await unitNamesAt(ctx, rows.map((r) => ({ code: r.unit_code, day: r.held_on })));
  return {
    total,
    items: rows.map((r) => ({
      id: r.id, kind: 'conferences', date: r.held_on, unit: { code: r.unit_code, name: names.get(`${r.unit_code}@${r.held_on}`) ?? r.unit_code },
      title: r.topic, detail: `${TYPE[r.type] ?? r.type}, ${FORM[r.form] ?? r.form}${r.attendance != null ? `, ${r.attendance.toLocaleString('vi-VN')} người dự` : ''}`,
      status: CONF_STATUS[r.status] ?? r.status, link: `/dialogue/${r.id}`,
    })),
  };
}

const REC_STATUS: Record<string, string> = { answered: 'Đã trả lời tại hội nghị', in_progress: 'Đang giải quyết', resolved: 'Đã giải quyết' };

/** The recommendations raised at the conferences of a figure, newest first. */
export async function listDialogueRecommendationsIn(ctx: AppContext, q: RecordQuery): Promise<{ items: RecordItem[]; total: number }> {
  const cond = recordWhere(q, sql`raised_on`, sql`unit_path`);
  const [{ total }] = await ctx.database.rows<{ total: number }>(sql`select count(*)::int as total from dialogue_recommendation where ${cond}`);
  const rows = await ctx.database.rows<{ id: string; conference_id: string; unit_code: string; raised_on: string; content: string; raised_by: string; status: string; due_on: string | null }>(sql`
    select id, conference_id, subpath(unit_path, nlevel(unit_path) - 1, 1)::text as unit_code, raised_on, content, raised_by, status, due_on
    from dialogue_recommendation where ${cond}
    order by raised_on desc, id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
  const names = await unitNamesAt(ctx, rows.map((r) => ({ code: r.unit_code, day: r.raised_on })));
  return {
    total,
    items: rows.map((r) => ({
      id: r.id, kind: 'recommendations', date: r.raised_on, unit: { code: r.unit_code, name: names.get(`${r.unit_code}@${r.raised_on}`) ?? r.unit_code },
      title: r.content, detail: r.raised_by, status: REC_STATUS[r.status] ?? r.status, link: `/dialogue/${r.conference_id}`,
    })),
  };
}
