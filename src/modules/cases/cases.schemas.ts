// Request and response schemas of the cases API.
import { z } from 'zod';
import { id, isoDay, plain, text } from '../../platform/schemas.ts';
import { CHANNELS, EVENT_TYPES, KINDS, STATES } from './cases.workflow.ts';
import { ORIGIN_TYPES } from './cases.origin.ts';

const unitCode = z.string().trim().min(1).max(16).transform((s) => s.toUpperCase());
const phone = z.string().trim().regex(/^\+?[0-9 .-]{8,15}$/, 'phone').transform((s) => s.replace(/[ .-]/g, ''));
const idNumber = z.string().trim().regex(/^[0-9]{9}$|^[0-9]{12}$/, 'CMND/CCCD');
const reason = plain(2000);

export const petitionerInput = z.strictObject({
  name: plain(200).optional(),
  address: plain(500).optional(),
  phone: phone.optional(),
  email: z.email().max(254).optional(),
  idNumber: idNumber.optional(),
});

export const representative = z.strictObject({ name: plain(200), phone: phone.optional() });

export const createBody = z.strictObject({
  kind: z.enum(KINDS),
  channel: z.enum(CHANNELS).exclude(['portal']),
  fieldCode: z.string().min(1).max(40),
  title: plain(300, 5),
  content: plain(20_000, 10),
  receivedOn: isoDay.optional().meta({ description: 'Ngày nhận đơn; mặc định hôm nay. Không được ở tương lai.' }),
  receivingUnitCode: unitCode.optional().meta({ description: 'Đơn vị nhận đơn; mặc định đơn vị của người nhập.' }),
  place: z.strictObject({
    unitCode,
    address: plain(500).optional(),
    lat: z.number().min(8).max(24).optional(),
    lng: z.number().min(102).max(110).optional(),
  }),
  petitioner: petitionerInput.default({}),
  mass: z.strictObject({ headCount: z.int().min(5).max(10_000), representatives: z.array(representative).min(1).max(5) }).optional(),
  complex: z.boolean().default(false).meta({ description: 'Tố cáo phải xác minh ở nhiều nơi (10 ngày làm việc).' }),
  dueOn: isoDay.optional().meta({ description: 'Kiến nghị, phản ánh: hạn trả lời do đơn vị đặt (không được ở quá khứ).' }),
  transferredFrom: plain(300).optional().meta({ description: 'Cơ quan chuyển đơn đến, với kênh "transfer".' }),
});
export type CreateBody = z.infer<typeof createBody>;

const part = z.strictObject({ kind: z.enum(KINDS), fieldCode: z.string().min(1).max(40), title: plain(300, 5), content: plain(20_000, 10) });

export const eventBody = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('classified'),
    kind: z.enum(KINDS).optional(),
    fieldCode: z.string().min(1).max(40).optional(),
    title: plain(300, 5).optional(),
    responsibleUnitCode: unitCode.optional(),
    overLevel: z.boolean().optional(),
    duplicateOf: id.nullable().optional(),
    complex: z.boolean().optional(),
    reason: reason.optional(),
  }),
  z.strictObject({ type: z.literal('assigned'), handlerId: id, reason: reason.optional() }),
  z.strictObject({ type: z.literal('accepted'), complex: z.boolean().default(false), reason: reason.optional() }),
  z.strictObject({ type: z.literal('guided'), competentBody: plain(300), reason }),
  z.strictObject({ type: z.literal('transferred'), toUnitCode: unitCode.optional(), toAgency: plain(300).optional(), reason }),
  z.strictObject({ type: z.literal('filed'), ground: z.enum(['not_processable', 'duplicate', 'anonymous', 'already_resolved', 'concluded', 'other']), reason }),
  z.strictObject({ type: z.literal('split'), parts: z.array(part).min(2).max(10), reason: reason.optional() }),
  z.strictObject({ type: z.literal('verified'), findings: plain(20_000), differsFromRequest: z.boolean().default(false) }),
  z.strictObject({ type: z.literal('dialogue_held'), heldOn: isoDay, summary: plain(20_000) }),
  z.strictObject({ type: z.literal('extended'), decisionNumber: plain(60), days: z.int().min(1).max(30), reason }),
  z.strictObject({ type: z.literal('decided'), decisionNumber: plain(60), decidedOn: isoDay, result: z.enum(['dung', 'sai', 'dung_mot_phan']), summary: plain(20_000) }),
  z.strictObject({ type: z.literal('answered'), answer: plain(20_000, 10), publishable: z.boolean().default(false) }),
  z.strictObject({ type: z.literal('withdrawn'), reason }),
  z.strictObject({ type: z.literal('closed'), reason: reason.optional() }),
  z.strictObject({ type: z.literal('appealed'), reason }),
  z.strictObject({ type: z.literal('reopened'), reason }),
]);
export type EventBody = z.infer<typeof eventBody>;

const boolFlag = z.enum(['true', 'false']).transform((v) => v === 'true');
const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z.string().max(400).transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean)).pipe(z.array(z.enum(values)));

