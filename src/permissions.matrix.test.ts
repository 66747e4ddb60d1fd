// The permission matrix: every route × every role × a record inside and outside the caller's unit scope.
// Any route added without a row here fails the first test; any leak fails the others.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES, type Role } from './platform/access.ts';
import { harness, type Harness } from './testing/given.ts';
import type { OrganisationRow } from './modules/organisations/index.ts';

let h: Harness;
const PLACES = { communeA: '19753', province: '46', communeB: '19789', otherProvince: '01' } as const;
type Place = keyof typeof PLACES;
const PATH: Record<Place, string> = { communeA: 'VN.46.19753', province: 'VN.46', communeB: 'VN.46.19789', otherProvince: 'VN.01' };

interface Actor { role: Role | 'anonymous'; at: Place; cookie?: string }
const actors: Actor[] = [];
const orgs = {} as Record<Place, OrganisationRow>;
const accounts = {} as Record<Place, string>;

const READ_ORG: Role[] = [...ROLES];
const MANAGE: Role[] = ['admin'];
const READ_ACC: Role[] = ['admin', 'leader', 'auditor'];
const READ_AUDIT: Role[] = ['admin', 'auditor'];
const READ_CASE: Role[] = ['leader', 'handler', 'reception', 'auditor'];
const CREATE_CASE: Role[] = ['handler', 'reception'];
const ASSIGN_CASE: Role[] = ['leader', 'handler'];
const cases = {} as Record<Place, { id: string; attachmentId: string }>;
const READ_RECEPTION: Role[] = ['reception', 'leader', 'auditor'];
const MANAGE_RECEPTION: Role[] = ['reception', 'leader', 'admin'];
const SEE_SCHEDULES: Role[] = [...new Set([...READ_RECEPTION, ...MANAGE_RECEPTION])];
const RECORD_RECEPTION: Role[] = ['reception', 'leader'];
const reception = {} as Record<Place, { scheduleId: string; bookingId: string; visitId: string }>;
const MANAGE_DIALOGUE: Role[] = ['danvan', 'leader', 'admin'];
const READ_DIALOGUE: Role[] = ['danvan', 'leader', 'admin', 'mttq', 'auditor', 'handler'];
const conferences = {} as Record<Place, string>;
const READ_SUPERVISION: Role[] = ['mttq', 'danvan', 'leader', 'auditor'];
const MANAGE_SUPERVISION: Role[] = ['mttq', 'admin'];
const SEE_SUPERVISION: Role[] = [...new Set([...READ_SUPERVISION, ...MANAGE_SUPERVISION])];
const RESPOND_CRITIQUE: Role[] = ['mttq', 'admin', 'leader', 'handler'];
const SEE_CRITIQUE: Role[] = [...new Set([...SEE_SUPERVISION, ...RESPOND_CRITIQUE])];
const fronts = {} as Record<Place, OrganisationRow>;
const supervision = {} as Record<Place, { visitId: string; draftId: string; sessionId: string; opinionId: string }>;
const supervisionVisit = (t: Place) => ({ organisationId: fronts[t].id, subjectOrganisationId: orgs[t].id, form: 'doan_giam_sat', topic: 'Giám sát để kiểm tra quyền', startedOn: TODAY });
const critiqueDraft = (t: Place) => ({ organisationId: fronts[t].id, title: 'Dự thảo kiểm tra quyền', draftingOrganisationId: orgs[t].id, receivedOn: TODAY });
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const schedule = (t: Place, n = 0) => ({
  unitCode: PLACES[t], organisationId: orgs[t].id, leaderName: `Lãnh đạo thử ${n}`, leaderTitle: 'Thủ trưởng cơ quan', leaderKind: 'agency_head',
  place: 'Phòng tiếp công dân', recurrence: { kind: 'weekly', weekdays: [1, 2, 3, 4, 5] }, startTime: '07:00', endTime: '17:00', slotMinutes: 30, capacity: 50,
});
const conference = (t: Place, n = 0) => ({
  unitCode: PLACES[t], organisationId: orgs[t].id, type: 'dinh_ky', topic: `Hội nghị kiểm tra quyền ${n}`, heldOn: TODAY, place: 'Hội trường',
  chairs: [{ side: 'chinh_quyen', name: 'Người chủ trì', position: 'Chủ tịch' }],
});
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
function pngForm(): { payload: Buffer; headers: Record<string, string> } {
  const b = '----matrix';
  return {
    payload: Buffer.concat([Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="anh.png"\r\nContent-Type: image/png\r\n\r\n`), PNG, Buffer.from(`\r\n--${b}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${b}` },
  };
}
const denunciation = (t: Place) => ({
  kind: 'to_cao', channel: 'mail', fieldCode: 'khac', title: 'Tố cáo để kiểm tra quyền', content: 'Nội dung tố cáo dùng cho ma trận phân quyền.',
  place: { unitCode: PLACES[t] }, receivingUnitCode: PLACES[t], petitioner: { name: 'Người tố cáo thử', address: 'Địa chỉ thử' },
});

function inScope(a: Actor, target: Place): boolean {
  const scope = PATH[a.at];
  return PATH[target] === scope || PATH[target].startsWith(`${scope}.`);
}

type Expect = 'ok' | 'unauthenticated' | 'forbidden' | 'hidden';
interface Row {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  route: string;
  /** Request for a target place; `n` makes names unique. */
  req: (target: Place, n: number) => { url: string; payload?: unknown; headers?: Record<string, string> };
  /** Who may: roles, and whether the target must be in scope. */
  roles: Role[] | 'any-signed-in';
  scoped: boolean;
  /** When refused: does a caller who cannot read the record get 404 (hidden) or 403? */
  hiddenUnless?: Role[];
  /** A narrower rule than role + scope, where the policy has one. */
  allow?: (a: Actor, target: Place) => boolean;
  /** A 409 means the call was allowed but the record's state refuses it now (marked already, not started yet). */
  conflictMeansAllowed?: boolean;
}

const RUN_IMPORT: Role[] = ['danvan', 'mttq', 'admin'];
const READ_IMPORT: Role[] = ['danvan', 'mttq', 'admin', 'leader', 'auditor'];
const imports = {} as Record<Place, string>;
/** A one-row supervision sheet as CSV, in a multipart upload to the import. */
function importForm(t: Place, dryRun: boolean, n = 0): { payload: Buffer; headers: Record<string, string> } {
  const b = '----matrix-import';
  const csv = `\uFEFFMã đơn vị hành chính,Tổ chức giám sát,Đối tượng giám sát,Hình thức,Nội dung,Ngày bắt đầu\r\n${PLACES[t]},Ủy ban MTTQ thử,Ủy ban nhân dân thử,Đoàn giám sát,Kiểm tra quyền ${n},01/12/2025\r\n`;
  return {
    payload: Buffer.concat([
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="unit"\r\n\r\n${PLACES[t]}\r\n--${b}\r\nContent-Disposition: form-data; name="dryRun"\r\n\r\n${dryRun}\r\n`),
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="giam-sat.csv"\r\nContent-Type: text/csv\r\n\r\n`), Buffer.from(csv, 'utf8'), Buffer.from(`\r\n--${b}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${b}` },
  };
}

const rows: Row[] = [
  { method: 'GET', route: '/api/organisations', req: (t) => ({ url: `/api/organisations?unit=${PLACES[t]}` }), roles: READ_ORG, scoped: true },
  { method: 'GET', route: '/api/organisations/{id}', req: (t) => ({ url: `/api/organisations/${orgs[t].id}` }), roles: READ_ORG, scoped: true, hiddenUnless: READ_ORG },
  { method: 'POST', route: '/api/organisations', req: (t, n) => ({ url: '/api/organisations', payload: { unitCode: PLACES[t], kind: 'khac', name: `Tổ mới ${n}` } }), roles: MANAGE, scoped: true },
  { method: 'PATCH', route: '/api/organisations/{id}', req: (t, n) => ({ url: `/api/organisations/${orgs[t].id}`, payload: { name: `Tên mới ${n}` } }), roles: MANAGE, scoped: true, hiddenUnless: READ_ORG },
  { method: 'POST', route: '/api/organisations/{id}/deactivate', req: (t) => ({ url: `/api/organisations/${orgs[t].id}/deactivate` }), roles: MANAGE, scoped: true, hiddenUnless: READ_ORG },
  { method: 'POST', route: '/api/organisations/{id}/activate', req: (t) => ({ url: `/api/organisations/${orgs[t].id}/activate` }), roles: MANAGE, scoped: true, hiddenUnless: READ_ORG },
  { method: 'GET', route: '/api/accounts', req: (t) => ({ url: `/api/accounts?unit=${PLACES[t]}` }), roles: READ_ACC, scoped: true },
  { method: 'GET', route: '/api/accounts/{id}', req: (t) => ({ url: `/api/accounts/${accounts[t]}` }), roles: READ_ACC, scoped: true, hiddenUnless: READ_ACC },
  { method: 'POST', route: '/api/accounts', req: (t, n) => ({ url: '/api/accounts', payload: { username: `moi.${n}`, fullName: 'Mới', password: 'mat-khau-dau-1', memberships: [{ organisationId: orgs[t].id, role: 'handler' }] } }), roles: MANAGE, scoped: true },
  { method: 'PATCH', route: '/api/accounts/{id}', req: (t, n) => ({ url: `/api/accounts/${accounts[t]}`, payload: { fullName: `Tên ${n}` } }), roles: MANAGE, scoped: true, hiddenUnless: READ_ACC },
  { method: 'PUT', route: '/api/accounts/{id}/memberships', req: (t) => ({ url: `/api/accounts/${accounts[t]}/memberships`, payload: { memberships: [{ organisationId: orgs[t].id, role: 'handler' }] } }), roles: MANAGE, scoped: true, hiddenUnless: READ_ACC },
  { method: 'POST', route: '/api/accounts/{id}/deactivate', req: (t) => ({ url: `/api/accounts/${accounts[t]}/deactivate` }), roles: MANAGE, scoped: true, hiddenUnless: READ_ACC },
  { method: 'POST', route: '/api/accounts/{id}/activate', req: (t) => ({ url: `/api/accounts/${accounts[t]}/activate` }), roles: MANAGE, scoped: true, hiddenUnless: READ_ACC },
  { method: 'POST', route: '/api/accounts/{id}/password', req: (t) => ({ url: `/api/accounts/${accounts[t]}/password`, payload: { newPassword: 'mat-khau-moi-9' } }), roles: MANAGE, scoped: true, hiddenUnless: READ_ACC },
  { method: 'GET', route: '/api/audit', req: () => ({ url: '/api/audit' }), roles: READ_AUDIT, scoped: false },
  { method: 'GET', route: '/api/audit.csv', req: () => ({ url: '/api/audit.csv' }), roles: READ_AUDIT, scoped: false },
  { method: 'GET', route: '/api/auth/me', req: () => ({ url: '/api/auth/me' }), roles: 'any-signed-in', scoped: false },
  { method: 'POST', route: '/api/auth/password', req: () => ({ url: '/api/auth/password', payload: { currentPassword: 'sai-mat-khau-1', newPassword: 'mat-khau-moi-9' } }), roles: 'any-signed-in', scoped: false },
  { method: 'POST', route: '/api/auth/logout', req: () => ({ url: '/api/auth/logout' }), roles: 'any-signed-in', scoped: false },
  { method: 'GET', route: '/api/cases', req: (t) => ({ url: `/api/cases?unit=${PLACES[t]}` }), roles: READ_CASE, scoped: true },
  { method: 'POST', route: '/api/cases', req: (t) => ({ url: '/api/cases', payload: denunciation(t) }), roles: CREATE_CASE, scoped: true },
  { method: 'GET', route: '/api/cases/{id}', req: (t) => ({ url: `/api/cases/${cases[t].id}` }), roles: READ_CASE, scoped: true, hiddenUnless: READ_CASE },
  { method: 'POST', route: '/api/cases/{id}/events', req: (t) => ({ url: `/api/cases/${cases[t].id}/events`, payload: { type: 'classified', reason: 'Kiểm tra quyền' } }), roles: ['handler'], scoped: true, hiddenUnless: READ_CASE },
  { method: 'GET', route: '/api/cases/{id}/suggestions', req: (t) => ({ url: `/api/cases/${cases[t].id}/suggestions` }), roles: READ_CASE, scoped: true, hiddenUnless: READ_CASE },
  // Only a handler of the responsible unit itself, not of a unit above it.
  { method: 'POST', route: '/api/cases/{id}/identity', req: (t) => ({ url: `/api/cases/${cases[t].id}/identity`, payload: { reason: 'Kiểm tra quyền' } }), roles: ['handler'], scoped: true, hiddenUnless: READ_CASE, allow: (a, t) => a.role === 'handler' && a.at === t },
  { method: 'POST', route: '/api/cases/assign', req: (t) => ({ url: '/api/cases/assign', payload: { caseIds: [cases[t].id], handlerId: accounts[t] } }), roles: ASSIGN_CASE, scoped: false },
  { method: 'GET', route: '/api/cases/handlers', req: (t) => ({ url: `/api/cases/handlers?unit=${PLACES[t]}` }), roles: ASSIGN_CASE, scoped: true },
  { method: 'POST', route: '/api/cases/{id}/attachments', req: (t) => ({ url: `/api/cases/${cases[t].id}/attachments`, ...pngForm() }), roles: CREATE_CASE, scoped: true, hiddenUnless: READ_CASE },
  { method: 'GET', route: '/api/cases/{id}/attachments/{attachmentId}', req: (t) => ({ url: `/api/cases/${cases[t].id}/attachments/${cases[t].attachmentId}` }), roles: READ_CASE, scoped: true, hiddenUnless: READ_CASE },
  { method: 'GET', route: '/api/cases/{id}/documents/{document}', req: (t) => ({ url: `/api/cases/${cases[t].id}/documents/receipt` }), roles: READ_CASE, scoped: true, hiddenUnless: READ_CASE },
  // National lists: only an administrator at the root may change them, and the matrix has none.
  { method: 'POST', route: '/api/case-fields', req: (_t, n) => ({ url: '/api/case-fields', payload: { code: `linh_vuc_${n}`, name: `Lĩnh vực ${n}`, level: 'commune' } }), roles: [], scoped: false },
  { method: 'PATCH', route: '/api/case-fields/{code}', req: () => ({ url: '/api/case-fields/khac', payload: { name: 'Khác' } }), roles: [], scoped: false },
  { method: 'GET', route: '/api/case-rules', req: () => ({ url: '/api/case-rules' }), roles: 'any-signed-in', scoped: false },
  { method: 'PUT', route: '/api/case-rules/{id}', req: () => ({ url: '/api/case-rules/handling', payload: { days: 10, unit: 'working', basis: 'Thông tư 05/2021/TT-TTCP' } }), roles: [], scoped: false },
  { method: 'GET', route: '/api/case-keys/{unitCode}', req: (t) => ({ url: `/api/case-keys/${PLACES[t]}` }), roles: MANAGE, scoped: true },
  { method: 'POST', route: '/api/case-keys/{unitCode}/rotate', req: (t) => ({ url: `/api/case-keys/${PLACES[t]}/rotate` }), roles: MANAGE, scoped: true },
  { method: 'PUT', route: '/api/units/{code}/remote-area', req: (t) => ({ url: `/api/units/${PLACES[t]}/remote-area`, payload: { remoteArea: false } }), roles: MANAGE, scoped: true },
  { method: 'GET', route: '/api/notifications', req: () => ({ url: '/api/notifications' }), roles: 'any-signed-in', scoped: false },
  { method: 'POST', route: '/api/notifications/read', req: () => ({ url: '/api/notifications/read', payload: { ids: ['01900000-0000-7000-8000-000000000000'] } }), roles: 'any-signed-in', scoped: false },
  // The working-day calendar is national: every official reads the adjustments; only an administrator at the root
  // changes them, and the matrix has none (the DELETE aims at a seeded row, so a leak would show as 'ok').
  { method: 'GET', route: '/api/calendar/adjustments', req: () => ({ url: '/api/calendar/adjustments?year=2026' }), roles: 'any-signed-in', scoped: false },
  { method: 'POST', route: '/api/calendar/adjustments', req: () => ({ url: '/api/calendar/adjustments', payload: { date: '2026-09-07', kind: 'off', name: 'Ngày nghỉ thử', source: 'Văn bản thử' } }), roles: [], scoped: false },
  { method: 'DELETE', route: '/api/calendar/adjustments/{id}', req: () => ({ url: '/api/calendar/adjustments/019b5000-0000-7000-8000-000000000001' }), roles: [], scoped: false },
  // Residents' satisfaction: the figures of a unit's subtree, for those who read its cases.
  { method: 'GET', route: '/api/satisfaction', req: (t) => ({ url: `/api/satisfaction?unit=${PLACES[t]}` }), roles: READ_CASE, scoped: true },
  // Open311 keys are national: only an administrator at the root issues or revokes them, and the matrix has none.
  { method: 'GET', route: '/api/open311/keys', req: () => ({ url: '/api/open311/keys' }), roles: [], scoped: false },
  { method: 'POST', route: '/api/open311/keys', req: (_t, n) => ({ url: '/api/open311/keys', payload: { name: `Ứng dụng ${n}` } }), roles: [], scoped: false },
  { method: 'DELETE', route: '/api/open311/keys/{id}', req: () => ({ url: '/api/open311/keys/019b5000-0000-7000-8000-000000000002' }), roles: [], scoped: false },
  // Reception: schedules are managed by reception officers, leaders and administrators; bookings and the register
  // are read by reception officers, leaders and auditors and written by reception officers and leaders.
  { method: 'GET', route: '/api/reception/schedules', req: (t) => ({ url: `/api/reception/schedules?unit=${PLACES[t]}` }), roles: SEE_SCHEDULES, scoped: true },
  { method: 'POST', route: '/api/reception/schedules', req: (t, n) => ({ url: '/api/reception/schedules', payload: schedule(t, n) }), roles: MANAGE_RECEPTION, scoped: true },
  { method: 'PATCH', route: '/api/reception/schedules/{id}', req: (t) => ({ url: `/api/reception/schedules/${reception[t].scheduleId}`, payload: { capacity: 50 } }), roles: MANAGE_RECEPTION, scoped: true, hiddenUnless: SEE_SCHEDULES },
  { method: 'POST', route: '/api/reception/schedules/{id}/deactivate', req: (t) => ({ url: `/api/reception/schedules/${reception[t].scheduleId}/deactivate` }), roles: MANAGE_RECEPTION, scoped: true, hiddenUnless: SEE_SCHEDULES },
  { method: 'POST', route: '/api/reception/schedules/{id}/activate', req: (t) => ({ url: `/api/reception/schedules/${reception[t].scheduleId}/activate` }), roles: MANAGE_RECEPTION, scoped: true, hiddenUnless: SEE_SCHEDULES },
  { method: 'GET', route: '/api/reception/bookings', req: (t) => ({ url: `/api/reception/bookings?unit=${PLACES[t]}&day=${TODAY}` }), roles: READ_RECEPTION, scoped: true },
  { method: 'POST', route: '/api/reception/bookings/{id}/attended', req: (t) => ({ url: `/api/reception/bookings/${reception[t].bookingId}/attended` }), roles: RECORD_RECEPTION, scoped: true, hiddenUnless: READ_RECEPTION, conflictMeansAllowed: true },
  { method: 'POST', route: '/api/reception/bookings/{id}/no-show', req: (t) => ({ url: `/api/reception/bookings/${reception[t].bookingId}/no-show` }), roles: RECORD_RECEPTION, scoped: true, hiddenUnless: READ_RECEPTION, conflictMeansAllowed: true },
  { method: 'GET', route: '/api/reception/visits', req: (t) => ({ url: `/api/reception/visits?unit=${PLACES[t]}&from=${TODAY}&to=${TODAY}` }), roles: READ_RECEPTION, scoped: true },
  { method: 'GET', route: '/api/reception/visits.xlsx', req: (t) => ({ url: `/api/reception/visits.xlsx?unit=${PLACES[t]}&from=${TODAY}&to=${TODAY}` }), roles: READ_RECEPTION, scoped: true },
  { method: 'POST', route: '/api/reception/visits', req: (t) => ({ url: '/api/reception/visits', payload: { unitCode: PLACES[t], citizen: { name: 'Công dân thử' }, content: 'Nội dung kiểm tra quyền', classification: 'kien_nghi' } }), roles: RECORD_RECEPTION, scoped: true },
  { method: 'PATCH', route: '/api/reception/visits/{id}', req: (t) => ({ url: `/api/reception/visits/${reception[t].visitId}`, payload: { notes: 'Kiểm tra quyền' } }), roles: RECORD_RECEPTION, scoped: true, hiddenUnless: READ_RECEPTION },
  // Making a case also needs case.create: reception officers, not leaders.
  { method: 'POST', route: '/api/reception/visits/{id}/case', req: (t) => ({ url: `/api/reception/visits/${reception[t].visitId}/case` }), roles: ['reception'], scoped: true, hiddenUnless: READ_RECEPTION },
  { method: 'POST', route: '/api/reception/visits/{id}/refusal', req: (t) => ({ url: `/api/reception/visits/${reception[t].visitId}/refusal`, payload: { ground: 'disorderly', reason: 'Kiểm tra quyền' } }), roles: RECORD_RECEPTION, scoped: true, hiddenUnless: READ_RECEPTION, conflictMeansAllowed: true },
  { method: 'GET', route: '/api/reception/refusal-grounds', req: () => ({ url: '/api/reception/refusal-grounds' }), roles: 'any-signed-in', scoped: false },
  // Reports: leaders, mass-mobilisation and Front officials, auditors and administrators, over their scope; the cases
  // behind a figure also need case.read (not exercised here: the conferences list is).
  { method: 'GET', route: '/api/reports/summary', req: (t) => ({ url: `/api/reports/summary?unit=${PLACES[t]}&period=year&year=2026` }), roles: ['leader', 'danvan', 'mttq', 'auditor', 'admin'], scoped: true },
  { method: 'GET', route: '/api/reports/records', req: (t) => ({ url: `/api/reports/records?unit=${PLACES[t]}&period=year&year=2026&kind=conferences` }), roles: ['leader', 'danvan', 'mttq', 'auditor', 'admin'], scoped: true },
  // The report's files: the same readers and scope as the report; the .docx is issued in the name of the caller's own organisation.
  { method: 'GET', route: '/api/reports/summary.docx', req: (t) => ({ url: `/api/reports/summary.docx?unit=${PLACES[t]}&period=year&year=2026` }), roles: ['leader', 'danvan', 'mttq', 'auditor', 'admin'], scoped: true },
  { method: 'GET', route: '/api/reports/summary.xlsx', req: (t) => ({ url: `/api/reports/summary.xlsx?unit=${PLACES[t]}&period=year&year=2026` }), roles: ['leader', 'danvan', 'mttq', 'auditor', 'admin'], scoped: true },
  // Supervision and critique: the Front (and administrators) plan and record; the Front, Ban Dân vận, leaders and auditors
  // read; the drafting body's leaders, handlers and administrators answer critique opinions. Recording or cancelling a
  // supervision that is no longer planned is a 409 for those allowed.
  { method: 'GET', route: '/api/supervision/programmes', req: (t) => ({ url: `/api/supervision/programmes?unit=${PLACES[t]}` }), roles: SEE_SUPERVISION, scoped: true },
  { method: 'POST', route: '/api/supervision/programmes', req: (t, n) => ({ url: '/api/supervision/programmes', payload: { organisationId: fronts[t].id, year: 2026, title: `Chương trình thử ${n}` } }), roles: MANAGE_SUPERVISION, scoped: true },
  { method: 'GET', route: '/api/supervision/visits', req: (t) => ({ url: `/api/supervision/visits?unit=${PLACES[t]}` }), roles: SEE_SUPERVISION, scoped: true },
  // The supervised body's case readers may read the supervision that raised their cases (here in the same unit).
  { method: 'GET', route: '/api/supervision/visits/{id}', req: (t) => ({ url: `/api/supervision/visits/${supervision[t].visitId}` }), roles: [...new Set([...SEE_SUPERVISION, ...READ_CASE])], scoped: true, hiddenUnless: [...new Set([...SEE_SUPERVISION, ...READ_CASE])] },
  { method: 'POST', route: '/api/supervision/visits', req: (t) => ({ url: '/api/supervision/visits', payload: supervisionVisit(t) }), roles: MANAGE_SUPERVISION, scoped: true },
  { method: 'POST', route: '/api/supervision/visits/{id}/record', req: (t) => ({ url: `/api/supervision/visits/${supervision[t].visitId}/record`, payload: { endedOn: TODAY, findings: 'Kết quả kiểm tra quyền', recommendations: [] } }), roles: MANAGE_SUPERVISION, scoped: true, hiddenUnless: SEE_SUPERVISION, conflictMeansAllowed: true },
  { method: 'POST', route: '/api/supervision/visits/{id}/cancel', req: (t) => ({ url: `/api/supervision/visits/${supervision[t].visitId}/cancel`, payload: { reason: 'Kiểm tra quyền' } }), roles: MANAGE_SUPERVISION, scoped: true, hiddenUnless: SEE_SUPERVISION, conflictMeansAllowed: true },
  { method: 'GET', route: '/api/critique/drafts', req: (t) => ({ url: `/api/critique/drafts?unit=${PLACES[t]}` }), roles: SEE_CRITIQUE, scoped: true },
  { method: 'POST', route: '/api/critique/drafts', req: (t) => ({ url: '/api/critique/drafts', payload: critiqueDraft(t) }), roles: MANAGE_SUPERVISION, scoped: true },
  { method: 'POST', route: '/api/critique/drafts/{id}/sessions', req: (t) => ({ url: `/api/critique/drafts/${supervision[t].draftId}/sessions`, payload: { form: 'van_ban', heldOn: TODAY } }), roles: MANAGE_SUPERVISION, scoped: true, hiddenUnless: SEE_CRITIQUE },
  { method: 'POST', route: '/api/critique/sessions/{id}/opinions', req: (t) => ({ url: `/api/critique/sessions/${supervision[t].sessionId}/opinions`, payload: { opinions: [{ content: 'Ý kiến kiểm tra quyền' }] } }), roles: MANAGE_SUPERVISION, scoped: true, hiddenUnless: SEE_CRITIQUE },
  { method: 'POST', route: '/api/critique/drafts/{id}/responses', req: (t) => ({ url: `/api/critique/drafts/${supervision[t].draftId}/responses`, payload: { items: [{ opinionId: supervision[t].opinionId, response: 'tiep_thu', respondedOn: TODAY }] } }), roles: RESPOND_CRITIQUE, scoped: true, hiddenUnless: SEE_CRITIQUE },
  // Imports of past years: templates for anyone signed in; checking and importing by danvan, mttq and administrators
  // into a unit of their scope; the history also for leaders and auditors; undo by those who may import.
  { method: 'GET', route: '/api/imports/templates/{name}', req: () => ({ url: '/api/imports/templates/hoi-nghi.csv' }), roles: 'any-signed-in', scoped: false },
  { method: 'POST', route: '/api/imports', req: (t, n) => ({ url: '/api/imports', ...importForm(t, true, n) }), roles: RUN_IMPORT, scoped: true },
  { method: 'GET', route: '/api/imports', req: (t) => ({ url: `/api/imports?unit=${PLACES[t]}` }), roles: READ_IMPORT, scoped: true },
  { method: 'POST', route: '/api/imports/{id}/undo', req: (t) => ({ url: `/api/imports/${imports[t]}/undo` }), roles: RUN_IMPORT, scoped: true, hiddenUnless: READ_IMPORT, conflictMeansAllowed: true },
  // Dialogue conferences: Ban Dân vận, leaders and administrators plan and record them; the Front, auditors and
  // handlers read them. Recording or not-held twice is a conflict once the first one passed.
  { method: 'GET', route: '/api/dialogue/conferences', req: (t) => ({ url: `/api/dialogue/conferences?unit=${PLACES[t]}` }), roles: READ_DIALOGUE, scoped: true },
  { method: 'POST', route: '/api/dialogue/conferences', req: (t, n) => ({ url: '/api/dialogue/conferences', payload: conference(t, n) }), roles: MANAGE_DIALOGUE, scoped: true },
  { method: 'GET', route: '/api/dialogue/conferences/{id}', req: (t) => ({ url: `/api/dialogue/conferences/${conferences[t]}` }), roles: READ_DIALOGUE, scoped: true, hiddenUnless: READ_DIALOGUE },
  { method: 'PATCH', route: '/api/dialogue/conferences/{id}', req: (t, n) => ({ url: `/api/dialogue/conferences/${conferences[t]}`, payload: { topic: `Chủ đề mới ${n}` } }), roles: MANAGE_DIALOGUE, scoped: true, hiddenUnless: READ_DIALOGUE, conflictMeansAllowed: true },
  { method: 'POST', route: '/api/dialogue/conferences/{id}/publish', req: (t) => ({ url: `/api/dialogue/conferences/${conferences[t]}/publish`, payload: { published: true } }), roles: MANAGE_DIALOGUE, scoped: true, hiddenUnless: READ_DIALOGUE },
  { method: 'POST', route: '/api/dialogue/conferences/{id}/record', req: (t) => ({ url: `/api/dialogue/conferences/${conferences[t]}/record`, payload: { attendance: 10 } }), roles: MANAGE_DIALOGUE, scoped: true, hiddenUnless: READ_DIALOGUE, conflictMeansAllowed: true },
  { method: 'POST', route: '/api/dialogue/conferences/{id}/not-held', req: (t) => ({ url: `/api/dialogue/conferences/${conferences[t]}/not-held`, payload: { reason: 'Kiểm tra quyền' } }), roles: MANAGE_DIALOGUE, scoped: true, hiddenUnless: READ_DIALOGUE, conflictMeansAllowed: true },
  { method: 'GET', route: '/api/dialogue/organisations', req: (t) => ({ url: `/api/dialogue/organisations?unit=${PLACES[t]}` }), roles: MANAGE_DIALOGUE, scoped: true },
];
/** Routes anyone may call. */
const PUBLIC = ['GET /api/units', 'GET /api/units/{code}', 'GET /api/units/{code}/children', 'POST /api/auth/login', 'GET /api/case-fields',
  'GET /api/calendar/holidays', 'GET /api/calendar/add', 'GET /api/calendar/lunar', 'GET /api/public/reception/schedules', 'POST /api/public/reception/bookings',
  'POST /api/public/cases', 'POST /api/public/track', 'POST /api/public/track/rating', 'GET /api/public/answers',
  'GET /api/public/conferences', 'GET /api/public/conferences/{id}'];

function expected(row: Row, a: Actor, target: Place): Expect {
  if (a.role === 'anonymous') return 'unauthenticated';
  const role = a.role;
  if (row.roles === 'any-signed-in') return 'ok';
  const allowed = row.allow ? row.allow(a, target) : row.roles.includes(role) && (!row.scoped || inScope(a, target));
  if (allowed) return 'ok';
  if (row.hiddenUnless && !(row.hiddenUnless.includes(role) && inScope(a, target))) return 'hidden';
  return 'forbidden';
}

before(async () => {
  h = await harness();
  await h.given.sealingKeys(...Object.values(PLACES));
  for (const place of Object.keys(PLACES) as Place[]) {
    orgs[place] = await h.given.organisation(PLACES[place], { name: `Cơ quan đích ${place}` });
    const target = await h.given.official('handler', PLACES[place], { organisation: orgs[place] });
    accounts[place] = target.user.id;
    const created = await h.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: target.cookie }, payload: denunciation(place) });
    assert.equal(created.statusCode, 201, created.body);
    const f = pngForm();
    const att = await h.app.inject({ method: 'POST', url: `/api/cases/${created.json().id}/attachments`, headers: { ...f.headers, cookie: target.cookie }, payload: f.payload });
    assert.equal(att.statusCode, 201, att.body);
    cases[place] = { id: created.json().id, attachmentId: att.json().id };
    const officer = (await h.given.official('reception', PLACES[place], { organisation: orgs[place] })).cookie;
    const s = await h.app.inject({ method: 'POST', url: '/api/reception/schedules', headers: { cookie: officer }, payload: schedule(place) });
    assert.equal(s.statusCode, 201, s.body);
    const slots = (await h.app.inject({ method: 'GET', url: `/api/public/reception/schedules?unit=${PLACES[place]}` })).json().items.find((i: { id: string }) => i.id === s.json().id).slots;
    const booked = await h.app.inject({ method: 'POST', url: '/api/public/reception/bookings', remoteAddress: `10.9.9.${Object.keys(cases).length}`, payload: { scheduleId: s.json().id, slotStart: slots[0].start, name: 'Người đặt thử', phone: '0905000000', subject: 'Kiểm tra quyền' } });
    assert.equal(booked.statusCode, 201, booked.body);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(slots[0].start));
    const list = (await h.app.inject({ method: 'GET', url: `/api/reception/bookings?unit=${PLACES[place]}&day=${day}`, headers: { cookie: officer } })).json().items;
    const visit = await h.app.inject({ method: 'POST', url: '/api/reception/visits', headers: { cookie: officer }, payload: { unitCode: PLACES[place], citizen: { name: 'Công dân thử' }, content: 'Nội dung kiểm tra quyền', classification: 'kien_nghi' } });
    assert.equal(visit.statusCode, 201, visit.body);
    reception[place] = { scheduleId: s.json().id, bookingId: list.find((b: { code: string }) => b.code === booked.json().code).id, visitId: visit.json().id };
    const organiser = (await h.given.official('danvan', PLACES[place], { organisation: orgs[place] })).cookie;
    const planned = await h.app.inject({ method: 'POST', url: '/api/dialogue/conferences', headers: { cookie: organiser }, payload: conference(place) });
    assert.equal(planned.statusCode, 201, planned.body);
    conferences[place] = planned.json().id;
    fronts[place] = await h.given.organisation(PLACES[place], { kind: 'mttq', name: `Ủy ban MTTQ đích ${place}` });
    const front = (await h.given.official('mttq', PLACES[place], { organisation: fronts[place] })).cookie;
    const sv = await h.app.inject({ method: 'POST', url: '/api/supervision/visits', headers: { cookie: front }, payload: supervisionVisit(place) });
    assert.equal(sv.statusCode, 201, sv.body);
    const draft = await h.app.inject({ method: 'POST', url: '/api/critique/drafts', headers: { cookie: front }, payload: critiqueDraft(place) });
    assert.equal(draft.statusCode, 201, draft.body);
    const withSession = await h.app.inject({ method: 'POST', url: `/api/critique/drafts/${draft.json().id}/sessions`, headers: { cookie: front }, payload: { form: 'hoi_nghi', heldOn: TODAY, opinions: [{ content: 'Ý kiến kiểm tra quyền' }] } });
    assert.equal(withSession.statusCode, 201, withSession.body);
    const session = withSession.json().sessions[0];
    supervision[place] = { visitId: sv.json().id, draftId: draft.json().id, sessionId: session.id, opinionId: session.opinions[0].id };
  }
  // One import standing in each place, for the undo row.
  for (const place of Object.keys(PLACES) as Place[]) {
    const importer = (await h.given.official('danvan', PLACES[place], { organisation: orgs[place] })).cookie;
    const done = await h.app.inject({ method: 'POST', url: '/api/imports', headers: { cookie: importer, ...importForm(place, false).headers }, payload: importForm(place, false).payload });
    assert.equal(done.statusCode, 201, done.body);
    imports[place] = done.json().batchId;
  }
  for (const at of ['communeA', 'province'] as Place[]) {
    for (const role of ROLES) actors.push({ role, at, cookie: (await h.given.official(role, PLACES[at])).cookie });
  }
  actors.push({ role: 'anonymous', at: 'communeA' });
});
after(() => h.close());

test('every API route is either public or has a row in the matrix', async () => {
  const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
    .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
  const covered = new Set([...rows.map((r) => `${r.method} ${r.route}`), ...PUBLIC]);
  assert.deepEqual(documented.filter((r) => !covered.has(r)), [], 'routes without a permission row');
  assert.deepEqual([...covered].filter((r) => !documented.includes(r)), [], 'matrix rows for routes that do not exist');
});

test('every role, inside and outside its scope, gets exactly what the policy allows', async () => {
  let n = 0;
  const failures: string[] = [];
  for (const row of rows) {
    const targets: Place[] = row.scoped ? ['communeA', 'province', 'communeB', 'otherProvince'] : ['communeA'];
    for (const a of actors) {
      for (const target of targets) {
        // Logging out would end the session the rest of the matrix uses: checked last, below.
        if (row.route === '/api/auth/logout') continue;
        const { url, payload, headers } = row.req(target, ++n);
        const res = await h.app.inject({ method: row.method, url, headers: { ...headers, ...(a.cookie ? { cookie: a.cookie } : {}) }, ...(payload ? { payload: payload as object } : {}) });
        const want = expected(row, a, target);
        const status = res.statusCode;
        const got: Expect | string = status < 300 ? 'ok' : status === 401 ? 'unauthenticated' : status === 403 ? 'forbidden' : status === 404 ? 'hidden'
          : row.route === '/api/auth/password' && status === 400 ? 'ok' : row.conflictMeansAllowed && status === 409 ? 'ok' : `status ${status}`;
        if (got !== want) failures.push(`${a.role}@${a.at} ${row.method} ${row.route} → ${target}: expected ${want}, got ${got} ${res.body.slice(0, 120)}`);
        // Undo what an allowed state change did, so that later rows see the same world.
        if (got === 'ok' && url.endsWith('/deactivate')) await h.app.inject({ method: 'POST', url: url.replace('/deactivate', '/activate'), headers: { cookie: a.cookie! } });
      }
    }
  }
  assert.deepEqual(failures, []);
  for (const a of actors) {
    const res = await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: a.cookie ? { cookie: a.cookie } : {} });
    assert.equal(res.statusCode, a.cookie ? 204 : 401);
  }
});

test('lists never carry records from outside the caller\'s scope', async () => {
  for (const at of ['communeA', 'province'] as Place[]) {
    for (const role of ROLES) {
      const { cookie } = await h.given.official(role, PLACES[at]);
      const within = (code: string | null) => (Object.keys(PLACES) as Place[]).some((p) => PLACES[p] === code && inScope({ role, at }, p));
      const orgList = await h.app.inject({ method: 'GET', url: '/api/organisations', headers: { cookie } });
      assert.equal(orgList.statusCode, 200);
      for (const o of orgList.json().items) assert.ok(within(o.unitCode), `${role}@${at} sees organisation in ${o.unitCode}`);
      const accList = await h.app.inject({ method: 'GET', url: '/api/accounts', headers: { cookie } });
      if (READ_ACC.includes(role)) {
        const items = accList.json().items;
        assert.ok(items.length > 0);
        for (const acc of items) assert.ok(within(acc.homeUnitCode), `${role}@${at} sees account of ${acc.homeUnitCode}`);
      } else assert.equal(accList.statusCode, 403);
      const caseList = await h.app.inject({ method: 'GET', url: '/api/cases?limit=200', headers: { cookie } });
      if (READ_CASE.includes(role)) {
        const items = caseList.json().items;
        assert.ok(items.length > 0);
        for (const c of items) assert.ok(within(c.responsibleUnit.code) || within(c.receivingUnit.code), `${role}@${at} sees case of ${c.responsibleUnit.code}`);
      } else assert.equal(caseList.statusCode, 403);
      const audit = await h.app.inject({ method: 'GET', url: '/api/audit?limit=500', headers: { cookie } });
      if (READ_AUDIT.includes(role)) {
        const items = audit.json().items;
        assert.ok(items.length > 0);
        for (const e of items) assert.ok(e.unitCode === null ? false : within(e.unitCode), `${role}@${at} sees audit of ${e.unitCode}`);
      } else assert.equal(audit.statusCode, 403);
    }
  }
});
