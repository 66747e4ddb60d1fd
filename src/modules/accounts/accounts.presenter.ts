// The fields of an account that leave the server (never the password hash or the lockout counter), with abilities.
import { actions, can, holds, type Actor, type Role } from '../../platform/access.ts';
import type { AccountView } from './accounts.service.ts';
import { ACCOUNT_MANAGE } from './accounts.policy.ts';

function presentMemberships(view: AccountView, unitNames: Map<string, string>) {
  return view.memberships.flatMap((m) => {
    const o = view.organisations.get(m.organisationId);
    if (!o) return [];
    return [{ organisationId: o.id, organisationName: o.name, unitCode: o.unitCode, unitName: unitNames.get(o.unitCode) ?? o.unitCode, role: m.role as Role, active: o.active }];
  });
}

export function presentAccount(view: AccountView, unitNames: Map<string, string>, actor: Actor) {
  const u = view.user;
  const manage = can(actor, ACCOUNT_MANAGE, { unitPath: u.homeUnitPath }) && u.id !== actor.userId;
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    email: u.email,
    active: u.active,
    homeUnitCode: u.homeUnitCode,
    lockedUntil: u.lockedUntil && u.lockedUntil > new Date() ? u.lockedUntil.toISOString() : null,
    createdAt: u.createdAt.toISOString(),
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    memberships: presentMemberships(view, unitNames),
    abilities: { update: manage, deactivate: manage },
  };
}

export function presentMe(view: AccountView, unitNames: Map<string, string>, actor: Actor) {
  const u = view.user;
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    email: u.email,
    mustChangePassword: u.mustChangePassword,
    memberships: presentMemberships(view, unitNames),
    permissions: actions().filter((a) => holds(actor, a)),
  };
}
