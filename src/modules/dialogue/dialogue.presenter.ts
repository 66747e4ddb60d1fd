// The fields of conferences and recommendations that leave the server, listed one by one, for officials and residents.
// Residents see groups (who raised it), never a person, and never a case's people.
import { can, type Actor } from '../../platform/access.ts';
import type { AppContext } from '../../platform/http.ts';
import { unitNames } from '../units/index.ts';
import { caseNumbers, listFields } from '../cases/index.ts';
import * as repo from './dialogue.repository.ts';
import type { ConferenceRow, RecommendationRow } from './dialogue.tables.ts';
import { DIALOGUE_MANAGE } from './dialogue.policy.ts';
import type { CHAIR_SIDES, FORMS, INVITED_GROUPS, RECOMMENDATION_STATUSES, STATUSES, TYPES } from './dialogue.schemas.ts';

type Status = (typeof STATUSES)[number];
type RecStatus = (typeof RECOMMENDATION_STATUSES)[number];
const NONE = { raised: 0, answered: 0, inProgress: 0, resolved: 0 };

async function lookups(ctx: AppContext, rows: ConferenceRow[], recs: RecommendationRow[] = []) {
  const names = await unitNames(ctx, [...rows.flatMap((c) => [c.unitCode, ...(c.residentsUnitCode ? [c.residentsUnitCode] : [])]), ...recs.flatMap((r) => (r.placeUnitCode ? [r.placeUnitCode] : []))]);
  const counts = await repo.countsOf(ctx.database.db, rows.map((c) => c.id));
  return { names, counts, unit: (code: string) => ({ code, name: names.get(code) ?? code }) };
}

export async function presentSummaries(ctx: AppContext, rows: ConferenceRow[]) {
  const { counts, unit } = await lookups(ctx, rows);
  return rows.map((c) => ({
    id: c.id,
    unit: unit(c.unitCode),
    level: c.level,
    organisation: { id: c.organisationId, name: c.organiserName },
    type: c.type as (typeof TYPES)[number],
    form: c.form as (typeof FORMS)[number],
    topic: c.topic,
    heldOn: c.heldOn,
    startsAt: c.startsAt,
    place: c.place,
    status: c.status as Status,
    published: c.published,
    attendance: c.attendance,
    counts: counts.get(c.id) ?? NONE,
    remindedAt: c.remindedAt?.toISOString() ?? null,
  }));
}

export async function presentDetail(ctx: AppContext, actor: Actor, c: ConferenceRow) {
  const [summary] = await presentSummaries(ctx, [c]);
  const recs = await repo.recommendationsOf(ctx.database.db, c.id);
  const { unit } = await lookups(ctx, [c], recs);
  const fields = new Map((await listFields(ctx)).map((f) => [f.code, f.name]));
  const numbers = await caseNumbers(ctx, recs.flatMap((r) => (r.caseId ? [r.caseId] : [])));
  const manage = can(actor, DIALOGUE_MANAGE, c);
  return {
    ...summary,
    chairs: c.chairs.map((x) => ({ side: x.side as (typeof CHAIR_SIDES)[number], name: x.name, position: x.position })),
    invited: c.invited.map((x) => ({ group: x.group as (typeof INVITED_GROUPS)[number], ...(x.note ? { note: x.note } : {}) })),
    residentsUnit: c.residentsUnitCode ? unit(c.residentsUnitCode) : null,
    notHeldReason: c.notHeldReason,
    recordedAt: c.recordedAt?.toISOString() ?? null,
    source: c.source as 'console' | 'import',
    recommendations: recs.map((r) => ({
      id: r.id,
      seq: r.seq,
      raisedBy: r.raisedBy,
      field: { code: r.fieldCode, name: fields.get(r.fieldCode) ?? r.fieldCode },
      place: r.placeUnitCode ? unit(r.placeUnitCode) : null,
      content: r.content,
      status: r.status as RecStatus,
      answer: r.answer,
      answeredBy: r.answeredBy,
      dueOn: r.dueOn,
      resolvedOn: r.resolvedOn,
      case: r.caseId && numbers.has(r.caseId) ? { id: r.caseId, number: numbers.get(r.caseId)! } : null,
    })),
    abilities: { edit: manage && c.status === 'planned', record: manage && c.status === 'planned', publish: manage },
  };
}

// ——— Residents ———

export async function presentPublic(ctx: AppContext, rows: ConferenceRow[]) {
  const { counts, unit } = await lookups(ctx, rows);
  return rows.map((c) => ({
    id: c.id,
    unit: unit(c.unitCode),
    level: c.level,
    organiser: c.organiserName,
    type: c.type as (typeof TYPES)[number],
    form: c.form as (typeof FORMS)[number],
    topic: c.topic,
    heldOn: c.heldOn,
    startsAt: c.startsAt,
    place: c.place,
    status: c.status as 'planned' | 'held',
    counts: counts.get(c.id) ?? NONE,
  }));
}

export async function presentPublicDetail(ctx: AppContext, c: ConferenceRow) {
  const [summary] = await presentPublic(ctx, [c]);
  const recs = await repo.recommendationsOf(ctx.database.db, c.id);
  const { unit } = await lookups(ctx, [c], recs);
  const fields = new Map((await listFields(ctx)).map((f) => [f.code, f.name]));
  return {
    ...summary,
    chairs: c.chairs.map((x) => ({ side: x.side as (typeof CHAIR_SIDES)[number], name: x.name, position: x.position })),
    attendance: c.attendance,
    recommendations: recs.map((r) => ({
      seq: r.seq,
      raisedBy: r.raisedBy,
      field: fields.get(r.fieldCode) ?? r.fieldCode,
      place: r.placeUnitCode ? unit(r.placeUnitCode).name : null,
      content: r.content,
      status: r.status as RecStatus,
      answer: r.answer,
      answeredBy: r.answeredBy,
      dueOn: r.status === 'in_progress' ? r.dueOn : null,
      resolvedOn: r.resolvedOn,
    })),
  };
}
