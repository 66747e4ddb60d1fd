// Request and response schemas of the organisations API.
import { z } from 'zod';
import { id, text } from '../../platform/schemas.ts';
import { KINDS } from './organisations.service.ts';

const boolFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const organisation = z.object({
  id: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(KINDS),
  name: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  abilities: z.object({ update: z.boolean(), deactivate: z.boolean() }),
}).meta({ id: 'Organisation' });

export const listQuery = z.strictObject({
  unit: z.string().min(1).max(16).optional().meta({ description: 'Unit code; default: every organisation in the caller\'s scope.' }),
  subtree: boolFlag.default(false).meta({ description: 'Include the units below.' }),
  includeInactive: boolFlag.default(false),
});
export const createBody = z.strictObject({
  unitCode: z.string().min(1).max(16),
  kind: z.enum(KINDS),
  name: text(200),
  parentId: id.nullable().optional(),
});
export const renameBody = z.strictObject({ name: text(200) });
export const idParams = z.strictObject({ id });
export const organisationList = z.object({ items: z.array(organisation) });
