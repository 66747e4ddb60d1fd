// Column types shared by every module's Drizzle tables.
import { customType } from 'drizzle-orm/pg-core';

/** PostgreSQL ltree: a unit's place in the tree, "VN.01.00004". */
export const ltree = customType<{ data: string }>({ dataType: () => 'ltree' });
