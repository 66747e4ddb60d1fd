// How dialogue recommendations follow their cases: the case names the conference it came from, and its answer or
// closing resolves the recommendation (a reopening or an appeal puts it back in progress). Called by the cases module
// inside the event's transaction, so the results page never disagrees with the case.
import { todayVN } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/http.ts';
import type { Executor } from '../../db/database.ts';
import { unitNames } from '../units/index.ts';
import { onCaseEvent, registerOriginResolver, type CaseRow, type OriginView } from '../cases/index.ts';
import * as repo from './dialogue.repository.ts';

/** A case event seen from the recommendation it follows. */
export async function followCase(ctx: AppContext, tx: Executor, c: CaseRow, e: { type: string; at: Date; data: Record<string, unknown> }): Promise<void> {
  if (c.originType !== 'dialogue') return;
  const r = await repo.recommendationByCase(tx, c.id);
  if (!r) return;
  const day = todayVN(e.at);
  switch (e.type) {
    case 'answered':
      await repo.updateRecommendation(tx, r.id, { status: 'resolved', resolvedOn: day, answer: c.answer });
      return;
    case 'closed':
      if (r.status !== 'resolved') await repo.updateRecommendation(tx, r.id, { status: 'resolved', resolvedOn: day, answer: c.answer ?? r.answer });
      return;
    case 'reopened':
    case 'appealed':
      await repo.updateRecommendation(tx, r.id, { status: 'in_progress', resolvedOn: null, answer: null });
      return;
    case 'transferred': {
      // Moved to another unit in the system: the results page names who now answers it.
      const to = typeof e.data.toUnitCode === 'string' ? e.data.toUnitCode : null;
      if (to) await repo.updateRecommendation(tx, r.id, { answeredBy: (await unitNames(ctx, [to])).get(to) ?? r.answeredBy });
      return;
    }
    default:
  }
}

/** The case page's "Từ hội nghị đối thoại: …" link: the conference's topic, date and console page. */
async function resolveOrigins(ctx: AppContext, ids: string[]): Promise<Map<string, OriginView>> {
  const rows = await repo.originsOf(ctx.database.db, ids);
  return new Map(rows.map((r) => [r.id, { title: r.topic, on: r.heldOn, path: `/dialogue/${r.conferenceId}` }]));
}

onCaseEvent(followCase);
registerOriginResolver('dialogue', resolveOrigins);
