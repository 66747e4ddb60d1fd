// The fields of a case that leave the server, listed one by one: a sealed identity cannot leak by omission.
import type { Actor } from '../../platform/access.ts';
import { can } from '../../platform/access.ts';
import type { AppContext } from '../../platform/http.ts';
import { todayVN } from '../../platform/clock.ts';
import { unitNames } from '../units/index.ts';
import * as repo from './cases.repository.ts';
import { originOf } from './cases.origin.ts';
import { deadlineView } from './cases.deadlines.ts';
import { allowedEvents, hasSealed } from './cases.service.ts';
import type { CaseRow } from './cases.tables.ts';
import { CASE_PROCESS, CASE_UNSEAL, type Channel, type EventType, type Kind, type State } from './cases.workflow.ts';

/** Event data that names a person is never shown for a confidential case's log (there is none today; this keeps it so). */
const PRIVATE_EVENT_KEYS = new Set(['ip']);

export async function presentSummaries(ctx: AppContext, rows: CaseRow[]) {
  const today = todayVN();
  const names = await unitNames(ctx, [...new Set(rows.flatMap((c) => [c.receivingUnitCode, c.responsibleUnitCode, c.placeUnitCode]))]);
  const fields = new Map((await repo.fields(ctx.database.db)).map((f) => [f.code, f.name]));
  return Promise.all(rows.map(async (c) => ({
    id: c.id,
    number: c.number,
    kind: c.kind as Kind,
    channel: c.channel as Channel,
    fieldCode: c.fieldCode,
    fieldName: fields.get(c.fieldCode) ?? c.fieldCode,
    title: c.title,
    state: c.state as State,
    round: c.round,
    receivedOn: c.receivedOn,
    receivingUnit: { code: c.receivingUnitCode, name: names.get(c.receivingUnitCode) ?? c.receivingUnitCode },
    responsibleUnit: { code: c.responsibleUnitCode, name: names.get(c.responsibleUnitCode) ?? c.responsibleUnitCode },
    handler: c.handlerId ? { id: c.handlerId, name: c.handlerName ?? '' } : null,
    deadline: await deadlineView(ctx, c, today),
    flags: { mass: c.mass, overLevel: c.overLevel, duplicate: c.duplicateOf !== null, confidential: c.confidential, complex: c.complex, remote: c.remote },
    updatedAt: c.updatedAt.toISOString(),
  })));
}

export async function presentDetail(ctx: AppContext, actor: Actor, c: CaseRow) {
  const db = ctx.database.db;
  const [summary] = await presentSummaries(ctx, [c]);
  const events = await repo.eventsOf(db, c.id);
  const sealed = await hasSealed(ctx, db, c);
  const placeName = (await unitNames(ctx, [c.placeUnitCode])).get(c.placeUnitCode) ?? c.placeUnitCode;
  const p = c.petitioner;
  const handlerHere = actor.grants.some((g) => g.role === 'handler' && g.unitPath === c.responsibleUnitPath);
  const documents = ['receipt'];
  if (c.state === 'transferred' || events.some((e) => e.type === 'transferred' && e.data.toAgency)) documents.push('transfer');
  if (c.state === 'guided') documents.push('guidance');
  if (c.answer) documents.push('answer');
  return {
    ...summary,
    content: c.content,
    place: { unitCode: c.placeUnitCode, unitName: placeName, address: c.placeAddress, lat: c.placeLat, lng: c.placeLng },
    petitioner: c.confidential
      ? { sealed: true as const }
      : { sealed: false as const, name: p?.name ?? null, address: p?.address ?? null, phone: p?.phone ?? null, email: p?.email ?? null, idNumber: p?.idNumber ?? null },
    mass: c.mass ? { headCount: c.headCount ?? 0, representatives: c.representatives } : null,
    extensions: c.extensions,
    outcome: c.outcome,
    answer: c.answer,
    events: events.map((e) => ({
      seq: e.seq, type: e.type as EventType, stateAfter: e.stateAfter as State, at: e.at.toISOString(), actorName: e.actorName, reason: e.reason,
      data: Object.fromEntries(Object.entries(e.data).filter(([k]) => !PRIVATE_EVENT_KEYS.has(k))),
    })),
    origin: await originOf(ctx, c),
    links: (await repo.linksOf(db, c.id)).map((l) => ({ ...l, state: l.state as State })),
    // A sealed file's name may itself identify the denouncer: only its opening (audited) shows it.
    attachments: (await repo.attachmentsOf(db, c.id)).map((a) => ({ ...a, name: a.identity ? 'niem-phong' : a.name, uploadedAt: a.uploadedAt.toISOString() })),
    abilities: {
      actions: allowedEvents(actor, c, events, sealed).map((t) => ({ type: t.type, basis: t.basis ?? null })),
      unseal: sealed && handlerHere && can(actor, CASE_UNSEAL, { unitPath: c.responsibleUnitPath }),
      attach: can(actor, CASE_PROCESS, { unitPath: c.responsibleUnitPath }) || can(actor, 'case.create', { unitPath: c.receivingUnitPath }),
      documents,
    },
  };
}
