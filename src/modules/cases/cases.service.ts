// Use cases of the case core: register, read, list, and every workflow event, each in one transaction with its log entry.
import { can, isWithin, scopesFor, type Actor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { todayVN, addDays } from '../../platform/clock.ts';
import { denied, fail, ok, type AppContext, type Outcome } from '../../platform/http.ts';
import { newId } from '../../platform/ids.ts';
import { inTx as runInTx, within } from '../../platform/transaction.ts';
import { foldKey } from '../../platform/text.ts';
import type { Executor } from '../../db/database.ts';
import { getUnit, unitInForce, type UnitRow } from '../units/index.ts';
import { officialsHolding } from '../accounts/index.ts';
import { organisationsCovering } from '../organisations/index.ts';
import * as repo from './cases.repository.ts';
import { dueBy, extendBy, soonUntil } from './cases.deadlines.ts';
import { MissingKey, openIdentity, personKeys, resealCase, sealIdentity } from './cases.identity.ts';
import type { CaseInsert, CaseRow, EventRow, PetitionerData } from './cases.tables.ts';
import type { CreateBody, EventBody } from './cases.schemas.ts';
import type { CaseOrigin } from './cases.origin.ts';
import {
  CASE_CREATE, CASE_READ, CASE_UNSEAL, EVENT_NAMES, FINAL_STATES, KIND_NAMES, MAX_DENUNCIATION_EXTENSIONS, STATE_NAMES,
  intakeRule, possibleEvents, resolutionRule, transitionFor, type EventType, type Kind, type State, type Transition,
} from './cases.workflow.ts';

const searchKeyOf = (number: string, title: string, content: string) => foldKey(`${number} ${title} ${content}`);
const hasIdentity = (p: PetitionerData) => Boolean(p.name && p.address);

async function unitOrFail(ctx: AppContext, code: string): Promise<Outcome<UnitRow>> {
  const unit = await unitInForce(ctx, code);
  if (unit) return ok(unit);
  return (await getUnit(ctx, code)) ? fail('unit_not_in_force', { code }) : fail('unit_not_found', { code });
}

async function activeField(ctx: AppContext, code: string): Promise<Outcome<string>> {
  const f = await repo.field(ctx.database.db, code);
  return f?.active ? ok(f.code) : fail('field_not_found', { code });
}

/** Group visits: 5–10 people send 1–2 representatives; more than 10 send at most 5 (NĐ 124/2020 Art 7). */
export function representativesAllowed(headCount: number): [number, number] {
  return headCount <= 10 ? [1, 2] : [1, 5];
}

/** A unit without a sealing key is a named failure, not a crash. */
const missingKey = (err: unknown) => (err instanceof MissingKey ? fail('seal_key_missing', { code: err.unitCode }) : null);
const inTx = <T>(ctx: AppContext, fn: (tx: Executor, ctx: AppContext) => Promise<Outcome<T>>) => runInTx(ctx, fn, missingKey);

/** What every new case needs, whoever sends it: a place in force, an active field, and an identity where the law asks one. */
async function checkIntake(ctx: AppContext, input: { kind: Kind; fieldCode: string; place: { unitCode: string }; petitioner: PetitionerData }) {
  const place = await unitOrFail(ctx, input.place.unitCode);
  if (!place.ok) return place;
  const field = await activeField(ctx, input.fieldCode);
  if (!field.ok) return field;
  if (input.kind === 'khieu_nai' && !hasIdentity(input.petitioner)) return fail('complaint_needs_identity');
  if (input.kind === 'to_cao' && !hasIdentity(input.petitioner)) return fail('denunciation_needs_identity');
  return ok({ place, field });
}

export async function createCase(ctx: AppContext, actor: Actor, input: CreateBody, ip?: string): Promise<Outcome<CaseRow>> {
  const today = todayVN();
  const receivedOn = input.receivedOn ?? today;
  if (receivedOn > today || receivedOn < addDays(today, -366)) return fail('received_on_invalid', { value: receivedOn });
  const receivingCode = input.receivingUnitCode ?? actor.grants.find((g) => g.role === 'reception' || g.role === 'handler')?.unitCode;
  if (!receivingCode) return denied('forbidden', { action: CASE_CREATE, unitPath: 'VN' });
  const receiving = await unitOrFail(ctx, receivingCode);
  if (!receiving.ok) return receiving;
  if (!can(actor, CASE_CREATE, { unitPath: receiving.value.path })) {
    return denied('forbidden', { action: CASE_CREATE, unitPath: receiving.value.path, unitCode: receiving.value.code, targetType: 'unit', targetId: receiving.value.code });
  }
  const checked = await checkIntake(ctx, input);
  if (!checked.ok) return checked;
  const { place, field: fieldOk } = checked.value;
  const p = input.petitioner;
  if (input.mass) {
    const [min, max] = representativesAllowed(input.mass.headCount);
    const n = input.mass.representatives.length;
    if (n < min || n > max) return fail('mass_representatives', { count: input.mass.headCount, allowed: min === max ? `${min}` : `${min}–${max}` });
  }
  if (input.dueOn) {
    if (input.kind !== 'kien_nghi' && input.kind !== 'phan_anh') return fail('due_not_allowed');
    if (input.dueOn < today) return fail('due_in_past', { value: input.dueOn });
  }
  if ((input.channel === 'transfer') !== Boolean(input.transferredFrom)) return fail('transfer_source_required');

  return inTx(ctx, (tx, ctx) => insertNew(ctx, tx, {
    kind: input.kind, channel: input.channel, fieldCode: fieldOk.value, title: input.title, content: input.content, receivedOn,
    complex: input.complex, place: place.value, placeInput: input.place, receiving: receiving.value, petitioner: p, mass: input.mass,
    eventData: { dueOn: input.dueOn ?? null, transferredFrom: input.transferredFrom ?? null },
  }, { id: actor.userId, name: actor.fullName }, ip));
}

interface NewCase {
  kind: Kind; channel: string; fieldCode: string; title: string; content: string; receivedOn: string; complex: boolean;
  place: UnitRow; placeInput: { address?: string; lat?: number; lng?: number }; receiving: UnitRow; petitioner: PetitionerData;
  mass?: { headCount: number; representatives: { name: string; phone?: string }[] }; eventData: Record<string, unknown>;
  /** Who must answer, when not the receiving unit itself (a recommendation addressed to its owner). */
  responsible?: UnitRow;
  origin?: CaseOrigin;
}

/** Writes a new case and its 'received' event on the transaction (identity sealed for a denunciation). */
async function insertNew(ctx: AppContext, tx: Executor, n: NewCase, by: { id: string | null; name: string }, ip?: string): Promise<Outcome<CaseRow>> {
  const year = Number(n.receivedOn.slice(0, 4));
  const seq = await repo.nextNumber(tx, n.receiving.code, year);
  const number = `${seq}/${year}`;
  const id = newId();
  const confidential = n.kind === 'to_cao';
  const intake = await dueBy(ctx, intakeRule(n.kind, n.complex), n.receivedOn);
  const row = await repo.insertCase(tx, {
    id, number, year, kind: n.kind, channel: n.channel, fieldCode: n.fieldCode, title: n.title, content: n.content,
    state: 'received', complex: n.complex, remote: n.place.remoteArea || n.receiving.remoteArea || Boolean(n.responsible?.remoteArea),
    placeUnitCode: n.place.code, placeAddress: n.placeInput.address ?? null, placeLat: n.placeInput.lat ?? null, placeLng: n.placeInput.lng ?? null,
    receivingUnitCode: n.receiving.code, receivingUnitPath: n.receiving.path,
    responsibleUnitCode: (n.responsible ?? n.receiving).code, responsibleUnitPath: (n.responsible ?? n.receiving).path,
    originType: n.origin?.type ?? null, originId: n.origin?.id ?? null,
    receivedOn: n.receivedOn, dueOn: intake.dueOn, dueRule: intake.rule.id,
    mass: Boolean(n.mass), headCount: n.mass?.headCount ?? null, representatives: n.mass?.representatives ?? [],
    confidential, petitioner: confidential ? null : stripEmpty(n.petitioner), petitionerKeys: personKeys(ctx, n.petitioner),
    searchKey: searchKeyOf(number, n.title, n.content),
  });
  if (confidential) await sealIdentity(ctx, tx, id, n.receiving.code, n.petitioner);
  await repo.appendEvent(tx, {
    id: newId(), caseId: id, type: 'received', stateAfter: 'received', actorId: by.id, actorName: by.name, reason: null,
    data: { kind: n.kind, channel: n.channel, fieldCode: n.fieldCode, receivedOn: n.receivedOn, ...n.eventData, ip: ip ?? null },
  });
  return ok(row);
}

/** A recommendation raised by another activity, addressed to the unit that must answer it. */
export interface OriginIntake {
  kind: 'kien_nghi' | 'phan_anh';
  fieldCode: string;
  title: string;
  content: string;
  /** The day it was raised (the conference or the visit); not after today nor more than a year ago. */
  receivedOn: string;
  receivingUnitCode: string;
  responsibleUnitCode: string;
  placeUnitCode: string;
  /** The answer deadline set by the unit; default: the 'recommendation' rule counted from receipt (or from today once that has passed). */
  dueOn?: string | null;
}

/**
 * A case raised by a dialogue conference or a supervision visit, written on the caller's transaction (`ctx` bound to
 * `tx`) so it exists exactly when the caller's record does. The caller has authorised its own action; the case's first
 * event names the actor. The channel is the origin's type; the case links back through (origin_type, origin_id).
 * Never reachable from an HTTP body: only modules call it.
 */
export async function createCaseFrom(ctx: AppContext, tx: Executor, actor: Actor, input: OriginIntake, origin: CaseOrigin): Promise<Outcome<CaseRow & { dueOn: string }>> {
  const today = todayVN();
  if (input.receivedOn > today || input.receivedOn < addDays(today, -366)) return fail('received_on_invalid', { value: input.receivedOn });
  const receiving = await unitOrFail(ctx, input.receivingUnitCode);
  if (!receiving.ok) return receiving;
  const responsible = await unitOrFail(ctx, input.responsibleUnitCode);
  if (!responsible.ok) return responsible;
  const checked = await checkIntake(ctx, { kind: input.kind, fieldCode: input.fieldCode, place: { unitCode: input.placeUnitCode }, petitioner: {} });
  if (!checked.ok) return checked;
  let dueOn = input.dueOn ?? null;
  if (dueOn && dueOn < today) return fail('due_in_past', { value: dueOn });
  if (!dueOn) {
    const counted = await dueBy(ctx, 'recommendation', input.receivedOn);
    dueOn = counted.dueOn >= today ? counted.dueOn : (await dueBy(ctx, 'recommendation', today)).dueOn;
  }
  const row = await insertNew(ctx, tx, {
    kind: input.kind, channel: origin.type, fieldCode: checked.value.field.value, title: input.title, content: input.content,
    receivedOn: input.receivedOn, complex: false, place: checked.value.place.value, placeInput: {}, receiving: receiving.value,
    responsible: responsible.value, petitioner: {}, origin,
    eventData: { dueOn, origin: { type: origin.type, id: origin.id } },
  }, { id: actor.userId, name: actor.fullName });
  return row.ok ? ok({ ...row.value, dueOn }) : row;
}

export interface PublicIntake {
  kind: Kind; fieldCode: string; title: string; content: string;
  place: { unitCode: string; address?: string; lat?: number; lng?: number }; petitioner: PetitionerData;
}

/**
 * A case sent by a resident (portal, Open311): no signed-in actor. It is received by the nearest unit on the place's
 * path that has an organisation to receive it. `inside` runs in the same transaction once the case is written, so the
 * caller's own rows (tracking code, messages to send) exist exactly when the case does.
 */
export async function receivePublicCase(
  ctx: AppContext, input: PublicIntake, meta: { via: string; ip?: string; source?: string | null },
  inside?: (ctx: AppContext, tx: Executor, row: CaseRow) => Promise<void>,
): Promise<Outcome<CaseRow>> {
  const checked = await checkIntake(ctx, input);
  if (!checked.ok) return checked;
  const { place, field: fieldOk } = checked.value;
  const p = input.petitioner;
  const orgs = await organisationsCovering(ctx, place.value.path);
  const deepest = orgs.sort((a, b) => b.unitPath.length - a.unitPath.length)[0];
  if (!deepest) return fail('no_receiving_unit', { code: place.value.code });
  const receiving = await unitOrFail(ctx, deepest.unitCode);
  if (!receiving.ok) return receiving;
  return inTx(ctx, async (tx, ctx) => {
    const row = await insertNew(ctx, tx, {
      kind: input.kind, channel: 'portal', fieldCode: fieldOk.value, title: input.title, content: input.content, receivedOn: todayVN(),
      complex: false, place: place.value, placeInput: input.place, receiving: receiving.value, petitioner: p,
      eventData: { via: meta.via, source: meta.source ?? null },
    }, { id: null, name: meta.via === 'open311' ? 'Open311' : 'Cổng thông tin' }, meta.ip);
    if (row.ok && inside) await inside(ctx, tx, row.value);
    return row;
  });
}

function stripEmpty(p: PetitionerData): PetitionerData | null {
  const out = Object.fromEntries(Object.entries(p).filter(([, v]) => v));
  return Object.keys(out).length ? out : null;
}

const readable = (actor: Actor, c: CaseRow) =>
  can(actor, CASE_READ, { unitPath: c.responsibleUnitPath }) || can(actor, CASE_READ, { unitPath: c.receivingUnitPath });

/** A case the actor may read; any other is reported as not found. */
export async function getCase(ctx: AppContext, actor: Actor, id: string, ex: Executor = ctx.database.db): Promise<Outcome<CaseRow>> {
  const c = await repo.findCase(ex, id);
  if (!c) return fail('case_not_found');
  if (!readable(actor, c)) return denied('case_not_found', { action: CASE_READ, unitPath: c.responsibleUnitPath, unitCode: c.responsibleUnitCode, targetType: 'case', targetId: id });
  return ok(c);
}

export interface ListInput {
  state?: string[]; kind?: string[]; channel?: string[]; field?: string; unit?: string; due?: 'soon' | 'overdue';
  flag?: string[]; handler?: string; open: 'true' | 'false' | 'all'; q?: string; limit: number; offset: number;
}

export async function listCases(ctx: AppContext, actor: Actor, input: ListInput): Promise<Outcome<{ rows: CaseRow[]; total: number }>> {
  const scopes = scopesFor(actor, CASE_READ);
  if (scopes.length === 0) return denied('forbidden', { action: CASE_READ, unitPath: 'VN' });
  let unitPath: string | undefined;
  if (input.unit) {
    const view = await getUnit(ctx, input.unit);
    if (!view) return fail('unit_not_found', { code: input.unit });
    unitPath = view.unit.path;
    if (!scopes.some((s) => isWithin(unitPath!, s))) {
      return denied('forbidden', { action: CASE_READ, unitPath, unitCode: input.unit, targetType: 'unit', targetId: input.unit });
    }
  }
  const today = todayVN();
  const q = input.q ? foldKey(input.q) : undefined;
  return ok(await repo.list(ctx.database.db, {
    scopes, states: input.state, kinds: input.kind, channels: input.channel,
    fields: input.field?.split(',').map((s) => s.trim()).filter(Boolean), unitPath,
    due: input.due, today, soonUntil: input.due === 'soon' ? await soonUntil(ctx, today) : today,
    flags: input.flag, handlerId: input.handler === 'me' ? actor.userId : input.handler === 'none' ? null : input.handler,
    open: input.open, limit: input.limit, offset: input.offset,
  }, q && q.length >= 1 ? q : undefined));
}

/** Why an event cannot happen to this case now, from the case and its log alone (null when it can). */
export function blocked(type: EventType, c: CaseRow, events: EventRow[], hasSealedIdentity: boolean): { reason: 'extension_limit' | 'dialogue_required' | 'denunciation_anonymous' | 'no_further_round'; vars?: Record<string, string | number> } | null {
  if (type === 'extended' && c.extensions >= MAX_DENUNCIATION_EXTENSIONS) return { reason: 'extension_limit', vars: { max: MAX_DENUNCIATION_EXTENSIONS } };
  if (type === 'accepted' && c.kind === 'to_cao' && !hasSealedIdentity) return { reason: 'denunciation_anonymous' };
  if (type === 'appealed' && c.round >= 2) return { reason: 'no_further_round' };
  if (type === 'decided' && c.kind === 'khieu_nai') {
    const lastVerified = [...events].reverse().find((e) => e.type === 'verified');
    const dialogueAfter = events.some((e) => e.type === 'dialogue_held' && lastVerified && e.seq > lastVerified.seq);
    const needed = c.round === 2 || Boolean(lastVerified?.data.differsFromRequest);
    if (needed && !dialogueAfter) return { reason: 'dialogue_required' };
  }
  return null;
}

/** The events this actor may add to this case now: the workflow's, narrowed by the policy and the guards. */
export function allowedEvents(actor: Actor, c: CaseRow, events: EventRow[], hasSealedIdentity: boolean): Transition[] {
  return possibleEvents(c.state as State, c.kind as Kind)
    .filter((t) => can(actor, t.action, { unitPath: c.responsibleUnitPath }))
    .filter((t) => !blocked(t.type, c, events, hasSealedIdentity));
}

export async function hasSealed(ctx: AppContext, ex: Executor, c: CaseRow): Promise<boolean> {
  return c.confidential && Boolean(await repo.identityOf(ex, c.id));
}

/** Called inside the transaction of every workflow event, after it is written (other modules' reactions: messages to the resident). */
export type CaseEventListener = (ctx: AppContext, tx: Executor, c: CaseRow, e: EventRow) => Promise<void>;
const listeners: CaseEventListener[] = [];
export function onCaseEvent(listener: CaseEventListener): void {
  if (!listeners.includes(listener)) listeners.push(listener);
}

/** Adds one workflow event: checks state, kind, role, scope and the inputs, then writes the event and the new state together. */
export async function addEvent(ctx: AppContext, actor: Actor, id: string, body: EventBody, ip?: string): Promise<Outcome<CaseRow>> {
  const found = await getCase(ctx, actor, id);
  if (!found.ok) return found;
  return inTx(ctx, async (tx, ctx) => {
    const c = (await repo.findCase(tx, id, true))!;
    const t = transitionFor(body.type, c.state as State, c.kind as Kind);
    if (!t) return fail('transition_not_allowed', { action: EVENT_NAMES[body.type], kind: KIND_NAMES[c.kind as Kind], state: STATE_NAMES[c.state as State] });
    if (!can(actor, t.action, { unitPath: c.responsibleUnitPath })) {
      return denied('forbidden', { action: t.action, unitPath: c.responsibleUnitPath, unitCode: c.responsibleUnitCode, targetType: 'case', targetId: id });
    }
    const events = await repo.eventsOf(tx, id);
    const guard = blocked(body.type, c, events, await hasSealed(ctx, tx, c));
    if (guard) return fail(guard.reason, guard.vars);
    const effect = await applyEvent(ctx, actor, tx, c, t, body);
    if (!effect.ok) return effect;
    const { patch, data, reason } = effect.value;
    const next = { ...c, ...patch } as CaseRow;
    const stateAfter = (patch.state ?? (t.to === 'same' ? c.state : t.to)) as State;
    // The deadline the event starts, stops or stretches.
    const today = todayVN();
    const d = t.deadline;
    if (d === 'stop') Object.assign(patch, { dueOn: null, dueRule: null });
    else if (d !== 'keep') {
      if ('extend' in d) {
        // Checked above: fewer than two extensions. Each written decision adds its days (at most the rule's) to the running deadline.
        const days = (body as Extract<EventBody, { type: 'extended' }>).days;
        const stretched = await extendBy(ctx, c.dueOn ?? today, days);
        if (!stretched.ok) return stretched;
        Object.assign(patch, { dueOn: stretched.value, extensions: c.extensions + 1 });
      } else if (d.start === 'intake') {
        // Intake counts from receipt, or from the day the case last arrived here (an appeal, a transfer in the system).
        const arrived = [...events].reverse().find((e) => e.type === 'appealed' || (e.type === 'transferred' && e.data.toUnitCode));
        const from = body.type === 'appealed' || body.type === 'transferred' ? today : arrived ? todayVN(arrived.at) : c.receivedOn;
        const r = await dueBy(ctx, intakeRule(next.kind as Kind, next.complex), from);
        Object.assign(patch, { dueOn: r.dueOn, dueRule: r.rule.id });
      } else if (d.start === 'resolution') {
        const custom = events[0]?.data.dueOn as string | null | undefined;
        if (custom && (next.kind === 'kien_nghi' || next.kind === 'phan_anh') && custom >= today && body.type === 'accepted') {
          Object.assign(patch, { dueOn: custom, dueRule: 'recommendation' });
        } else {
          const r = await dueBy(ctx, resolutionRule({ kind: next.kind as Kind, round: next.round, remote: next.remote, complex: next.complex }), today);
          Object.assign(patch, { dueOn: r.dueOn, dueRule: r.rule.id });
        }
      } else if (d.start === 'send_decision') {
        if (next.kind === 'khieu_nai') {
          const r = await dueBy(ctx, 'complaint_send_decision', (body as Extract<EventBody, { type: 'decided' }>).decidedOn);
          Object.assign(patch, { dueOn: r.dueOn, dueRule: r.rule.id });
        } else Object.assign(patch, { dueOn: null, dueRule: null });
      }
    }
    patch.state = stateAfter;
    patch.closedAt = FINAL_STATES.includes(stateAfter) ? new Date() : null;
    const row = await repo.updateCase(tx, id, patch);
    const event = await repo.appendEvent(tx, {
      id: newId(), caseId: id, type: body.type, stateAfter, actorId: actor.userId, actorName: actor.fullName, reason: reason ?? null,
      data: { ...data, ...(ip ? { ip } : {}), dueOn: row.dueOn },
    });
    for (const listener of listeners) await listener(ctx, tx, row, event);
    return ok(row);
  });
}

interface Effect { patch: Partial<CaseInsert>; data: Record<string, unknown>; reason?: string }

function checkDay(c: CaseRow, day: string): boolean {
  return day <= todayVN() && day >= c.receivedOn;
}

/** The event-specific part: inputs checked against the world, and the fields it changes. */
async function applyEvent(ctx: AppContext, actor: Actor, tx: Executor, c: CaseRow, t: Transition, body: EventBody): Promise<Outcome<Effect>> {
  switch (body.type) {
    case 'classified': {
      const patch: Partial<CaseInsert> = {};
      const data: Record<string, unknown> = {};
      if (body.fieldCode && body.fieldCode !== c.fieldCode) {
        const f = await activeField(ctx, body.fieldCode);
        if (!f.ok) return f;
        patch.fieldCode = data.fieldCode = f.value;
      }
      if (body.title && body.title !== c.title) { patch.title = data.title = body.title; patch.searchKey = searchKeyOf(c.number, body.title, c.content); }
      if (body.overLevel !== undefined) patch.overLevel = data.overLevel = body.overLevel;
      if (body.complex !== undefined) patch.complex = data.complex = body.complex;
      if (body.duplicateOf !== undefined) {
        if (body.duplicateOf) {
          const other = await getCase(ctx, actor, body.duplicateOf, tx);
          if (!other.ok || other.value.id === c.id) return fail('case_not_found');
          await repo.link(tx, c.id, body.duplicateOf, 'duplicate', 'duplicate');
        }
        patch.duplicateOf = data.duplicateOf = body.duplicateOf;
      }
      if (body.responsibleUnitCode && body.responsibleUnitCode !== c.responsibleUnitCode) {
        const u = await unitOrFail(ctx, body.responsibleUnitCode);
        if (!u.ok) return u;
        if (!can(actor, t.action, { unitPath: u.value.path })) {
          return denied('forbidden', { action: t.action, unitPath: u.value.path, unitCode: u.value.code, targetType: 'unit', targetId: u.value.code });
        }
        Object.assign(patch, { responsibleUnitCode: u.value.code, responsibleUnitPath: u.value.path, handlerId: null, handlerName: null, remote: c.remote || u.value.remoteArea });
        data.responsibleUnitCode = u.value.code;
        if (c.confidential) await resealCase(ctx, tx, c.id, u.value.code);
      }
      if (body.kind && body.kind !== c.kind) {
        patch.kind = data.kind = body.kind;
        // Becoming a denunciation seals the identity held in clear; a sealed one stays sealed whatever the new kind.
        if (body.kind === 'to_cao' && !c.confidential) {
          if (c.petitioner) await sealIdentity(ctx, tx, c.id, (patch.responsibleUnitCode as string) ?? c.responsibleUnitCode, c.petitioner);
          Object.assign(patch, { confidential: true, petitioner: null });
        }
      }
      return ok({ patch, data, reason: body.reason });
    }
    case 'assigned': {
      const eligible = await officialsHolding(ctx, 'handler', c.responsibleUnitPath);
      const h = eligible.find((o) => o.id === body.handlerId);
      if (!h) return fail('handler_invalid');
      return ok({ patch: { handlerId: h.id, handlerName: h.fullName }, data: { handlerId: h.id, handlerName: h.fullName }, reason: body.reason });
    }
    case 'accepted':
      return ok({ patch: { complex: body.complex || c.complex }, data: { complex: body.complex }, reason: body.reason });
    case 'guided':
      return ok({ patch: { outcome: `Hướng dẫn gửi đến: ${body.competentBody}` }, data: { competentBody: body.competentBody }, reason: body.reason });
    case 'transferred': {
      if (Boolean(body.toUnitCode) === Boolean(body.toAgency)) return fail('transfer_target_required');
      if (body.toAgency) return ok({ patch: { outcome: `Chuyển đến: ${body.toAgency}` }, data: { toAgency: body.toAgency }, reason: body.reason });
      const u = await unitOrFail(ctx, body.toUnitCode!);
      if (!u.ok) return u;
      if (u.value.code === c.responsibleUnitCode) return fail('transfer_same_unit');
      if (c.confidential) await resealCase(ctx, tx, c.id, u.value.code);
      // Within the system the case moves on: the new unit receives it and its handling deadline starts today.
      return ok({
        patch: { state: 'received', responsibleUnitCode: u.value.code, responsibleUnitPath: u.value.path, handlerId: null, handlerName: null, remote: c.remote || u.value.remoteArea },
        data: { toUnitCode: u.value.code, fromUnitCode: c.responsibleUnitCode }, reason: body.reason,
      });
    }
    case 'filed':
      return ok({ patch: { outcome: `Lưu đơn: ${body.reason}` }, data: { ground: body.ground }, reason: body.reason });
    case 'split': {
      const children: string[] = [];
      const identity = c.confidential ? await openIdentity(ctx, tx, c.id) : c.petitioner;
      for (const part of body.parts) {
        const f = await activeField(ctx, part.fieldCode);
        if (!f.ok) return f;
        if (part.kind === 'khieu_nai' && !hasIdentity(identity ?? {})) return fail('complaint_needs_identity');
        const seq = await repo.nextNumber(tx, c.receivingUnitCode, c.year);
        const number = `${seq}/${c.year}`;
        const childId = newId();
        const confidential = c.confidential || part.kind === 'to_cao';
        const intake = await dueBy(ctx, intakeRule(part.kind, c.complex), c.receivedOn);
        await repo.insertCase(tx, {
          ...pickCopy(c), id: childId, number, kind: part.kind, fieldCode: f.value, title: part.title, content: part.content, state: 'received',
          dueOn: intake.dueOn, dueRule: intake.rule.id, confidential, petitioner: confidential ? null : c.petitioner,
          searchKey: searchKeyOf(number, part.title, part.content),
        });
        if (confidential && identity) await sealIdentity(ctx, tx, childId, c.responsibleUnitCode, identity);
        await repo.appendEvent(tx, {
          id: newId(), caseId: childId, type: 'received', stateAfter: 'received', actorId: actor.userId, actorName: actor.fullName, reason: null,
          data: { kind: part.kind, channel: c.channel, fieldCode: f.value, receivedOn: c.receivedOn, splitFrom: c.id },
        });
        await repo.link(tx, childId, c.id, 'split_from', 'split_into');
        children.push(childId);
      }
      return ok({ patch: { outcome: `Tách thành ${children.length} vụ việc` }, data: { children }, reason: body.reason });
    }
    case 'verified':
      return ok({ patch: {}, data: { findings: body.findings, differsFromRequest: body.differsFromRequest } });
    case 'dialogue_held':
      if (!checkDay(c, body.heldOn)) return fail('event_date_invalid', { value: body.heldOn });
      return ok({ patch: {}, data: { heldOn: body.heldOn, summary: body.summary } });
    case 'extended':
      return ok({ patch: {}, data: { decisionNumber: body.decisionNumber, days: body.days }, reason: body.reason });
    case 'decided':
      if (!checkDay(c, body.decidedOn)) return fail('event_date_invalid', { value: body.decidedOn });
      return ok({ patch: { outcome: `Quyết định/kết luận số ${body.decisionNumber} ngày ${body.decidedOn.split('-').reverse().join('/')}: ${body.summary}` }, data: { decisionNumber: body.decisionNumber, decidedOn: body.decidedOn, result: body.result, summary: body.summary } });
    case 'answered':
      // Only recommendations and reflections are published: complaint and denunciation answers concern named people.
      if (body.publishable && c.kind !== 'kien_nghi' && c.kind !== 'phan_anh') return fail('answer_not_publishable', { kind: KIND_NAMES[c.kind as Kind] });
      return ok({ patch: { answer: body.answer, publishable: body.publishable, answeredOn: todayVN(), publicKey: body.publishable ? foldKey(`${c.title} ${body.answer}`) : null }, data: { publishable: body.publishable } });
    case 'withdrawn':
      return ok({ patch: { outcome: `Rút đơn: ${body.reason}` }, data: {}, reason: body.reason });
    case 'closed':
      return ok({ patch: {}, data: {}, reason: body.reason });
    case 'appealed': {
      const view = await getUnit(ctx, c.responsibleUnitCode);
      const parentCode = view?.unit.parentCode;
      if (!parentCode || parentCode === 'VN') return fail('appeal_outside_system');
      const parent = await unitOrFail(ctx, parentCode);
      if (!parent.ok) return parent;
      if (c.confidential) await resealCase(ctx, tx, c.id, parent.value.code);
      return ok({
        patch: { round: 2, responsibleUnitCode: parent.value.code, responsibleUnitPath: parent.value.path, handlerId: null, handlerName: null, answer: null, outcome: null, publishable: false, answeredOn: null, publicKey: null },
        data: { toUnitCode: parent.value.code }, reason: body.reason,
      });
    }
    case 'reopened':
      return ok({ patch: { answer: null, publishable: false, answeredOn: null, publicKey: null }, data: {}, reason: body.reason });
  }
}

/** The fields a split part inherits from its parent. */
function pickCopy(c: CaseRow): CaseInsert {
  const { id: _i, number: _n, searchKey: _s, createdAt: _c, updatedAt: _u, closedAt: _cl, outcome: _o, answer: _a, publishable: _p, answeredOn: _ao, publicKey: _pk, ...rest } = c;
  return { ...rest, id: '', number: '', searchKey: '' };
}

export interface BulkResult { id: string; ok: boolean; code?: string }

/** Assigns many cases to one handler; each case succeeds or fails on its own, and says why. */
export async function bulkAssign(ctx: AppContext, actor: Actor, ids: string[], handlerId: string, ip?: string): Promise<BulkResult[]> {
  const out: BulkResult[] = [];
  for (const id of [...new Set(ids)]) {
    const r = await addEvent(ctx, actor, id, { type: 'assigned', handlerId }, ip);
    if (!r.ok && r.denied) {
      await recordAudit(ctx.database.db, { action: 'access.denied', outcome: 'denied', actorId: actor.userId, actorName: actor.username, unitPath: r.denied.unitPath, unitCode: r.denied.unitCode, targetType: 'case', targetId: id, ip, detail: { attempted: r.denied.action } });
    }
    out.push(r.ok ? { id, ok: true } : { id, ok: false, code: r.reason });
  }
  return out;
}

/** Opens the sealed identity for a handler of the responsible unit itself; the read is audited with its reason. */
export async function unsealIdentity(ctx: AppContext, actor: Actor, id: string, reason: string, ip?: string): Promise<Outcome<PetitionerData>> {
  const found = await getCase(ctx, actor, id);
  if (!found.ok) return found;
  const c = found.value;
  const handlerHere = actor.grants.some((g) => g.role === 'handler' && g.unitPath === c.responsibleUnitPath);
  if (!handlerHere || !can(actor, CASE_UNSEAL, { unitPath: c.responsibleUnitPath })) {
    return denied('forbidden', { action: CASE_UNSEAL, unitPath: c.responsibleUnitPath, unitCode: c.responsibleUnitCode, targetType: 'case', targetId: id });
  }
  if (!c.confidential) return fail('identity_not_sealed');
  return ctx.database.db.transaction(async (tx) => {
    const identity = await openIdentity(within(ctx, tx), tx, id);
    if (!identity) return fail('identity_not_sealed');
    await recordAudit(tx, {
      action: 'case.identity.unsealed', actorId: actor.userId, actorName: actor.username, unitCode: c.responsibleUnitCode, unitPath: c.responsibleUnitPath,
      targetType: 'case', targetId: id, ip, detail: { number: c.number, reason },
    });
    return ok(identity);
  });
}

/** Suggestions for the classifying official: the competent unit from place and field, over-level, likely duplicates. */
export async function suggestionsFor(ctx: AppContext, actor: Actor, id: string) {
  const found = await getCase(ctx, actor, id);
  if (!found.ok) return found;
  const c = found.value;
  const f = await repo.field(ctx.database.db, c.fieldCode);
  const place = await getUnit(ctx, c.placeUnitCode);
  let competent: UnitRow | null = null;
  if (place) {
    const chain = [...place.ancestors, place.unit];
    const wanted = f?.level === 'province' ? 'province' : 'commune';
    competent = chain.find((u) => u.level === wanted) ?? place.unit;
  }
  const overLevel = Boolean(competent && competent.path !== c.responsibleUnitPath && isWithin(competent.path, c.responsibleUnitPath));
  const duplicates = await repo.similarOpenCases(ctx.database.db, c, scopesFor(actor, CASE_READ));
  return ok({
    competentUnit: competent ? { code: competent.code, name: competent.name, level: competent.level } : null,
    overLevel,
    duplicates: duplicates.map((d) => ({ ...d, state: d.state as State })),
  });
}
