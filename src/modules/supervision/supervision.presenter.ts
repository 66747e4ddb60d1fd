// The fields of programmes, supervisions, recommendations and critique drafts that leave the server, listed one by
// one, with what the current official may do with each.
import { can, type Actor } from '../../platform/access.ts';
import type { AppContext } from '../../platform/http.ts';
import { unitNames } from '../units/index.ts';
import { organisationsByIds } from '../organisations/index.ts';
import { caseNumbers } from '../cases/index.ts';
import * as repo from './supervision.repository.ts';
import { SUPERVISION_MANAGE } from './supervision.policy.ts';
import {
  CRITIQUE_FORM_NAMES, RESPONSE_NAMES, SUPERVISION_FORM_NAMES,
  type CritiqueForm, type RecommendationStatus, type Response, type SupervisionForm, type VisitStatus,
} from './supervision.rules.ts';
import { mayRespond } from './supervision.critique.ts';
import type { DraftRow, ProgrammeRow, VisitRow } from './supervision.tables.ts';

type Level = 'central' | 'province' | 'district' | 'commune';
const unitRef = (names: Map<string, string>, code: string) => ({ code, name: names.get(code) ?? code });

async function organisations(ctx: AppContext, ids: (string | null)[]) {
  const rows = await organisationsByIds(ctx, [...new Set(ids.filter((x): x is string => Boolean(x)))]);
  return new Map(rows.map((o) => [o.id, o]));
}

export async function presentProgrammes(ctx: AppContext, actor: Actor, rows: ProgrammeRow[]) {
  const [names, orgs, counts] = await Promise.all([
    unitNames(ctx, rows.map((p) => p.unitCode)),
    organisations(ctx, rows.map((p) => p.organisationId)),
    repo.visitCounts(ctx.database.db, rows.map((p) => p.id)),
  ]);
  return rows.map((p) => ({
    id: p.id,
    unit: unitRef(names, p.unitCode),
    level: p.level as Level,
    organisation: { id: p.organisationId, name: orgs.get(p.organisationId)?.name ?? '' },
    year: p.year,
    title: p.title,
    content: p.content,
    visits: counts.get(p.id) ?? 0,
    abilities: { manage: can(actor, SUPERVISION_MANAGE, p) },
  }));
}

export async function presentVisits(ctx: AppContext, actor: Actor, rows: VisitRow[]) {
  const db = ctx.database.db;
  const [orgs, programmes, recommendations] = await Promise.all([
    organisations(ctx, rows.flatMap((v) => [v.organisationId, v.subjectOrganisationId])),
    repo.programmesByIds(db, rows.map((v) => v.programmeId).filter((x): x is string => Boolean(x))),
    repo.recommendationsOf(db, rows.map((v) => v.id)),
  ]);
  const subjectUnit = (v: VisitRow) => (v.subjectOrganisationId ? orgs.get(v.subjectOrganisationId)?.unitCode ?? null : null);
  const [names, numbers] = await Promise.all([
    unitNames(ctx, [...rows.map((v) => v.unitCode), ...rows.map(subjectUnit).filter((x): x is string => Boolean(x))]),
    caseNumbers(ctx, recommendations.map((r) => r.caseId).filter((x): x is string => Boolean(x))),
  ]);
  return rows.map((v) => {
    const manage = v.status === 'planned' && can(actor, SUPERVISION_MANAGE, v);
    const programme = v.programmeId ? programmes.get(v.programmeId) : undefined;
    const su = subjectUnit(v);
    return {
      id: v.id,
      unit: unitRef(names, v.unitCode),
      level: v.level as Level,
      programme: programme ? { id: programme.id, title: programme.title } : null,
      organisation: v.organisationId ? { id: v.organisationId, name: orgs.get(v.organisationId)?.name ?? v.supervisorName } : null,
      supervisorName: v.supervisorName,
      subject: { id: v.subjectOrganisationId, name: v.subjectName, unit: su ? unitRef(names, su) : null },
      form: v.form as SupervisionForm,
      formName: SUPERVISION_FORM_NAMES[v.form as SupervisionForm] ?? v.form,
      topic: v.topic,
      startedOn: v.startedOn,
      endedOn: v.endedOn,
      status: v.status as VisitStatus,
      findings: v.findings,
      cancelReason: v.cancelReason,
      source: v.source as 'console' | 'import',
      recommendations: recommendations.filter((r) => r.visitId === v.id).map((r) => ({
        id: r.id,
        seq: r.seq,
        fieldCode: r.fieldCode,
        content: r.content,
        status: r.status as RecommendationStatus,
        raisedOn: r.raisedOn,
        dueOn: r.dueOn,
        answer: r.answer,
        answeredOn: r.answeredOn,
        resolvedOn: r.resolvedOn,
        case: r.caseId ? { id: r.caseId, number: numbers.get(r.caseId) ?? '' } : null,
      })),
      abilities: { record: manage, cancel: manage },
    };
  });
}

export async function presentDrafts(ctx: AppContext, actor: Actor, rows: DraftRow[]) {
  const db = ctx.database.db;
  const [names, orgs, sessions] = await Promise.all([
    unitNames(ctx, [...rows.map((d) => d.unitCode), ...rows.map((d) => d.draftingUnitCode).filter((x): x is string => Boolean(x))]),
    organisations(ctx, rows.flatMap((d) => [d.organisationId, d.draftingOrganisationId])),
    repo.sessionsOf(db, rows.map((d) => d.id)),
  ]);
  const opinions = await repo.opinionsOf(db, sessions.map((s) => s.id));
  return rows.map((d) => ({
    id: d.id,
    unit: unitRef(names, d.unitCode),
    level: d.level as Level,
    organisation: { id: d.organisationId, name: orgs.get(d.organisationId)?.name ?? '' },
    title: d.title,
    drafting: {
      organisation: d.draftingOrganisationId ? { id: d.draftingOrganisationId, name: orgs.get(d.draftingOrganisationId)?.name ?? d.draftingBodyName } : null,
      name: d.draftingBodyName,
      unit: d.draftingUnitCode ? unitRef(names, d.draftingUnitCode) : null,
    },
    receivedOn: d.receivedOn,
    summary: d.summary,
    sessions: sessions.filter((s) => s.draftId === d.id).map((s) => ({
      id: s.id,
      form: s.form as CritiqueForm,
      formName: CRITIQUE_FORM_NAMES[s.form as CritiqueForm] ?? s.form,
      heldOn: s.heldOn,
      place: s.place,
      participants: s.participants,
      opinions: opinions.filter((o) => o.sessionId === s.id).map((o) => ({
        id: o.id,
        seq: o.seq,
        content: o.content,
        response: o.response as Response | null,
        responseName: o.response ? RESPONSE_NAMES[o.response as Response] ?? o.response : null,
        responseNote: o.responseNote,
        respondedOn: o.respondedOn,
      })),
    })),
    abilities: { manage: can(actor, SUPERVISION_MANAGE, d), respond: mayRespond(actor, d) },
  }));
}
