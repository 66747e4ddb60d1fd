// The append-only audit log of security-relevant actions: writing it, and reading it within a scope.
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, jsonb } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/database.ts';
import { newId } from './ids.ts';
import { ltree } from '../db/types.ts';

export const auditEvent = pgTable('audit_event', {
  id: uuid('id').primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  action: text('action').notNull(),
  outcome: text('outcome').notNull(),
  actorId: uuid('actor_id'),
  actorName: text('actor_name'),
  unitCode: text('unit_code'),
  unitPath: ltree('unit_path').notNull(),
  targetType: text('target_type'),
  targetId: text('target_id'),
  ip: text('ip'),
  detail: jsonb('detail').notNull().$type<Record<string, unknown>>(),
});

export type AuditRow = typeof auditEvent.$inferSelect;

export interface AuditInput {
  action: string;
  outcome?: 'success' | 'failure' | 'denied';
  actorId?: string | null;
  actorName?: string | null;
  /** Where the event belongs: who may read it. Events with no unit go to the root (central auditors). */
  unitCode?: string | null;
  unitPath?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
}

/** Appends one event; pass the transaction of the change it records so both land or neither. */
export async function recordAudit(executor: Executor, e: AuditInput): Promise<void> {
  await executor.insert(auditEvent).values({
    id: newId(),
    action: e.action,
    outcome: e.outcome ?? 'success',
    actorId: e.actorId ?? null,
    actorName: e.actorName ?? null,
    // A unit's code is the last label of its path.
    unitCode: e.unitCode ?? (e.unitPath ?? 'VN').split('.').pop()!,
    unitPath: e.unitPath ?? 'VN',
    targetType: e.targetType ?? null,
    targetId: e.targetId ?? null,
    ip: e.ip ?? null,
    detail: e.detail ?? {},
  });
}

export interface AuditQuery { scopes: string[]; from?: string; to?: string; action?: string; before?: string; limit: number }

/** Events within the given unit subtrees, newest first; from/to are Vietnam calendar days, before is a cursor id. */
export async function listAudit(executor: Executor, q: AuditQuery): Promise<AuditRow[]> {
  if (q.scopes.length === 0) return [];
  const where: SQL[] = [sql`${auditEvent.unitPath} <@ array[${sql.join(q.scopes.map((s) => sql`${s}`), sql`, `)}]::ltree[]`];
  if (q.from) where.push(gte(auditEvent.at, sql`(${q.from}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'`));
  if (q.to) where.push(lt(auditEvent.at, sql`((${q.to}::date) + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'`));
  if (q.action) where.push(eq(auditEvent.action, q.action));
  if (q.before) where.push(lt(auditEvent.id, q.before));
  return executor.select().from(auditEvent).where(and(...where)).orderBy(desc(auditEvent.id)).limit(q.limit);
}
