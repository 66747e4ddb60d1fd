// The fields of an organisation that leave the server, with what the current user may do with it.
import { can, type Actor } from '../../platform/access.ts';
import type { OrganisationRow } from './organisations.tables.ts';
import { ORGANISATION_MANAGE } from './organisations.policy.ts';
import type { Kind } from './organisations.service.ts';

export function presentOrganisation(row: OrganisationRow, unitNames: Map<string, string>, actor: Actor) {
  const manage = can(actor, ORGANISATION_MANAGE, row);
  return {
    id: row.id,
    unitCode: row.unitCode,
    unitName: unitNames.get(row.unitCode) ?? row.unitCode,
    parentId: row.parentId,
    kind: row.kind as Kind,
    name: row.name,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    abilities: { update: manage, deactivate: manage },
  };
}
