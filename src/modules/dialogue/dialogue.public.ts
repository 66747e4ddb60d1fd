// What residents read without signing in: the calendar of published conferences and each one's results.
import { todayVN } from '../../platform/clock.ts';
import { fail, ok, type AppContext, type Outcome } from '../../platform/http.ts';
import { getUnit } from '../units/index.ts';
import * as repo from './dialogue.repository.ts';
import type { ConferenceRow } from './dialogue.tables.ts';
import { addDays } from './dialogue.rules.ts';

const MAX_ITEMS = 300;

export async function publicCalendar(ctx: AppContext, q: { unit?: string; from?: string; to?: string }): Promise<Outcome<ConferenceRow[]>> {
  const today = todayVN();
  const from = q.from ?? addDays(today, -366);
  const to = q.to ?? addDays(today, 366);
  if (to < from || to > addDays(from, 800)) return fail('validation_failed');
  let unitPath: string | undefined;
  if (q.unit) {
    const view = await getUnit(ctx, q.unit);
    if (!view) return fail('unit_not_found', { code: q.unit });
    unitPath = view.unit.path;
  }
  return ok(await repo.publicConferences(ctx.database.db, { unitPath, from, to, limit: MAX_ITEMS }));
}

/** A published conference that was planned or held; any other is not found. */
export async function publicConference(ctx: AppContext, id: string): Promise<Outcome<ConferenceRow>> {
  const c = await repo.findConference(ctx.database.db, id);
  if (!c || !c.published || c.status === 'not_held') return fail('conference_not_found');
  return ok(c);
}
