// Nests a flat organisation list by parentId for the tree table, names in Vietnamese order at every level.
import type { Organisation } from '../../api/types.ts';
import { byName } from '../../shared/format.ts';

export interface OrganisationRow extends Organisation {
  children?: OrganisationRow[];
}

export function nestOrganisations(items: Organisation[]): OrganisationRow[] {
  const rows = new Map<string, OrganisationRow>(items.map((o) => [o.id, { ...o }]));
  const roots: OrganisationRow[] = [];
  for (const row of rows.values()) {
    const parent = row.parentId ? rows.get(row.parentId) : undefined;
    // A parent outside the list (another unit, or hidden because inactive) leaves the row at the top.
    if (parent) (parent.children ??= []).push(row);
    else roots.push(row);
  }
  const sort = (list: OrganisationRow[]) => {
    list.sort(byName);
    for (const row of list) if (row.children) sort(row.children);
  };
  sort(roots);
  return roots;
}

/** Keys of every row that has children, to show the whole tree open. */
export function parentKeys(rows: OrganisationRow[]): string[] {
  return rows.flatMap((row) => (row.children ? [row.id, ...parentKeys(row.children)] : []));
}
