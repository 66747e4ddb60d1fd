// Use cases of social critique (phản biện xã hội): a draft received by a Front organisation, its critique sessions
// (conference, written comments, dialogue) with the opinions raised, and the drafting body's response to each opinion
// (taken in, partly taken in, explained), recorded by the drafting body's officials or by the Front.
import { can, type Actor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { todayVN } from '../../platform/clock.ts';
import { denied, fail, ok, type AppContext, type Outcome } from '../../platform/http.ts';
import { newId } from '../../platform/ids.ts';
import * as repo from './supervision.repository.ts';
import { CRITIQUE_RESPOND, SUPERVISION_MANAGE, SUPERVISION_READ } from './supervision.policy.ts';
import { FIRST_DAY } from './supervision.rules.ts';
import type { DraftBody, ListQuery, OpinionsBody, ResponsesBody, SessionBody } from './supervision.schemas.ts';
import type { DraftRow, OpinionRow, SessionRow } from './supervision.tables.ts';
import { activeOrganisation, audit, checkDay, frontOrganisation, inTx, listedUnit } from './supervision.common.ts';

/** May the actor record the drafting body's responses: its own officials, or the Front that critiques. */
export function mayRespond(actor: Actor, d: DraftRow): boolean {
  return can(actor, SUPERVISION_MANAGE, d) || Boolean(d.draftingUnitPath && can(actor, CRITIQUE_RESPOND, { unitPath: d.draftingUnitPath }));
}

/** May the actor see the draft: the Front's readers, or the drafting body's officials. */
export function mayRead(actor: Actor, d: DraftRow): boolean {
  return can(actor, SUPERVISION_READ, d) || mayRespond(actor, d);
}

export async function listDrafts(ctx: AppContext, actor: Actor, q: ListQuery): Promise<Outcome<DraftRow[]>> {
  const f = await listedUnit(ctx, actor, [SUPERVISION_READ, SUPERVISION_MANAGE, CRITIQUE_RESPOND], q.unit, q);
  if (!f.ok) return f;
  const rows = await repo.draftsOf(ctx.database.db, f.value);
  return ok(rows.filter((d) => mayRead(actor, d)));
}

/** A draft the actor may see; any other is reported as not found. */
async function visibleDraft(ctx: AppContext, actor: Actor, id: string, action: string): Promise<Outcome<DraftRow>> {
  const d = await repo.findDraft(ctx.database.db, id);
  if (!d) return fail('critique_draft_not_found');
  if (!mayRead(actor, d)) return denied('critique_draft_not_found', { action, unitPath: d.unitPath, unitCode: d.unitCode, targetType: 'critique_draft', targetId: id });
  return ok(d);
}

/** A draft whose sessions and opinions the actor may write (the Front organisation's side). */
async function manageableDraft(ctx: AppContext, actor: Actor, id: string): Promise<Outcome<DraftRow>> {
  const found = await visibleDraft(ctx, actor, id, SUPERVISION_MANAGE);
  if (!found.ok) return found;
  const d = found.value;
  if (!can(actor, SUPERVISION_MANAGE, d)) return denied('forbidden', { action: SUPERVISION_MANAGE, unitPath: d.unitPath, unitCode: d.unitCode, targetType: 'critique_draft', targetId: id });
  return ok(d);
}

export async function createDraft(ctx: AppContext, actor: Actor, body: DraftBody, ip?: string): Promise<Outcome<DraftRow>> {
  const front = await frontOrganisation(ctx, actor, SUPERVISION_MANAGE, body.organisationId);
  if (!front.ok) return front;
  const { org, unit } = front.value;
  let drafting = null;
  if (body.draftingOrganisationId) {
    const found = await activeOrganisation(ctx, body.draftingOrganisationId, 'critique_drafting_invalid');
    if (!found.ok) return found;
    drafting = found.value;
  }
  const draftingBodyName = body.draftingBodyName ?? drafting?.name;
  if (!draftingBodyName) return fail('critique_drafting_required');
  if (body.receivedOn < FIRST_DAY || body.receivedOn > todayVN()) return fail('critique_received_invalid', { value: body.receivedOn });
  return inTx(ctx, async (tx) => {
    const d = await repo.insertDraft(tx, {
      id: newId(), unitCode: unit.code, unitPath: unit.path, level: unit.level, organisationId: org.id, title: body.title,
      draftingOrganisationId: drafting?.id ?? null, draftingBodyName, draftingUnitCode: drafting?.unitCode ?? null, draftingUnitPath: drafting?.unitPath ?? null,
      receivedOn: body.receivedOn, summary: body.summary ?? null, createdBy: actor.userId,
    });
    await recordAudit(tx, audit(actor, d, 'critique.draft.created', 'critique_draft', d.id, ip, { title: d.title, draftingOrganisationId: d.draftingOrganisationId }));
    return ok(d);
  });
}

const opinionRows = (sessionId: string, first: number, opinions: { content: string }[]) =>
  opinions.map((o, i) => ({ id: newId(), sessionId, seq: first + i, content: o.content }));

export async function addSession(ctx: AppContext, actor: Actor, draftId: string, body: SessionBody, ip?: string): Promise<Outcome<{ session: SessionRow; opinions: OpinionRow[] }>> {
  const found = await manageableDraft(ctx, actor, draftId);
  if (!found.ok) return found;
  const d = found.value;
  const day = checkDay(body.heldOn, 'today');
  if (!day.ok) return day;
  if (body.heldOn < d.receivedOn) return fail('critique_before_received', { value: body.heldOn, received: d.receivedOn });
  return inTx(ctx, async (tx) => {
    await repo.findDraft(tx, draftId, true);
    const session = await repo.insertSession(tx, {
      id: newId(), draftId, form: body.form, heldOn: body.heldOn, place: body.place ?? null, participants: body.participants ?? null,
      unitPath: d.unitPath, level: d.level,
    });
    const opinions = await repo.insertOpinions(tx, opinionRows(session.id, 1, body.opinions));
    await recordAudit(tx, audit(actor, d, 'critique.session.created', 'critique_session', session.id, ip, { draftId, form: session.form, heldOn: session.heldOn, opinions: opinions.length }));
    return ok({ session, opinions });
  });
}

export async function addOpinions(ctx: AppContext, actor: Actor, sessionId: string, body: OpinionsBody, ip?: string): Promise<Outcome<OpinionRow[]>> {
  const session = await repo.findSession(ctx.database.db, sessionId);
  if (!session) return fail('critique_session_not_found');
  const found = await manageableDraft(ctx, actor, session.draftId);
  if (!found.ok) return found.reason === 'critique_draft_not_found' ? { ...found, reason: 'critique_session_not_found' } : found;
  const d = found.value;
  return inTx(ctx, async (tx) => {
    await repo.findDraft(tx, d.id, true);
    const first = await repo.nextOpinionSeq(tx, sessionId);
    const opinions = await repo.insertOpinions(tx, opinionRows(sessionId, first, body.opinions));
    await recordAudit(tx, audit(actor, d, 'critique.opinions.added', 'critique_session', sessionId, ip, { draftId: d.id, opinions: opinions.length }));
    return ok(opinions);
  });
}

/** The drafting body's responses to opinions of one draft: every opinion must be the draft's, every day plausible; all or nothing. */
export async function respond(ctx: AppContext, actor: Actor, draftId: string, body: ResponsesBody, ip?: string): Promise<Outcome<DraftRow>> {
  const found = await visibleDraft(ctx, actor, draftId, CRITIQUE_RESPOND);
  if (!found.ok) return found;
  const d = found.value;
  if (!mayRespond(actor, d)) {
    return denied('forbidden', { action: CRITIQUE_RESPOND, unitPath: d.draftingUnitPath ?? d.unitPath, unitCode: d.draftingUnitCode ?? d.unitCode, targetType: 'critique_draft', targetId: draftId });
  }
  const sessions = new Map((await repo.sessionsOf(ctx.database.db, [draftId])).map((s) => [s.id, s]));
  const opinions = new Map((await repo.opinionsOf(ctx.database.db, [...sessions.keys()])).map((o) => [o.id, o]));
  const seen = new Set<string>();
  for (const item of body.items) {
    const o = opinions.get(item.opinionId);
    if (!o) return fail('critique_opinion_unknown', { id: item.opinionId });
    if (seen.has(o.id)) return fail('critique_opinion_repeated', { seq: o.seq });
    seen.add(o.id);
    const day = checkDay(item.respondedOn, 'today');
    if (!day.ok) return day;
    const heldOn = sessions.get(o.sessionId)!.heldOn;
    if (item.respondedOn < heldOn) return fail('critique_response_before_session', { value: item.respondedOn, held: heldOn });
  }
  return inTx(ctx, async (tx) => {
    await repo.findDraft(tx, draftId, true);
    for (const item of body.items) {
      await repo.updateOpinion(tx, item.opinionId, { response: item.response, responseNote: item.note ?? null, respondedOn: item.respondedOn });
    }
    await recordAudit(tx, audit(actor, d, 'critique.responses.recorded', 'critique_draft', draftId, ip, {
      responses: body.items.map((i) => ({ opinionId: i.opinionId, response: i.response })),
    }));
    return ok(d);
  });
}
