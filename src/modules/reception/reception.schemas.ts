// Request and response schemas of the reception API.
import { z } from 'zod';
import { id, isoDay, plain } from '../../platform/schemas.ts';
import { KINDS } from '../cases/index.ts';
import { LEADER_KINDS, REFUSAL_GROUNDS } from './reception.rules.ts';

const unitCode = z.string().trim().min(1).max(16).transform((s) => s.toUpperCase());
const hhmm = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'HH:MM').meta({ example: '07:30' });
const weekday = z.int().min(1).max(7).meta({ description: '1 = Thứ Hai … 7 = Chủ nhật' });
export const phone = z.string().trim().regex(/^\+?[0-9 .-]{8,15}$/, 'phone').transform((s) => s.replace(/[ .-]/g, ''));
const idNumber = z.string().trim().regex(/^[0-9]{9}$|^[0-9]{12}$/, 'CMND/CCCD');

export const recurrence = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('weekly'), weekdays: z.array(weekday).min(1).max(7) }),
  z.strictObject({ kind: z.literal('monthly_day'), day: z.int().min(1).max(31) }),
  z.strictObject({ kind: z.literal('monthly_nth'), nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]), weekday }),
]).meta({ id: 'ReceptionRecurrence', description: 'Hằng tuần vào các thứ; hằng tháng vào một ngày; hoặc hằng tháng vào thứ … tuần thứ n (-1: tuần cuối).' });

const scheduleFields = {
  organisationId: id.meta({ description: 'Cơ quan, tổ chức tiếp (thuộc đơn vị).' }),
  leaderName: plain(200, 2),
  leaderTitle: plain(200, 2),
  leaderKind: z.enum(LEADER_KINDS).meta({ description: 'commune_chair: Chủ tịch UBND cấp xã (≥ 1 ngày/tuần); province_chair: Chủ tịch UBND cấp tỉnh, agency_head: thủ trưởng cơ quan hành chính (≥ 1 ngày/tháng); other: không có mức tối thiểu.' }),
  place: plain(500, 5),
  recurrence,
  startTime: hhmm,
  endTime: hhmm,
  slotMinutes: z.int().min(5).max(480),
  capacity: z.int().min(1).max(100).meta({ description: 'Số người được hẹn trong một lượt.' }),
  validFrom: isoDay,
  validTo: isoDay.nullable(),
};

export const scheduleBody = z.strictObject({
  unitCode,
  ...scheduleFields,
  validFrom: isoDay.optional().meta({ description: 'Mặc định hôm nay.' }),
  validTo: isoDay.nullable().optional(),
});
export type ScheduleBody = z.infer<typeof scheduleBody>;

export const schedulePatch = z.strictObject(Object.fromEntries(Object.entries(scheduleFields).map(([k, v]) => [k, v.optional()])) as {
  [K in keyof typeof scheduleFields]: z.ZodOptional<(typeof scheduleFields)[K]>
});
export type SchedulePatch = z.infer<typeof schedulePatch>;

