// Request and response schemas of the dialogue conferences API (officials' and residents').
import { z } from 'zod';
import { id, isoDay, plain } from '../../platform/schemas.ts';

const unitCode = z.string().trim().min(1).max(16).transform((s) => s.toUpperCase());
const hhmm = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'HH:MM').meta({ example: '08:00' });

export const TYPES = ['dinh_ky', 'dot_xuat'] as const;
export const FORMS = ['tiep_xuc', 'doi_thoai'] as const;
export const STATUSES = ['planned', 'held', 'not_held'] as const;
export const CHAIR_SIDES = ['cap_uy', 'chinh_quyen', 'mttq'] as const;
export const INVITED_GROUPS = ['mttq', 'doan_the', 'can_bo', 'tri_thuc', 'nguoi_dan', 'khac'] as const;
export const RECOMMENDATION_STATUSES = ['answered', 'in_progress', 'resolved'] as const;

export const chair = z.strictObject({
  side: z.enum(CHAIR_SIDES).meta({ description: 'cap_uy: người đứng đầu cấp ủy; chinh_quyen: người đứng đầu chính quyền; mttq: Chủ tịch Ủy ban MTTQ.' }),
  name: plain(200, 2),
  position: plain(200, 2),
});
export const invited = z.strictObject({
  group: z.enum(INVITED_GROUPS).meta({ description: 'mttq: Mặt trận; doan_the: các đoàn thể; can_bo: cán bộ, đảng viên; tri_thuc: trí thức; nguoi_dan: cử tri, người dân; khac: khác.' }),
  note: plain(300).optional(),
});

const planFields = {
  organisationId: id.meta({ description: 'Cơ quan, tổ chức chủ trì (thuộc đơn vị tổ chức).' }),
  type: z.enum(TYPES).meta({ description: 'dinh_ky: định kỳ; dot_xuat: đột xuất.' }),
  form: z.enum(FORMS).default('doi_thoai').meta({ description: 'tiep_xuc: tiếp xúc; doi_thoai: đối thoại.' }),
  topic: plain(500, 5),
  heldOn: isoDay.meta({ description: 'Ngày dự kiến tổ chức.' }),
  startsAt: hhmm.nullable().optional(),
  place: plain(500, 3),
  chairs: z.array(chair).min(1).max(10),
  invited: z.array(invited).max(12).default([]),
  residentsUnitCode: unitCode.nullable().optional().meta({ description: 'Cử tri, người dân của đơn vị nào được mời.' }),
};

export const planBody = z.strictObject({
  unitCode: unitCode.meta({ description: 'Đơn vị tổ chức; cấp của hội nghị lấy theo cấp của đơn vị.' }),
  ...planFields,
  published: z.boolean().default(false).meta({ description: 'Đăng lên lịch hội nghị của cổng thông tin.' }),
});
export type PlanBody = z.infer<typeof planBody>;

export const planPatch = z.strictObject({
  organisationId: planFields.organisationId.optional(),
  type: planFields.type.optional(),
  form: z.enum(FORMS).optional(),
  topic: planFields.topic.optional(),
  heldOn: planFields.heldOn.optional(),
  startsAt: planFields.startsAt,
  place: planFields.place.optional(),
  chairs: planFields.chairs.optional(),
  invited: z.array(invited).max(12).optional(),
  residentsUnitCode: planFields.residentsUnitCode,
});
export type PlanPatch = z.infer<typeof planPatch>;

const recommendationFields = {
  raisedBy: plain(200, 2).meta({ description: 'Nhóm nêu kiến nghị (ví dụ "Cử tri thôn Phú Mỹ"), không ghi tên cá nhân.' }),
  fieldCode: z.string().min(1).max(40),
  placeUnitCode: unitCode.nullable().optional().meta({ description: 'Địa bàn; mặc định đơn vị tổ chức.' }),
  content: plain(5000, 10),
};
export const recommendationInput = z.discriminatedUnion('outcome', [
  z.strictObject({ ...recommendationFields, outcome: z.literal('answered'), answer: plain(5000, 5), answeredBy: plain(200, 2) }),
  z.strictObject({
    ...recommendationFields, outcome: z.literal('case'),
    ownerOrganisationId: id.meta({ description: 'Cơ quan chịu trách nhiệm giải quyết.' }),
    dueOn: isoDay.optional().meta({ description: 'Hạn giải quyết; mặc định theo quy định "recommendation" (15 ngày làm việc).' }),
  }),
]).meta({ description: 'answered: trả lời tại hội nghị; case: chuyển thành vụ việc để theo dõi giải quyết.' });
export type RecommendationInput = z.infer<typeof recommendationInput>;

export const recordBody = z.strictObject({
  heldOn: isoDay.optional().meta({ description: 'Ngày đã tổ chức; mặc định ngày trong kế hoạch. Không được sau hôm nay.' }),
  attendance: z.int().min(0).max(100_000),
  recommendations: z.array(recommendationInput).max(300).default([]),
});
export type RecordBody = z.infer<typeof recordBody>;

