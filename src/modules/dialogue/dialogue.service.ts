// Use cases of dialogue conferences: plan (within the organiser's scope), edit the plan, publish, record that it was
// held with the recommendations raised (answered on the spot, or followed as a case written in the same transaction),
// or that it did not take place. Each change is audited in its transaction.
import { can, holds, isWithin, scopesFor, type Actor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { todayVN } from '../../platform/clock.ts';
import { denied, fail, ok, type AppContext, type Outcome } from '../../platform/http.ts';
import { newId } from '../../platform/ids.ts';
import { inTx } from '../../platform/transaction.ts';
import type { Executor } from '../../db/database.ts';
import { getUnit, unitInForce, type UnitRow } from '../units/index.ts';
import { organisationsByIds, organisationsCovering, organisationsWithin, type OrganisationRow } from '../organisations/index.ts';
import { createCaseFrom, listFields } from '../cases/index.ts';
import * as repo from './dialogue.repository.ts';
import type { ConferenceRow } from './dialogue.tables.ts';
import type { ListQuery, PlanBody, PlanPatch, RecordBody } from './dialogue.schemas.ts';
import { DIALOGUE_MANAGE, DIALOGUE_READ } from './dialogue.policy.ts';
import { FORM_NAMES, addDays, vnDate } from './dialogue.rules.ts';

const audit = (actor: Actor, c: Pick<ConferenceRow, 'id' | 'unitCode' | 'unitPath'>, action: string, ip: string | undefined, detail: Record<string, unknown>) => ({
  action, actorId: actor.userId, actorName: actor.username, unitCode: c.unitCode, unitPath: c.unitPath, targetType: 'dialogue_conference', targetId: c.id, ip: ip ?? null, detail,
});

/** The organising unit: in force, and inside the actor's scope for managing conferences. */
async function organisingUnit(ctx: AppContext, actor: Actor, code: string): Promise<Outcome<UnitRow>> {
  const unit = await unitInForce(ctx, code);
  if (!unit) return (await getUnit(ctx, code)) ? fail('unit_not_in_force', { code }) : fail('unit_not_found', { code });
  if (!can(actor, DIALOGUE_MANAGE, { unitPath: unit.path })) {
    // An official who plans conferences elsewhere is told the unit is outside their scope; anyone else, that they may not.
    return { ok: false, reason: holds(actor, DIALOGUE_MANAGE) ? 'conference_out_of_scope' : 'forbidden', vars: { code: unit.code }, denied: { action: DIALOGUE_MANAGE, unitPath: unit.path, unitCode: unit.code, targetType: 'unit', targetId: unit.code } };
  }
  return ok(unit);
}

/** What the schema alone cannot check in a plan: the organising body, the invited residents' place, the date. */
async function checkPlan(ctx: AppContext, unit: { code: string; path: string }, p: { organisationId: string; heldOn: string; residentsUnitCode?: string | null }): Promise<Outcome<{ organisation: OrganisationRow }>> {
  const [org] = await organisationsByIds(ctx, [p.organisationId]);
  if (!org || !org.active || org.unitCode !== unit.code) return fail('conference_organisation_invalid');
  if (p.residentsUnitCode) {
    const place = await unitInForce(ctx, p.residentsUnitCode);
    if (!place || !isWithin(place.path, unit.path)) return fail('conference_residents_invalid');
  }
  const today = todayVN();
  if (p.heldOn < addDays(today, -366) || p.heldOn > addDays(today, 731)) return fail('conference_date_out_of_range', { value: vnDate(p.heldOn) });
  return ok({ organisation: org });
}

export async function planConference(ctx: AppContext, actor: Actor, body: PlanBody, ip?: string): Promise<Outcome<ConferenceRow>> {
  const unit = await organisingUnit(ctx, actor, body.unitCode);
  if (!unit.ok) return unit;
  const checked = await checkPlan(ctx, unit.value, body);
  if (!checked.ok) return checked;
  return inTx(ctx, async (tx) => {
    const c = await repo.insertConference(tx, {
      id: newId(), unitCode: unit.value.code, unitPath: unit.value.path, level: unit.value.level,
      organisationId: checked.value.organisation.id, organiserName: checked.value.organisation.name,
      type: body.type, form: body.form, topic: body.topic, heldOn: body.heldOn, startsAt: body.startsAt ?? null, place: body.place,
      chairs: body.chairs, invited: body.invited, residentsUnitCode: body.residentsUnitCode ?? null,
      status: 'planned', published: body.published, source: 'console', createdBy: actor.userId,
    });
    await recordAudit(tx, audit(actor, c, 'dialogue.conference.planned', ip, { topic: c.topic, heldOn: c.heldOn, type: c.type, published: c.published }));
    return ok(c);
  });
}

/** A conference the actor may read; with `manage`, one they may also change. Others are reported as not found. */
async function visibleConference(ctx: AppContext, actor: Actor, id: string, manage: boolean, ex: Executor = ctx.database.db, lock = false): Promise<Outcome<ConferenceRow>> {
  const c = await repo.findConference(ex, id, lock);
  if (!c) return fail('conference_not_found');
  const readable = can(actor, DIALOGUE_READ, c) || can(actor, DIALOGUE_MANAGE, c);
  if (!readable) return denied('conference_not_found', { action: manage ? DIALOGUE_MANAGE : DIALOGUE_READ, unitPath: c.unitPath, unitCode: c.unitCode, targetType: 'dialogue_conference', targetId: id });
  if (manage && !can(actor, DIALOGUE_MANAGE, c)) return denied('forbidden', { action: DIALOGUE_MANAGE, unitPath: c.unitPath, unitCode: c.unitCode, targetType: 'dialogue_conference', targetId: id });
  return ok(c);
}

export async function getConference(ctx: AppContext, actor: Actor, id: string): Promise<Outcome<ConferenceRow>> {
  return visibleConference(ctx, actor, id, false);
}

export async function listConferences(ctx: AppContext, actor: Actor, q: ListQuery): Promise<Outcome<{ rows: ConferenceRow[]; total: number }>> {
  const scopes = [...new Set([...scopesFor(actor, DIALOGUE_READ), ...scopesFor(actor, DIALOGUE_MANAGE)])];
  if (scopes.length === 0) return denied('forbidden', { action: DIALOGUE_READ, unitPath: 'VN' });
  let unitPath: string | undefined;
  if (q.unit) {
    const view = await getUnit(ctx, q.unit);
    if (!view) return fail('unit_not_found', { code: q.unit });
    unitPath = view.unit.path;
    if (!scopes.some((s) => isWithin(unitPath!, s))) {
      return denied('forbidden', { action: DIALOGUE_READ, unitPath, unitCode: view.unit.code, targetType: 'unit', targetId: view.unit.code });
    }
  }
  return ok(await repo.listConferences(ctx.database.db, { scopes, unitPath, from: q.from, to: q.to, status: q.status, limit: q.limit, offset: q.offset }));
}

export async function updatePlan(ctx: AppContext, actor: Actor, id: string, patch: PlanPatch, ip?: string): Promise<Outcome<ConferenceRow>> {
  const found = await visibleConference(ctx, actor, id, true);
  if (!found.ok) return found;
  const c = found.value;
  if (c.status !== 'planned') return fail('conference_not_planned');
  const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as PlanPatch;
  const checked = await checkPlan(ctx, { code: c.unitCode, path: c.unitPath }, {
    organisationId: changes.organisationId ?? c.organisationId ?? '', heldOn: changes.heldOn ?? c.heldOn,
    residentsUnitCode: changes.residentsUnitCode === undefined ? c.residentsUnitCode : changes.residentsUnitCode,
  });
  if (!checked.ok) return checked;
  return inTx(ctx, async (tx) => {
    const locked = await repo.findConference(tx, id, true);
    if (!locked || locked.status !== 'planned') return fail('conference_not_planned');
    const row = await repo.updateConference(tx, id, {
      ...changes, organiserName: checked.value.organisation.name,
      // A new date is a new reminder.
      ...(changes.heldOn && changes.heldOn !== c.heldOn ? { remindedAt: null } : {}),
    });
    await recordAudit(tx, audit(actor, row, 'dialogue.conference.updated', ip, { changed: Object.keys(changes) }));
    return ok(row);
  });
}

export async function setPublished(ctx: AppContext, actor: Actor, id: string, published: boolean, ip?: string): Promise<Outcome<ConferenceRow>> {
  const found = await visibleConference(ctx, actor, id, true);
  if (!found.ok) return found;
  return inTx(ctx, async (tx) => {
    const row = await repo.updateConference(tx, id, { published });
    await recordAudit(tx, audit(actor, row, published ? 'dialogue.conference.published' : 'dialogue.conference.unpublished', ip, {}));
    return ok(row);
  });
}

export async function recordNotHeld(ctx: AppContext, actor: Actor, id: string, reason: string, ip?: string): Promise<Outcome<ConferenceRow>> {
  const found = await visibleConference(ctx, actor, id, true);
  if (!found.ok) return found;
  return inTx(ctx, async (tx) => {
    const locked = await repo.findConference(tx, id, true);
    if (!locked || locked.status !== 'planned') return fail('conference_not_planned');
    const row = await repo.updateConference(tx, id, { status: 'not_held', notHeldReason: reason, recordedAt: new Date() });
    await recordAudit(tx, audit(actor, row, 'dialogue.conference.not_held', ip, { reason }));
    return ok(row);
  });
}

const shorten = (s: string, max: number) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
};