export const scheduleListQuery = z.strictObject({
  unit: unitCode,
  includeInactive: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

const period = z.enum(['week', 'month']);
const unitRef = z.object({ code: z.string(), name: z.string() });

export const schedule = z.object({
  id: z.string(),
  unit: unitRef,
  organisation: z.object({ id: z.string(), name: z.string() }),
  leaderName: z.string(),
  leaderTitle: z.string(),
  leaderKind: z.enum(LEADER_KINDS),
  place: z.string(),
  recurrence,
  startTime: z.string(),
  endTime: z.string(),
  slotMinutes: z.number(),
  capacity: z.number(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  active: z.boolean(),
  frequencyText: z.string(),
  compliance: z.object({
    required: z.object({ days: z.number(), period }),
    actual: z.object({ days: z.number(), period }),
    basis: z.string(),
  }).nullable().meta({ description: 'Cảnh báo khi lịch thấp hơn tần suất luật định; null khi đạt hoặc không có mức tối thiểu.' }),
  upcomingDays: z.array(z.string()).meta({ description: 'Các ngày tiếp trong 30 ngày tới (đã bỏ ngày nghỉ).' }),
  abilities: z.object({ manage: z.boolean() }),
}).meta({ id: 'ReceptionSchedule' });
export const scheduleList = z.object({ items: z.array(schedule) });

export const publicScheduleQuery = z.strictObject({ unit: unitCode });
export const publicSchedules = z.object({
  items: z.array(z.object({
    id: z.string(),
    unit: unitRef,
    organisationName: z.string(),
    leaderName: z.string(),
    leaderTitle: z.string(),
    place: z.string(),
    frequencyText: z.string(),
    slots: z.array(z.object({ start: z.string(), end: z.string(), remaining: z.number() })),
  })),
}).meta({ id: 'PublicReceptionSchedules' });

export const bookingBody = z.strictObject({
  scheduleId: id,
  slotStart: z.iso.datetime({ offset: true }).meta({ description: 'Giờ bắt đầu lượt tiếp, như trong danh sách lượt (ISO 8601).' }),
  name: plain(200, 2),
  phone,
  subject: plain(2000, 5),
});
export type BookingBody = z.infer<typeof bookingBody>;

export const deviceHeader = z.object({ 'x-device-id': z.string().trim().min(8).max(100).regex(/^[A-Za-z0-9_-]+$/).optional() });

export const bookingCreated = z.object({
  code: z.string(),
  slotStart: z.string(),
  slotEnd: z.string(),
  place: z.string(),
  leaderName: z.string(),
  leaderTitle: z.string(),
  unit: unitRef,
}).meta({ id: 'ReceptionBookingCreated' });

export const BOOKING_STATUSES = ['booked', 'attended', 'no_show'] as const;
export const booking = z.object({
  id: z.string(),
  code: z.string(),
  schedule: z.object({ id: z.string(), leaderName: z.string(), leaderTitle: z.string(), place: z.string() }),
  slotStart: z.string(),
  slotEnd: z.string(),
  name: z.string(),
  phone: z.string(),
  subject: z.string(),
  status: z.enum(BOOKING_STATUSES),
  visitId: z.string().nullable(),
  markedAt: z.string().nullable(),
  abilities: z.object({ mark: z.boolean() }),
}).meta({ id: 'ReceptionBooking' });
export const bookingList = z.object({ items: z.array(booking) });
export const bookingQuery = z.strictObject({ unit: unitCode, day: isoDay });

export const RECEPTION_TYPES = ['regular', 'periodic', 'adhoc'] as const;
export const HANDLINGS = ['guided', 'transferred', 'accepted', 'answered'] as const;

const representative = z.strictObject({ name: plain(200), phone: phone.optional() });
const citizen = z.strictObject({
  name: plain(200, 2),
  address: plain(500).optional(),
  idNumber: idNumber.optional(),
  phone: phone.optional(),
});

const visitFields = {
  visitOn: isoDay.meta({ description: 'Ngày tiếp; mặc định hôm nay, không được ở tương lai.' }),
  receptionType: z.enum(RECEPTION_TYPES).meta({ description: 'regular: thường xuyên; periodic: định kỳ (lãnh đạo tiếp); adhoc: đột xuất.' }),
  officialName: plain(200, 2).meta({ description: 'Người tiếp; mặc định người ghi sổ.' }),
  leaderName: plain(200).nullable(),
  citizen,
  headCount: z.int().min(1).max(10_000),
  representatives: z.array(representative).max(5),
  content: plain(20_000, 5),
  classification: z.enum(KINDS).nullable(),
  fieldCode: z.string().min(1).max(40).nullable(),
  documents: plain(2000).nullable().meta({ description: 'Tài liệu, giấy tờ công dân cung cấp (đã viết giấy biên nhận).' }),
  handling: z.enum(HANDLINGS).nullable(),
  result: plain(5000).nullable(),
  notes: plain(2000).nullable(),
};

export const visitBody = z.strictObject({
  unitCode,
  ...visitFields,
  visitOn: visitFields.visitOn.optional(),
  receptionType: visitFields.receptionType.default('regular'),
  officialName: visitFields.officialName.optional(),
  leaderName: visitFields.leaderName.optional(),
  headCount: visitFields.headCount.default(1),
  representatives: visitFields.representatives.default([]),
  classification: visitFields.classification.optional(),
  fieldCode: visitFields.fieldCode.optional(),
  documents: visitFields.documents.optional(),
  handling: visitFields.handling.optional(),
  result: visitFields.result.optional(),
  notes: visitFields.notes.optional(),
});
export type VisitBody = z.infer<typeof visitBody>;

export const visitPatch = z.strictObject(Object.fromEntries(Object.entries(visitFields).map(([k, v]) => [k, v.optional()])) as {
  [K in keyof typeof visitFields]: z.ZodOptional<(typeof visitFields)[K]>
});
export type VisitPatch = z.infer<typeof visitPatch>;

export const refusalBody = z.strictObject({
  ground: z.enum(REFUSAL_GROUNDS).meta({ description: 'Căn cứ từ chối (Luật Tiếp công dân 2013, Điều 9).' }),
  reason: plain(2000, 5).meta({ description: 'Sự việc cụ thể; cán bộ đã giải thích cho người đến.' }),
  notice: plain(200).optional().meta({ description: 'Số thông báo từ chối bằng văn bản của người đứng đầu (bắt buộc với khoản 3).' }),
});
export type RefusalBody = z.infer<typeof refusalBody>;

export const caseBody = z.strictObject({
  kind: z.enum(KINDS).optional().meta({ description: 'Mặc định theo phân loại của lượt tiếp.' }),
  fieldCode: z.string().min(1).max(40).optional().meta({ description: 'Mặc định lĩnh vực của lượt tiếp, hoặc "khac".' }),
  title: plain(300, 5).optional().meta({ description: 'Mặc định phần đầu của nội dung.' }),
});
export type CaseBody = z.infer<typeof caseBody>;

export const visitRangeQuery = z.strictObject({ unit: unitCode, from: isoDay, to: isoDay });

export const visit = z.object({
  id: z.string(),
  unit: unitRef,
  number: z.number(),
  year: z.number(),
  visitOn: z.string(),
  receptionType: z.enum(RECEPTION_TYPES),
  officialName: z.string(),
  leaderName: z.string().nullable(),
  citizen: z.object({ name: z.string(), address: z.string().nullable(), idNumber: z.string().nullable(), phone: z.string().nullable() }),
  headCount: z.number(),
  representatives: z.array(z.object({ name: z.string(), phone: z.string().optional() })),
  content: z.string(),
  classification: z.enum(KINDS).nullable(),
  fieldCode: z.string().nullable(),
  documents: z.string().nullable(),
  handling: z.enum([...HANDLINGS, 'refused']).nullable(),
  result: z.string().nullable(),
  notes: z.string().nullable(),
  refusal: z.object({ ground: z.enum(REFUSAL_GROUNDS), basis: z.string(), reason: z.string(), notice: z.string().nullable() }).nullable(),
  bookingId: z.string().nullable(),
  case: z.object({ id: z.string(), number: z.string() }).nullable(),
  abilities: z.object({ edit: z.boolean(), refuse: z.boolean(), createCase: z.boolean() }),
}).meta({ id: 'ReceptionVisit' });
export const visitList = z.object({ items: z.array(visit) });

export const attended = z.object({ booking, visit });
export const caseLink = z.object({ caseId: z.string(), caseNumber: z.string(), created: z.boolean() });
export const refusalGrounds = z.object({ items: z.array(z.object({ code: z.enum(REFUSAL_GROUNDS), basis: z.string(), noticeRequired: z.boolean() })) });

export const idParams = z.strictObject({ id });