export const notHeldBody = z.strictObject({ reason: plain(2000, 5) });
export const publishBody = z.strictObject({ published: z.boolean() });
export const idParams = z.strictObject({ id });

export const listQuery = z.strictObject({
  unit: unitCode.optional().meta({ description: 'Chỉ các hội nghị của đơn vị này và cấp dưới.' }),
  from: isoDay.optional(),
  to: isoDay.optional(),
  status: z.enum(STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ListQuery = z.infer<typeof listQuery>;

export const organisationsQuery = z.strictObject({ unit: unitCode });
export const publicListQuery = z.strictObject({
  unit: unitCode.optional().meta({ description: 'Hội nghị của đơn vị này, cấp dưới và cấp trên của nó.' }),
  from: isoDay.optional().meta({ description: 'Mặc định một năm trước.' }),
  to: isoDay.optional().meta({ description: 'Mặc định một năm sau.' }),
});

const unitRef = z.object({ code: z.string(), name: z.string() });
const counts = z.object({ raised: z.number(), answered: z.number(), inProgress: z.number(), resolved: z.number() });

export const conferenceSummary = z.object({
  id: z.string(),
  unit: unitRef,
  level: z.string(),
  organisation: z.object({ id: z.string().nullable(), name: z.string() }),
  type: z.enum(TYPES),
  form: z.enum(FORMS),
  topic: z.string(),
  heldOn: z.string(),
  startsAt: z.string().nullable(),
  place: z.string(),
  status: z.enum(STATUSES),
  published: z.boolean(),
  attendance: z.number().nullable(),
  counts,
  remindedAt: z.string().nullable(),
}).meta({ id: 'DialogueConferenceSummary' });

export const recommendation = z.object({
  id: z.string(),
  seq: z.number(),
  raisedBy: z.string(),
  field: z.object({ code: z.string(), name: z.string() }),
  place: unitRef.nullable(),
  content: z.string(),
  status: z.enum(RECOMMENDATION_STATUSES),
  answer: z.string().nullable(),
  answeredBy: z.string().nullable().meta({ description: 'Người trả lời tại hội nghị, hoặc cơ quan chịu trách nhiệm giải quyết.' }),
  dueOn: z.string().nullable(),
  resolvedOn: z.string().nullable(),
  case: z.object({ id: z.string(), number: z.string() }).nullable().meta({ description: 'Vụ việc theo dõi giải quyết (khi người xem được đọc vụ việc thì có số).' }),
}).meta({ id: 'DialogueRecommendation' });

export const conferenceDetail = conferenceSummary.extend({
  chairs: z.array(chair),
  invited: z.array(invited),
  residentsUnit: unitRef.nullable(),
  notHeldReason: z.string().nullable(),
  recordedAt: z.string().nullable(),
  source: z.enum(['console', 'import']),
  recommendations: z.array(recommendation),
  abilities: z.object({ edit: z.boolean(), record: z.boolean(), publish: z.boolean() }),
}).meta({ id: 'DialogueConference' });

export const conferenceList = z.object({ items: z.array(conferenceSummary), total: z.number(), limit: z.number(), offset: z.number() });

const orgRef = z.object({ id: z.string(), name: z.string(), kind: z.string(), unit: unitRef });
export const organisationChoices = z.object({
  organisers: z.array(orgRef).meta({ description: 'Cơ quan, tổ chức của đơn vị có thể chủ trì.' }),
  owners: z.array(orgRef).meta({ description: 'Cơ quan có thể được giao giải quyết kiến nghị: của đơn vị, cấp dưới và cấp trên.' }),
});

// ——— Residents ———

export const publicConference = z.object({
  id: z.string(),
  unit: unitRef,
  level: z.string(),
  organiser: z.string(),
  type: z.enum(TYPES),
  form: z.enum(FORMS),
  topic: z.string(),
  heldOn: z.string(),
  startsAt: z.string().nullable(),
  place: z.string(),
  status: z.enum(['planned', 'held']),
  counts,
}).meta({ id: 'PublicConference' });
export const publicConferenceList = z.object({ items: z.array(publicConference) });

export const publicRecommendation = z.object({
  seq: z.number(),
  raisedBy: z.string().meta({ description: 'Nhóm nêu kiến nghị; không bao giờ là tên một người dân.' }),
  field: z.string(),
  place: z.string().nullable(),
  content: z.string(),
  status: z.enum(RECOMMENDATION_STATUSES),
  answer: z.string().nullable(),
  answeredBy: z.string().nullable(),
  dueOn: z.string().nullable(),
  resolvedOn: z.string().nullable(),
}).meta({ id: 'PublicConferenceRecommendation' });

export const publicConferenceDetail = publicConference.extend({
  chairs: z.array(z.object({ side: z.enum(CHAIR_SIDES), name: z.string(), position: z.string() })),
  attendance: z.number().nullable(),
  recommendations: z.array(publicRecommendation),
}).meta({ id: 'PublicConferenceDetail' });
