// Use cases of the reception register (sổ tiếp công dân): record a visit, correct it, refuse with the legal ground,
// turn a visit into a case in one step (idempotent), and export a unit's register for a period as .xlsx.
import { can, type Actor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { todayVN, addDays } from '../../platform/clock.ts';
import { denied, fail, ok, type AppContext, type Outcome } from '../../platform/http.ts';
import { newId } from '../../platform/ids.ts';
import type { Executor } from '../../db/database.ts';
import type { UnitRow } from '../units/index.ts';
import { createCase } from '../cases/index.ts';
import * as repo from './reception.repository.ts';
import { NOTICE_REQUIRED, representativesAllowed } from './reception.rules.ts';
import type { CaseBody, RefusalBody, VisitBody, VisitPatch } from './reception.schemas.ts';
import type { VisitInsert, VisitRow } from './reception.tables.ts';
import { RECEPTION_READ, RECEPTION_RECORD } from './reception.policy.ts';
import { audit, inTx, listedUnit, unitFor } from './reception.common.ts';

type CaseInput = Parameters<typeof createCase>[2];
/** The case module's policy action for registering a case. */
export const CASE_CREATE = 'case.create';

/** The longest period one listing or export covers. */
export const MAX_RANGE_DAYS = 366;

type NewVisit = Omit<VisitInsert, 'id' | 'unitCode' | 'unitPath' | 'number' | 'year' | 'createdBy'>;

/** Writes a register entry with the unit's next number (inside the caller's transaction). */
export async function insertVisitRow(tx: Executor, actor: Actor, unit: UnitRow, v: NewVisit): Promise<VisitRow> {
  const year = Number(v.visitOn.slice(0, 4));
  const number = await repo.nextVisitNumber(tx, unit.code, year);
  return repo.insertVisit(tx, { ...v, id: newId(), unitCode: unit.code, unitPath: unit.path, number, year, createdBy: actor.userId });
}

function checkVisitOn(day: string): Outcome<string> {
  const today = todayVN();
  return day > today || day < addDays(today, -MAX_RANGE_DAYS) ? fail('visit_date_invalid', { value: day }) : ok(day);
}

function checkGroup(headCount: number, representatives: { name: string }[]): Outcome<true> {
  const allowed = representativesAllowed(headCount);
  if (!allowed) return ok(true);
  const [min, max] = allowed;
  const n = representatives.length;
  return n < min || n > max ? fail('mass_representatives', { count: headCount, allowed: min === max ? `${min}` : `${min}–${max}` }) : ok(true);
}

export async function createVisit(ctx: AppContext, actor: Actor, body: VisitBody, ip?: string): Promise<Outcome<VisitRow>> {
  const unit = await unitFor(ctx, actor, RECEPTION_RECORD, body.unitCode);
  if (!unit.ok) return unit;
  const day = checkVisitOn(body.visitOn ?? todayVN());
  if (!day.ok) return day;
  const group = checkGroup(body.headCount, body.representatives);
  if (!group.ok) return group;
  return inTx(ctx, async (tx) => {
    const v = await insertVisitRow(tx, actor, unit.value, {
      visitOn: day.value, receptionType: body.receptionType, officialName: body.officialName ?? actor.fullName, leaderName: body.leaderName ?? null,
      citizenName: body.citizen.name, citizenAddress: body.citizen.address ?? null, citizenIdNumber: body.citizen.idNumber ?? null, citizenPhone: body.citizen.phone ?? null,
      headCount: body.headCount, representatives: body.representatives, content: body.content, classification: body.classification ?? null,
      fieldCode: body.fieldCode ?? null, documents: body.documents ?? null, handling: body.handling ?? null, result: body.result ?? null, notes: body.notes ?? null,
    });
    await recordAudit(tx, audit(actor, v, 'reception.visit.created', 'reception_visit', v.id, ip, { number: `${v.number}/${v.year}` }));
    return ok(v);
  });
}

export async function listVisits(ctx: AppContext, actor: Actor, unitCode: string, from: string, to: string): Promise<Outcome<{ unit: UnitRow; rows: VisitRow[] }>> {
  if (to < from || addDays(from, MAX_RANGE_DAYS) < to) return fail('reception_range_invalid', { max: MAX_RANGE_DAYS });
  const unit = await listedUnit(ctx, actor, [RECEPTION_READ], unitCode);
  if (!unit.ok) return unit;
  return ok({ unit: unit.value, rows: await repo.visitsBetween(ctx.database.db, unit.value.code, from, to) });
}

/** A visit the actor may change: hidden (404) from those who may not read it, refused (403) to readers who may not record. */
async function recordableVisit(ctx: AppContext, actor: Actor, id: string): Promise<Outcome<VisitRow>> {
  const v = await repo.findVisit(ctx.database.db, id);
  if (!v) return fail('reception_visit_not_found');
  const d = { unitPath: v.unitPath, unitCode: v.unitCode, targetType: 'reception_visit', targetId: id };
  if (!can(actor, RECEPTION_READ, v)) return denied('reception_visit_not_found', { action: RECEPTION_RECORD, ...d });
  if (!can(actor, RECEPTION_RECORD, v)) return denied('forbidden', { action: RECEPTION_RECORD, ...d });
  return ok(v);
}

export async function updateVisit(ctx: AppContext, actor: Actor, id: string, patch: VisitPatch, ip?: string): Promise<Outcome<VisitRow>> {
  const found = await recordableVisit(ctx, actor, id);
  if (!found.ok) return found;
  const v = found.value;
  if (patch.visitOn) {
    const day = checkVisitOn(patch.visitOn);
    if (!day.ok) return day;
    if (Number(patch.visitOn.slice(0, 4)) !== v.year) return fail('visit_date_invalid', { value: patch.visitOn });
  }
  const group = checkGroup(patch.headCount ?? v.headCount, patch.representatives ?? v.representatives);
  if (!group.ok) return group;
  const { citizen, ...rest } = patch;
  const changes: Partial<VisitInsert> = Object.fromEntries(Object.entries(rest).filter(([, x]) => x !== undefined));
  if (citizen) {
    Object.assign(changes, { citizenName: citizen.name, citizenAddress: citizen.address ?? null, citizenIdNumber: citizen.idNumber ?? null, citizenPhone: citizen.phone ?? null });
  }
  return inTx(ctx, async (tx) => {
    const row = await repo.updateVisit(tx, id, changes);
    await recordAudit(tx, audit(actor, row, 'reception.visit.updated', 'reception_visit', id, ip, { changed: Object.keys(patch) }));
    return ok(row);
  });
}

/** Refusal on a ground of Điều 9; ground 3 needs the number of the head's written notice. A visit that became a case cannot be refused. */
export async function refuseVisit(ctx: AppContext, actor: Actor, id: string, body: RefusalBody, ip?: string): Promise<Outcome<VisitRow>> {
  const found = await recordableVisit(ctx, actor, id);
  if (!found.ok) return found;
  if (NOTICE_REQUIRED.includes(body.ground) && !body.notice) return fail('refusal_notice_required');
  return inTx(ctx, async (tx) => {
    const v = (await repo.findVisit(tx, id, true))!;
    if (v.caseId) return fail('visit_has_case');
    if (v.handling === 'refused') return fail('visit_already_refused');
    const row = await repo.updateVisit(tx, id, { handling: 'refused', refusalGround: body.ground, refusalReason: body.reason, refusalNotice: body.notice ?? null });
    await recordAudit(tx, audit(actor, row, 'reception.visit.refused', 'reception_visit', id, ip, { ground: body.ground, notice: body.notice ?? null }));
    return ok(row);
  });
}

/**
 * Turns a visit into a case received through reception, in one step, and links them. A second call returns the case
 * already made (the visit row is locked while the case is written, so two calls cannot make two cases).
 */
export interface CaseLink { caseId: string; caseNumber: string; created: boolean }

export async function visitToCase(ctx: AppContext, actor: Actor, id: string, body: CaseBody, ip?: string): Promise<Outcome<CaseLink>> {
  const found = await recordableVisit(ctx, actor, id);
  if (!found.ok) return found;
  const v0 = found.value;
  // Registering cases is the case module's right (reception officers, handlers); asked first, so a repeated call answers alike.
  if (!can(actor, CASE_CREATE, v0)) return denied('forbidden', { action: CASE_CREATE, unitPath: v0.unitPath, unitCode: v0.unitCode, targetType: 'reception_visit', targetId: id });
  return inTx<CaseLink>(ctx, async (tx, txCtx) => {
    const v = (await repo.findVisit(tx, id, true))!;
    if (v.caseId) return ok({ caseId: v.caseId, caseNumber: v.caseNumber ?? '', created: false });
    if (v.handling === 'refused') return fail('visit_refused');
    const kind = body.kind ?? v.classification;
    if (!kind) return fail('visit_needs_classification');
    const petitioner = Object.fromEntries(Object.entries({ name: v.citizenName, address: v.citizenAddress, phone: v.citizenPhone, idNumber: v.citizenIdNumber }).filter(([, x]) => x)) as CaseInput['petitioner'];
    const group = representativesAllowed(v.headCount) ? { headCount: v.headCount, representatives: v.representatives } : undefined;
    const input: CaseInput = {
      kind: kind as CaseInput['kind'], channel: 'reception', fieldCode: body.fieldCode ?? v.fieldCode ?? 'khac',
      title: body.title ?? titleOf(v.content), content: v.content, receivedOn: v.visitOn, receivingUnitCode: v.unitCode,
      place: { unitCode: v.unitCode }, petitioner, complex: false, ...(group ? { mass: group } : {}),
    };
    const made = await createCase(txCtx, actor, input, ip);
    if (!made.ok) return made;
    await repo.updateVisit(tx, id, { caseId: made.value.id, caseNumber: made.value.number, classification: kind, fieldCode: input.fieldCode, handling: v.handling ?? 'accepted' });
    await recordAudit(tx, audit(actor, v, 'reception.visit.case_created', 'reception_visit', id, ip, { caseId: made.value.id, caseNumber: made.value.number }));
    return ok({ caseId: made.value.id, caseNumber: made.value.number, created: true });
  });
}

/** A case title from the visit's content: its first sentence or words, 5 to 120 characters. */
export function titleOf(content: string): string {
  const first = content.split(/(?<=[.!?])\s|\n/)[0]!.trim();
  const cut = first.length <= 120 ? first : `${first.slice(0, 117).replace(/\s+\S*$/, '')}…`;
  return cut.length >= 5 ? cut : `Tiếp công dân: ${content.slice(0, 100)}`;
}
