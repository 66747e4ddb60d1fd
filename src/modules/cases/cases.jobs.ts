// The daily deadline check: cases due soon or overdue notify their handler and the leaders of the responsible unit.
import type { AppContext } from '../../platform/http.ts';
import type { JobDef } from '../../platform/jobs.ts';
import { newId } from '../../platform/ids.ts';
import { officialsHolding, type Holder } from '../accounts/index.ts';
import * as repo from './cases.repository.ts';
import { soonUntil } from './cases.deadlines.ts';

const vnDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

export async function scanDeadlines(ctx: AppContext, today: string): Promise<{ cases: number; notifications: number }> {
  const until = await soonUntil(ctx, today);
  const due = await repo.dueBy(ctx.database.db, until);
  const leaders = new Map<string, Holder[]>();
  const rows: Parameters<typeof repo.insertNotifications>[1] = [];
  for (const c of due) {
    if (!leaders.has(c.responsibleUnitPath)) leaders.set(c.responsibleUnitPath, await officialsHolding(ctx, 'leader', c.responsibleUnitPath, true));
    const overdue = c.dueOn! < today;
    const title = overdue ? `Vụ việc số ${c.number} đã quá hạn (hạn ${vnDate(c.dueOn!)})` : `Vụ việc số ${c.number} sắp đến hạn ${vnDate(c.dueOn!)}`;
    const users = new Set([...(c.handlerId ? [c.handlerId] : []), ...leaders.get(c.responsibleUnitPath)!.map((l) => l.id)]);
    for (const userId of users) rows.push({ id: newId(), userId, caseId: c.id, kind: overdue ? 'overdue' : 'due_soon', title, day: today });
  }
  let notifications = 0;
  for (let i = 0; i < rows.length; i += 500) notifications += await repo.insertNotifications(ctx.database.db, rows.slice(i, i + 500));
  return { cases: due.length, notifications };
}

export const caseJobs = (ctx: AppContext): JobDef[] => [
  { name: 'cases.deadline-scan', run: (day) => scanDeadlines(ctx, day) },
];
