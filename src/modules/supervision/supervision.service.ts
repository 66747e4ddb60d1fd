// Use cases of supervision (giám sát): a Front organisation's yearly programme, a supervision planned in it, recorded
// with its findings and recommendations (each a case addressed to the supervised body, in the same transaction), or
// cancelled with the reason.
import { can, type Actor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { todayVN } from '../../platform/clock.ts';
import { denied, fail, ok, type AppContext, type Outcome } from '../../platform/http.ts';
import { newId } from '../../platform/ids.ts';
import type { Executor } from '../../db/database.ts';
import { organisationsByIds } from '../organisations/index.ts';
import * as repo from './supervision.repository.ts';
import { SUPERVISION_MANAGE, SUPERVISION_READ } from './supervision.policy.ts';
import { addDays, SUPERVISION_FORM_NAMES, type SupervisionForm } from './supervision.rules.ts';
import type { CancelBody, ListQuery, ProgrammeBody, RecordBody, VisitBody } from './supervision.schemas.ts';
import type { ProgrammeRow, SupervisionRecommendationRow, VisitRow } from './supervision.tables.ts';
import { activeOrganisation, audit, checkDay, frontOrganisation, inTx, listedUnit } from './supervision.common.ts';
import { raiseCases } from './supervision.cases.ts';

const READERS = [SUPERVISION_READ, SUPERVISION_MANAGE];
/** The cases module's reading action: the supervised body's officials read the supervision that raised their cases. */
const CASE_READ = 'case.read';

// ——— Programmes ———

export async function listProgrammes(ctx: AppContext, actor: Actor, q: ListQuery): Promise<Outcome<ProgrammeRow[]>> {
  const f = await listedUnit(ctx, actor, READERS, q.unit, q);
  if (!f.ok) return f;
  const rows = await repo.programmesOf(ctx.database.db, f.value);
  return ok(rows.filter((p) => READERS.some((a) => can(actor, a, p))));
}

export async function createProgramme(ctx: AppContext, actor: Actor, body: ProgrammeBody, ip?: string): Promise<Outcome<ProgrammeRow>> {
  const front = await frontOrganisation(ctx, actor, SUPERVISION_MANAGE, body.organisationId);
  if (!front.ok) return front;
  const { org, unit } = front.value;
  return inTx(ctx, async (tx) => {
    const p = await repo.insertProgramme(tx, {
      id: newId(), unitCode: unit.code, unitPath: unit.path, level: unit.level, organisationId: org.id, year: body.year,
      title: body.title, content: body.content ?? null, createdBy: actor.userId,
    });
    await recordAudit(tx, audit(actor, p, 'supervision.programme.created', 'supervision_programme', p.id, ip, { year: p.year, organisationId: org.id }));
    return ok(p);
  });
}

// ——— Visits ———

export async function listVisits(ctx: AppContext, actor: Actor, q: ListQuery): Promise<Outcome<VisitRow[]>> {
  const f = await listedUnit(ctx, actor, READERS, q.unit, q);
  if (!f.ok) return f;
  const rows = await repo.visitsOf(ctx.database.db, f.value);
  return ok(rows.filter((v) => READERS.some((a) => can(actor, a, v))));
}

/**
 * A visit the actor may read: the Front's readers in its unit, or the officials who read the supervised body's cases
 * (its recommendations were addressed to them). Any other is reported as not found.
 */
export async function getVisit(ctx: AppContext, actor: Actor, id: string): Promise<Outcome<VisitRow>> {
  const v = await repo.findVisit(ctx.database.db, id);
  if (!v) return fail('supervision_visit_not_found');
  if (!READERS.some((a) => can(actor, a, v))) {
    const [subject] = v.subjectOrganisationId ? await organisationsByIds(ctx, [v.subjectOrganisationId]) : [];
    if (!subject || !can(actor, CASE_READ, subject)) {
      return denied('supervision_visit_not_found', { action: SUPERVISION_READ, unitPath: v.unitPath, unitCode: v.unitCode, targetType: 'supervision_visit', targetId: id });
    }
  }
  return ok(v);
}

/** A visit the actor may read through the Front's rights (not only as the supervised body). */
async function frontVisit(ctx: AppContext, actor: Actor, id: string): Promise<Outcome<VisitRow>> {
  const v = await repo.findVisit(ctx.database.db, id);
  if (!v) return fail('supervision_visit_not_found');
  if (!READERS.some((a) => can(actor, a, v))) {
    return denied('supervision_visit_not_found', { action: SUPERVISION_MANAGE, unitPath: v.unitPath, unitCode: v.unitCode, targetType: 'supervision_visit', targetId: id });
  }
  return ok(v);
}

/** A visit the actor may change: hidden from those who may not read it, refused to readers who may not manage it. */
async function manageableVisit(ctx: AppContext, actor: Actor, id: string): Promise<Outcome<VisitRow>> {
  const found = await frontVisit(ctx, actor, id);
  if (!found.ok) return found;
  const v = found.value;
  if (!can(actor, SUPERVISION_MANAGE, v)) {
    return denied('forbidden', { action: SUPERVISION_MANAGE, unitPath: v.unitPath, unitCode: v.unitCode, targetType: 'supervision_visit', targetId: id });
  }
  return ok(v);
}

/** The programme a visit belongs to: of the same unit, and of the year the visit starts in. */
async function checkProgramme(ex: Executor, programmeId: string | null | undefined, unitCode: string, startedOn: string): Promise<Outcome<ProgrammeRow | null>> {
  if (!programmeId) return ok(null);
  const p = await repo.findProgramme(ex, programmeId);
  if (!p || p.unitCode !== unitCode) return fail('supervision_programme_invalid');
  if (p.year !== Number(startedOn.slice(0, 4))) return fail('supervision_programme_year', { year: p.year, value: startedOn });
  return ok(p);
}

const checkSpan = (startedOn: string, endedOn: string | null | undefined): Outcome<true> =>
  endedOn && endedOn < startedOn ? fail('supervision_dates_invalid', { start: startedOn, end: endedOn }) : ok(true);

export async function planVisit(ctx: AppContext, actor: Actor, body: VisitBody, ip?: string): Promise<Outcome<VisitRow>> {
  const front = await frontOrganisation(ctx, actor, SUPERVISION_MANAGE, body.organisationId);
  if (!front.ok) return front;
  const { org, unit } = front.value;
  const subject = await activeOrganisation(ctx, body.subjectOrganisationId, 'supervision_subject_invalid');
  if (!subject.ok) return subject;
  if (subject.value.id === org.id) return fail('supervision_subject_invalid');
  for (const day of [body.startedOn, body.endedOn]) {
    if (!day) continue;
    const checked = checkDay(day, 'ahead');
    if (!checked.ok) return checked;
  }
  const span = checkSpan(body.startedOn, body.endedOn);
  if (!span.ok) return span;
  const programme = await checkProgramme(ctx.database.db, body.programmeId, unit.code, body.startedOn);
  if (!programme.ok) return programme;
  return inTx(ctx, async (tx) => {
    const v = await repo.insertVisit(tx, {
      id: newId(), programmeId: programme.value?.id ?? null, unitCode: unit.code, unitPath: unit.path, level: unit.level,
      organisationId: org.id, supervisorName: org.name, subjectOrganisationId: subject.value.id, subjectName: subject.value.name,
      form: body.form, topic: body.topic, startedOn: body.startedOn, endedOn: body.endedOn ?? null, status: 'planned', source: 'console',
      createdBy: actor.userId,
    });
    await recordAudit(tx, audit(actor, v, 'supervision.visit.planned', 'supervision_visit', v.id, ip, {
      form: v.form, subjectOrganisationId: v.subjectOrganisationId, startedOn: v.startedOn, programmeId: v.programmeId,
    }));
    return ok(v);
  });
}

const STATUS_NAMES: Record<string, string> = { done: 'đã được ghi kết quả', cancelled: 'đã hủy' };

/** The longest a recommendation may wait to become a case: older supervisions come in through the import. */
const CASE_WINDOW_DAYS = 366;

/**
 * The supervision took place: its dates and findings are written and each recommendation becomes a case addressed to
 * the supervised body, all in one transaction (a case that cannot be made leaves nothing written).
 */
export async function recordVisit(ctx: AppContext, actor: Actor, id: string, body: RecordBody, ip?: string): Promise<Outcome<{ visit: VisitRow; recommendations: SupervisionRecommendationRow[] }>> {
  const found = await manageableVisit(ctx, actor, id);
  if (!found.ok) return found;
  const v = found.value;
  if (v.status !== 'planned') return fail('supervision_visit_not_planned', { status: STATUS_NAMES[v.status] ?? v.status });
  const startedOn = body.startedOn ?? v.startedOn;
  for (const day of [startedOn, body.endedOn]) {
    const checked = checkDay(day, 'today');
    if (!checked.ok) return checked;
  }
  const span = checkSpan(startedOn, body.endedOn);
  if (!span.ok) return span;
  const programme = await checkProgramme(ctx.database.db, v.programmeId, v.unitCode, startedOn);
  if (!programme.ok) return programme;
  const today = todayVN();
  if (body.recommendations.length > 0) {
    if (body.endedOn < addDays(today, -CASE_WINDOW_DAYS)) return fail('supervision_too_old_for_cases', { value: body.endedOn });
    const late = body.recommendations.find((r) => r.dueOn && r.dueOn < today);
    if (late) return fail('due_in_past', { value: late.dueOn! });
    if (!v.subjectOrganisationId) return fail('supervision_subject_invalid');
  }
  return inTx(ctx, async (tx, ctx) => {
    const locked = (await repo.findVisit(tx, id, true))!;
    if (locked.status !== 'planned') return fail('supervision_visit_not_planned', { status: STATUS_NAMES[locked.status] ?? locked.status });
    const visit = await repo.updateVisit(tx, id, { startedOn, endedOn: body.endedOn, findings: body.findings, status: 'done' });
    const raised = await raiseCases(ctx, tx, actor, visit, body.recommendations);
    if (!raised.ok) return raised;
    await recordAudit(tx, audit(actor, visit, 'supervision.visit.recorded', 'supervision_visit', id, ip, {
      startedOn, endedOn: body.endedOn, recommendations: raised.value.map((r) => ({ id: r.id, caseId: r.caseId })),
    }));
    return ok({ visit, recommendations: raised.value });
  });
}

export async function cancelVisit(ctx: AppContext, actor: Actor, id: string, body: CancelBody, ip?: string): Promise<Outcome<VisitRow>> {
  const found = await manageableVisit(ctx, actor, id);
  if (!found.ok) return found;
  return inTx(ctx, async (tx) => {
    const locked = (await repo.findVisit(tx, id, true))!;
    if (locked.status !== 'planned') return fail('supervision_visit_not_planned', { status: STATUS_NAMES[locked.status] ?? locked.status });
    const visit = await repo.updateVisit(tx, id, { status: 'cancelled', cancelReason: body.reason });
    await recordAudit(tx, audit(actor, visit, 'supervision.visit.cancelled', 'supervision_visit', id, ip, { reason: body.reason }));
    return ok(visit);
  });
}

export const formName = (form: string) => SUPERVISION_FORM_NAMES[form as SupervisionForm] ?? form;
