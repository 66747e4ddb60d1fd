// Recommendations of a supervision as cases: each is raised as a case (kind kiến nghị, channel giám sát) addressed to
// the supervised body and linked back to the supervision; the supervised body's answer and the case's closing are
// carried back to the recommendation as they happen, in the case event's own transaction.
import type { Actor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { todayVN } from '../../platform/clock.ts';
import { ok, type AppContext, type Outcome } from '../../platform/http.ts';
import { newId } from '../../platform/ids.ts';
import type { Executor } from '../../db/database.ts';
import { createCaseFrom, onCaseEvent, registerOriginResolver, type CaseRow } from '../cases/index.ts';
import { organisationsByIds } from '../organisations/index.ts';
import * as repo from './supervision.repository.ts';
import { SUPERVISION_FORM_NAMES, type SupervisionForm } from './supervision.rules.ts';
import type { RecordBody } from './supervision.schemas.ts';
import type { SupervisionRecommendationRow, VisitRow } from './supervision.tables.ts';
import { audit } from './supervision.common.ts';

/** The start of a text, cut at a word, for a case title. */
function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

const vnDate = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** Writes the recommendations of a recorded visit and their cases on the caller's transaction (ctx bound to tx). */
export async function raiseCases(ctx: AppContext, tx: Executor, actor: Actor, visit: VisitRow, recommendations: RecordBody['recommendations']): Promise<Outcome<SupervisionRecommendationRow[]>> {
  if (recommendations.length === 0) return ok([]);
  const [subject] = await organisationsByIds(ctx, [visit.subjectOrganisationId!]);
  const rows = [];
  for (const [i, r] of recommendations.entries()) {
    const source = `Kiến nghị của ${visit.supervisorName} sau giám sát "${visit.topic}" (${SUPERVISION_FORM_NAMES[visit.form as SupervisionForm] ?? visit.form}, kết thúc ngày ${vnDate(visit.endedOn!)}).`;
    const made = await createCaseFrom(ctx, tx, actor, {
      kind: 'kien_nghi', fieldCode: r.fieldCode, title: excerpt(r.content, 200), content: `${r.content}\n\n${source}`,
      receivedOn: visit.endedOn!, receivingUnitCode: subject.unitCode, responsibleUnitCode: subject.unitCode, placeUnitCode: subject.unitCode,
      dueOn: r.dueOn ?? null,
    }, { type: 'supervision', id: visit.id });
    if (!made.ok) return made;
    rows.push({
      id: newId(), visitId: visit.id, seq: i + 1, fieldCode: made.value.fieldCode, content: r.content, status: 'in_progress',
      caseId: made.value.id, dueOn: made.value.dueOn, raisedOn: visit.endedOn!, unitPath: visit.unitPath, level: visit.level,
    });
  }
  return ok(await repo.insertRecommendations(tx, rows));
}

/** The supervised body answered, the case was closed or reopened: the recommendation follows. */
async function followCase(tx: Executor, c: CaseRow, type: string): Promise<void> {
  if (c.originType !== 'supervision' || !['answered', 'closed', 'reopened'].includes(type)) return;
  const r = await repo.recommendationOfCase(tx, c.id);
  if (!r) return;
  const today = todayVN();
  const patch = type === 'answered' ? { status: 'answered', answer: c.answer, answeredOn: c.answeredOn ?? today, resolvedOn: null }
    : type === 'closed' ? { status: 'resolved', resolvedOn: today, answer: r.answer ?? c.answer, answeredOn: r.answeredOn ?? c.answeredOn }
      : { status: 'in_progress', answer: null, answeredOn: null, resolvedOn: null };
  await repo.updateRecommendation(tx, r.id, patch);
  const visit = await repo.findVisit(tx, r.visitId);
  if (visit) {
    await recordAudit(tx, audit(null, visit, `supervision.recommendation.${patch.status}`, 'supervision_recommendation', r.id, undefined, { caseId: c.id, visitId: visit.id }));
  }
}

// Registered once, when the module loads.
onCaseEvent((_ctx, tx, c, e) => followCase(tx, c, e.type));
registerOriginResolver('supervision', async (ctx, ids) => {
  const visits = await repo.visitsByIds(ctx.database.db, ids);
  return new Map(visits.map((v) => [v.id, { title: v.topic, on: v.endedOn ?? v.startedOn, path: `/supervision?unit=${encodeURIComponent(v.unitCode)}&visit=${v.id}` }]));
});