/**
 * Records that the conference took place: its day, attendance and recommendations. Every input is checked before
 * anything is written; then the conference, each recommendation and each follow-up case land in one transaction.
 */
export async function recordHeld(ctx: AppContext, actor: Actor, id: string, body: RecordBody, ip?: string): Promise<Outcome<ConferenceRow>> {
  const found = await visibleConference(ctx, actor, id, true);
  if (!found.ok) return found;
  const c = found.value;
  if (c.status !== 'planned') return fail('conference_not_planned');
  const today = todayVN();
  const heldOn = body.heldOn ?? c.heldOn;
  if (heldOn > today) return fail('conference_date_future', { value: vnDate(heldOn) });
  if (heldOn < addDays(today, -366)) return fail('conference_date_out_of_range', { value: vnDate(heldOn) });

  const fields = new Map((await listFields(ctx)).filter((f) => f.active).map((f) => [f.code, f]));
  const owners = new Map((await organisationsByIds(ctx, body.recommendations.flatMap((r) => (r.outcome === 'case' ? [r.ownerOrganisationId] : [])))).map((o) => [o.id, o]));
  for (const [i, r] of body.recommendations.entries()) {
    const seq = i + 1;
    if (!fields.has(r.fieldCode)) return fail('recommendation_field_invalid', { seq, code: r.fieldCode });
    if (r.placeUnitCode) {
      const place = await unitInForce(ctx, r.placeUnitCode);
      if (!place || !isWithin(place.path, c.unitPath)) return fail('recommendation_place_invalid', { seq });
    }
    if (r.outcome === 'case') {
      const owner = owners.get(r.ownerOrganisationId);
      if (!owner || !owner.active || !(isWithin(owner.unitPath, c.unitPath) || isWithin(c.unitPath, owner.unitPath))) return fail('recommendation_owner_invalid', { seq });
      if (r.dueOn && r.dueOn < today) return fail('recommendation_due_in_past', { seq, value: vnDate(r.dueOn) });
    }
  }

  return inTx(ctx, async (tx, ctx) => {
    const locked = await repo.findConference(tx, id, true);
    if (!locked || locked.status !== 'planned') return fail('conference_not_planned');
    const row = await repo.updateConference(tx, id, { status: 'held', heldOn, attendance: body.attendance, recordedAt: new Date() });
    let cases = 0;
    for (const [i, r] of body.recommendations.entries()) {
      const recId = newId();
      const base = {
        id: recId, conferenceId: id, seq: i + 1, raisedBy: r.raisedBy, fieldCode: r.fieldCode, placeUnitCode: r.placeUnitCode ?? null, content: r.content,
        raisedOn: heldOn, unitPath: c.unitPath, level: c.level,
      };
      if (r.outcome === 'answered') {
        await repo.insertRecommendation(tx, { ...base, status: 'answered', answer: r.answer, answeredBy: r.answeredBy });
        continue;
      }
      const owner = owners.get(r.ownerOrganisationId)!;
      const created = await createCaseFrom(ctx, tx, actor, {
        kind: 'kien_nghi', fieldCode: r.fieldCode, title: shorten(r.content, 160),
        content: `${r.content}\n\nKiến nghị của ${r.raisedBy} tại hội nghị ${FORM_NAMES[c.form as keyof typeof FORM_NAMES]} “${c.topic}” ngày ${vnDate(heldOn)} do ${c.organiserName} tổ chức.`,
        receivedOn: heldOn, receivingUnitCode: c.unitCode, responsibleUnitCode: owner.unitCode, placeUnitCode: r.placeUnitCode ?? c.unitCode, dueOn: r.dueOn ?? null,
      }, { type: 'dialogue', id: recId });
      if (!created.ok) return created;
      await repo.insertRecommendation(tx, { ...base, status: 'in_progress', caseId: created.value.id, dueOn: created.value.dueOn, answeredBy: owner.name });
      cases++;
    }
    await recordAudit(tx, audit(actor, row, 'dialogue.conference.held', ip, { heldOn, attendance: body.attendance, recommendations: body.recommendations.length, cases }));
    return ok(row);
  });
}

/** The bodies that may organise a conference of this unit, and those that may be given a recommendation to resolve. */
export async function organisationChoices(ctx: AppContext, actor: Actor, unitCode: string): Promise<Outcome<{ organisers: OrganisationRow[]; owners: OrganisationRow[] }>> {
  const unit = await organisingUnit(ctx, actor, unitCode);
  if (!unit.ok) return unit;
  const below = await organisationsWithin(ctx, unit.value.path);
  const above = (await organisationsCovering(ctx, unit.value.path)).filter((o) => o.unitPath !== unit.value.path);
  const byDepth = (a: OrganisationRow, b: OrganisationRow) => b.unitPath.split('.').length - a.unitPath.split('.').length || a.name.localeCompare(b.name, 'vi');
  return ok({ organisers: below.filter((o) => o.unitCode === unit.value.code).sort(byDepth), owners: [...below, ...above].sort(byDepth) });
}
