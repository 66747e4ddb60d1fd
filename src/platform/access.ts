// Permissions: who may do which action to a record, from the actor's roles and the unit scope of each role.
// Deny by default. Modules declare their rules (action → roles); one function answers every question.

export const ROLES = ['admin', 'leader', 'handler', 'reception', 'danvan', 'mttq', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** One role held through one organisation, which sits in a unit; the role reaches that unit's subtree. */
export interface Grant { role: Role; organisationId: string; unitCode: string; unitPath: string }

export interface Actor {
  userId: string;
  username: string;
  fullName: string;
  grants: Grant[];
  sessionId?: string;
}

/** A record as permissions see it: where it sits in the unit tree. */
export interface Scoped { unitPath: string }

const rules = new Map<string, ReadonlySet<Role>>();

/** Registers a module's policy table. An action may be declared once. */
export function definePolicy(table: Record<string, readonly Role[]>): void {
  for (const [action, roles] of Object.entries(table)) {
    if (rules.has(action)) throw new Error(`Policy for "${action}" declared twice`);
    rules.set(action, new Set(roles));
  }
}

export function policyTable(): Record<string, Role[]> {
  return Object.fromEntries([...rules].map(([a, r]) => [a, [...r]]));
}

/** True when path lies in the subtree rooted at scope (ltree semantics: label by label). */
export function isWithin(path: string, scope: string): boolean {
  return path === scope || path.startsWith(`${scope}.`);
}

function rolesFor(action: string): ReadonlySet<Role> {
  const roles = rules.get(action);
  if (!roles) throw new Error(`Unknown action "${action}"`);
  return roles;
}

/** May this actor do this action to this record? */
export function can(actor: Actor | null | undefined, action: string, record: Scoped): boolean {
  if (!actor) return false;
  const roles = rolesFor(action);
  return actor.grants.some((g) => roles.has(g.role) && isWithin(record.unitPath, g.unitPath));
}

/**
 * The unit subtrees in which the actor may do the action, smallest set (nested scopes dropped),
 * for list queries that filter with one `path <@ any(scopes)` predicate.
 */
export function scopesFor(actor: Actor | null | undefined, action: string): string[] {
  if (!actor) return [];
  const roles = rolesFor(action);
  const paths = [...new Set(actor.grants.filter((g) => roles.has(g.role)).map((g) => g.unitPath))].sort();
  return paths.filter((p) => !paths.some((q) => q !== p && isWithin(p, q)));
}

/** Does the actor hold the action anywhere at all (used to show menu items)? */
export function holds(actor: Actor | null | undefined, action: string): boolean {
  return scopesFor(actor, action).length > 0;
}

export function actions(): string[] {
  return [...rules.keys()];
}

/** Where an actor's own events belong in the audit log: the unit of its first role. */
export function homeOf(actor: Actor): { unitPath: string; unitCode: string } {
  const g = actor.grants[0];
  return g ? { unitPath: g.unitPath, unitCode: g.unitCode } : { unitPath: 'VN', unitCode: 'VN' };
}
