// Pieces every supervision and critique use case shares: the Front organisation that acts (its kind, its unit, the
// actor's scope over it), the unit a listing covers, the days a record may carry, and the audit row.
import { can, type Actor } from '../../platform/access.ts';
import type { AuditInput } from '../../platform/audit.ts';
import { todayVN } from '../../platform/clock.ts';
import { denied, fail, ok, type AppContext, type Outcome } from '../../platform/http.ts';
import { getUnit, unitInForce, type UnitRow } from '../units/index.ts';
import { organisationsByIds, type OrganisationRow } from '../organisations/index.ts';
import { FIRST_DAY, SUPERVISING_KINDS, addDays } from './supervision.rules.ts';
import type { ListFilter } from './supervision.repository.ts';

export { inTx, within } from '../../platform/transaction.ts';

/** How far ahead a planned supervision may be set. */
export const MAX_AHEAD_DAYS = 2 * 366;

/**
 * The organisation that supervises or critiques: the Front or an organisation under it, active, in a unit in force,
 * and within the actor's scope for `action`. Its unit gives the record its unit and level.
 */
export async function frontOrganisation(ctx: AppContext, actor: Actor, action: string, id: string): Promise<Outcome<{ org: OrganisationRow; unit: UnitRow }>> {
  const [org] = await organisationsByIds(ctx, [id]);
  if (!org) return fail('supervision_organisation_invalid');
  if (!can(actor, action, org)) {
    return denied('forbidden', { action, unitPath: org.unitPath, unitCode: org.unitCode, targetType: 'organisation', targetId: org.id });
  }
  if (!org.active || !(SUPERVISING_KINDS as readonly string[]).includes(org.kind)) return fail('supervision_organisation_invalid');
  const unit = await unitInForce(ctx, org.unitCode);
  if (!unit) return fail('unit_not_in_force', { code: org.unitCode });
  return ok({ org, unit });
}

/** Any active organisation (the supervised body, the drafting body), or the named failure. */
export async function activeOrganisation(ctx: AppContext, id: string, reason: 'supervision_subject_invalid' | 'critique_drafting_invalid'): Promise<Outcome<OrganisationRow>> {
  const [org] = await organisationsByIds(ctx, [id]);
  return org && org.active ? ok(org) : fail(reason);
}

/** The unit (any version) a listing covers, if the actor holds one of the actions there. */
export async function listedUnit(ctx: AppContext, actor: Actor, actions: string[], code: string, q: { subtree: boolean; year?: number }): Promise<Outcome<ListFilter>> {
  const view = await getUnit(ctx, code);
  if (!view) return fail('unit_not_found', { code });
  const u = view.unit;
  if (!actions.some((a) => can(actor, a, { unitPath: u.path }))) {
    return denied('forbidden', { action: actions[0], unitPath: u.path, unitCode: u.code, targetType: 'unit', targetId: u.code });
  }
  return ok({ unitCode: u.code, unitPath: u.path, subtree: q.subtree, year: q.year });
}

/** A day a console record may carry: from 2000 to a while ahead (planned) or to today (what happened). */
export function checkDay(value: string, latest: 'today' | 'ahead'): Outcome<string> {
  const today = todayVN();
  const max = latest === 'today' ? today : addDays(today, MAX_AHEAD_DAYS);
  if (value < FIRST_DAY || value > max) return fail(latest === 'today' ? 'supervision_day_after_today' : 'supervision_day_out_of_range', { value, min: FIRST_DAY, max });
  return ok(value);
}

export const audit = (actor: Actor | null, unit: { unitCode: string; unitPath: string }, action: string, targetType: string, targetId: string, ip: string | undefined, detail: Record<string, unknown>): AuditInput => ({
  action, actorId: actor?.userId ?? null, actorName: actor?.username ?? null, unitCode: unit.unitCode, unitPath: unit.unitPath, targetType, targetId, ip: ip ?? null, detail,
});