export const listQuery = z.strictObject({
  state: csv(STATES).optional(),
  kind: csv(KINDS).optional(),
  channel: csv(CHANNELS).optional(),
  field: z.string().max(400).optional(),
  unit: unitCode.optional().meta({ description: 'Chỉ các vụ việc thuộc đơn vị này và cấp dưới.' }),
  due: z.enum(['soon', 'overdue']).optional(),
  flag: csv(['mass', 'over_level', 'duplicate', 'confidential'] as const).optional(),
  handler: z.union([z.literal('me'), z.literal('none'), id]).optional(),
  open: z.enum(['true', 'false', 'all']).default('true').meta({ description: 'true (mặc định): đang xử lý, hạn gần nhất trước; false: đã xong, mới nhất trước; all: tất cả, mới cập nhật trước.' }),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const idParams = z.strictObject({ id });
export const unsealBody = z.strictObject({ reason: plain(500, 5) });
export const bulkAssignBody = z.strictObject({ caseIds: z.array(id).min(1).max(200), handlerId: id });

const deadline = z.object({
  dueOn: z.string().nullable(),
  rule: z.string().nullable(),
  basis: z.string().nullable(),
  daysLeft: z.number().nullable().meta({ description: 'Số ngày làm việc còn lại; âm khi quá hạn.' }),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
});

export const caseSummary = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(KINDS),
  channel: z.enum(CHANNELS),
  fieldCode: z.string(),
  fieldName: z.string(),
  title: z.string(),
  state: z.enum(STATES),
  round: z.number(),
  receivedOn: z.string(),
  receivingUnit: z.object({ code: z.string(), name: z.string() }),
  responsibleUnit: z.object({ code: z.string(), name: z.string() }),
  handler: z.object({ id: z.string(), name: z.string() }).nullable(),
  deadline,
  flags: z.object({ mass: z.boolean(), overLevel: z.boolean(), duplicate: z.boolean(), confidential: z.boolean(), complex: z.boolean(), remote: z.boolean() }),
  updatedAt: z.string(),
}).meta({ id: 'CaseSummary' });

export const petitioner = z.union([
  z.object({ sealed: z.literal(false), name: z.string().nullable(), address: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable(), idNumber: z.string().nullable() }),
  z.object({ sealed: z.literal(true) }),
]);

const action = z.object({ type: z.enum(EVENT_TYPES), basis: z.string().nullable() });

export const caseDetail = caseSummary.extend({
  content: z.string(),
  place: z.object({ unitCode: z.string(), unitName: z.string(), address: z.string().nullable(), lat: z.number().nullable(), lng: z.number().nullable() }),
  petitioner,
  mass: z.object({ headCount: z.number(), representatives: z.array(z.object({ name: z.string(), phone: z.string().optional() })) }).nullable(),
  extensions: z.number(),
  outcome: z.string().nullable(),
  answer: z.string().nullable(),
  events: z.array(z.object({
    seq: z.number(), type: z.enum(EVENT_TYPES), stateAfter: z.enum(STATES), at: z.string(), actorName: z.string().nullable(),
    reason: z.string().nullable(), data: z.record(z.string(), z.unknown()),
  })),
  origin: z.object({ type: z.enum(ORIGIN_TYPES), id: z.string(), title: z.string(), on: z.string().nullable(), path: z.string() }).nullable()
    .meta({ description: 'Hội nghị đối thoại hoặc cuộc giám sát đã nêu kiến nghị này (đường dẫn trong trang quản trị).' }),
  links: z.array(z.object({ id: z.string(), number: z.string(), title: z.string(), state: z.enum(STATES), kind: z.string() })),
  attachments: z.array(z.object({ id: z.string(), name: z.string(), mediaType: z.string(), size: z.number(), identity: z.boolean(), uploadedAt: z.string() })),
  abilities: z.object({ actions: z.array(action), unseal: z.boolean(), attach: z.boolean(), documents: z.array(z.string()) }),
}).meta({ id: 'CaseDetail' });

export const caseList = z.object({ items: z.array(caseSummary), total: z.number(), limit: z.number(), offset: z.number() });

export const suggestions = z.object({
  competentUnit: z.object({ code: z.string(), name: z.string(), level: z.string() }).nullable(),
  overLevel: z.boolean(),
  duplicates: z.array(z.object({ id: z.string(), number: z.string(), title: z.string(), state: z.enum(STATES), similarity: z.number() })),
});

export const identity = z.object({
  name: z.string().nullable(), address: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable(), idNumber: z.string().nullable(),
});

export const field = z.object({ code: z.string(), name: z.string(), level: z.enum(['commune', 'province']), active: z.boolean() });
export const fieldList = z.object({ items: z.array(field) });
export const fieldBody = z.strictObject({ code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/), name: plain(200), level: z.enum(['commune', 'province']) });
export const fieldPatch = z.strictObject({ name: plain(200).optional(), level: z.enum(['commune', 'province']).optional(), active: z.boolean().optional() });

export const rule = z.object({ id: z.string(), days: z.number(), unit: z.enum(['working', 'calendar']), basis: z.string() });
export const ruleList = z.object({ items: z.array(rule) });
export const rulePatch = z.strictObject({ days: z.int().min(1).max(365), unit: z.enum(['working', 'calendar']), basis: plain(500) });

export const documentParams = z.strictObject({ id, document: z.enum(['receipt', 'transfer', 'guidance', 'answer']) });
export const attachmentParams = z.strictObject({ id, attachmentId: id });
