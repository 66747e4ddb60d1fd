// Pieces every reception use case shares: the transaction with its bound context, the unit checks, the audit row.
import { can, type Actor } from '../../platform/access.ts';
import { denied, fail, ok, type AppContext, type Outcome } from '../../platform/http.ts';
import type { AuditInput } from '../../platform/audit.ts';
import { getUnit, unitInForce, type UnitRow } from '../units/index.ts';

export { inTx, within } from '../../platform/transaction.ts';

/** A unit in force for a record to attach to, if the actor may do the action there. */
export async function unitFor(ctx: AppContext, actor: Actor, action: string, code: string): Promise<Outcome<UnitRow>> {
  const unit = await unitInForce(ctx, code);
  if (!unit) return (await getUnit(ctx, code)) ? fail('unit_not_in_force', { code }) : fail('unit_not_found', { code });
  if (!can(actor, action, { unitPath: unit.path })) return denied('forbidden', { action, unitPath: unit.path, unitCode: unit.code, targetType: 'unit', targetId: unit.code });
  return ok(unit);
}

/** A unit (any version) whose records the actor may list with one of the actions. */
export async function listedUnit(ctx: AppContext, actor: Actor, actions: string[], code: string): Promise<Outcome<UnitRow>> {
  const view = await getUnit(ctx, code);
  if (!view) return fail('unit_not_found', { code });
  if (!actions.some((a) => can(actor, a, { unitPath: view.unit.path }))) {
    return denied('forbidden', { action: actions[0], unitPath: view.unit.path, unitCode: view.unit.code, targetType: 'unit', targetId: view.unit.code });
  }
  return ok(view.unit);
}

export const audit = (actor: Actor | null, unit: { unitCode: string; unitPath: string }, action: string, targetType: string, targetId: string, ip: string | undefined, detail: Record<string, unknown>): AuditInput => ({
  action, actorId: actor?.userId ?? null, actorName: actor?.username ?? null, unitCode: unit.unitCode, unitPath: unit.unitPath, targetType, targetId, ip: ip ?? null, detail,
});

