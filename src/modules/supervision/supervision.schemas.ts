// Request and response schemas of the supervision and social critique API.
import { z } from 'zod';
import { id, isoDay, plain } from '../../platform/schemas.ts';
import { CRITIQUE_FORMS, RECOMMENDATION_STATUSES, RESPONSES, SUPERVISION_FORMS, VISIT_STATUSES } from './supervision.rules.ts';

const unitCode = z.string().trim().min(1).max(16).transform((s) => s.toUpperCase());
const fieldCode = z.string().trim().min(1).max(40);
const boolFlag = z.enum(['true', 'false']).default('false').transform((v) => v === 'true');
const year = z.coerce.number().int().min(2000).max(2100);

export const idParams = z.strictObject({ id });

export const listQuery = z.strictObject({
  unit: unitCode,
  year: year.optional().meta({ description: 'Chỉ các bản ghi của năm này (năm của chương trình, ngày bắt đầu giám sát, ngày nhận dự thảo).' }),
  subtree: boolFlag.meta({ description: 'Gồm cả các đơn vị cấp dưới.' }),
});
export type ListQuery = z.infer<typeof listQuery>;

// ——— Programmes and visits ———

export const programmeBody = z.strictObject({
  organisationId: id.meta({ description: 'Ủy ban MTTQ hoặc tổ chức chính trị - xã hội trực thuộc có chương trình.' }),
  year: z.int().min(2000).max(2100),
  title: plain(300, 5),
  content: plain(10_000).optional(),
});
export type ProgrammeBody = z.infer<typeof programmeBody>;

export const visitBody = z.strictObject({
  organisationId: id.meta({ description: 'Tổ chức giám sát: Ủy ban MTTQ hoặc tổ chức chính trị - xã hội trực thuộc, trong phạm vi của người nhập.' }),
  programmeId: id.nullable().optional().meta({ description: 'Chương trình giám sát của cùng đơn vị, cùng năm.' }),
  subjectOrganisationId: id.meta({ description: 'Cơ quan, tổ chức chịu sự giám sát; kiến nghị được chuyển đến đơn vị của cơ quan này.' }),
  form: z.enum(SUPERVISION_FORMS).meta({ description: 'Hình thức giám sát (Nghị quyết liên tịch 403/2017).' }),
  topic: plain(500, 5),
  startedOn: isoDay,
  endedOn: isoDay.nullable().optional(),
});
export type VisitBody = z.infer<typeof visitBody>;

export const recommendationInput = z.strictObject({
  fieldCode,
  content: plain(5000, 10),
  dueOn: isoDay.optional().meta({ description: 'Hạn trả lời; mặc định theo quy định thời hạn giải quyết kiến nghị.' }),
});

export const recordBody = z.strictObject({
  startedOn: isoDay.optional().meta({ description: 'Ngày bắt đầu thực tế, nếu khác kế hoạch.' }),
  endedOn: isoDay.meta({ description: 'Ngày kết thúc; không được sau hôm nay.' }),
  findings: plain(20_000, 10),
  recommendations: z.array(recommendationInput).max(50).default([])
    .meta({ description: 'Mỗi kiến nghị thành một vụ việc (kênh giám sát) giao cơ quan chịu sự giám sát trả lời.' }),
});
export type RecordBody = z.infer<typeof recordBody>;

export const cancelBody = z.strictObject({ reason: plain(2000, 5) });
export type CancelBody = z.infer<typeof cancelBody>;

const unitRef = z.object({ code: z.string(), name: z.string() });
const orgRef = z.object({ id: z.string(), name: z.string() });
const level = z.enum(['central', 'province', 'district', 'commune']);

export const programme = z.object({
  id: z.string(),
  unit: unitRef,
  level,
  organisation: orgRef,
  year: z.number(),
  title: z.string(),
  content: z.string().nullable(),
  visits: z.number().meta({ description: 'Số cuộc giám sát thuộc chương trình.' }),
  abilities: z.object({ manage: z.boolean() }),
}).meta({ id: 'SupervisionProgramme' });
export const programmeList = z.object({ items: z.array(programme) });

export const recommendation = z.object({
  id: z.string(),
  seq: z.number(),
  fieldCode: z.string(),
  content: z.string(),
  status: z.enum(RECOMMENDATION_STATUSES),
  raisedOn: z.string(),
  dueOn: z.string().nullable(),
  answer: z.string().nullable(),
  answeredOn: z.string().nullable(),
  resolvedOn: z.string().nullable(),
  case: z.object({ id: z.string(), number: z.string() }).nullable(),
}).meta({ id: 'SupervisionRecommendation' });

export const visit = z.object({
  id: z.string(),
  unit: unitRef,
  level,
  programme: z.object({ id: z.string(), title: z.string() }).nullable(),
  organisation: orgRef.nullable(),
  supervisorName: z.string(),
  subject: z.object({ id: z.string().nullable(), name: z.string(), unit: unitRef.nullable() }),
  form: z.enum(SUPERVISION_FORMS),
  formName: z.string(),
  topic: z.string(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  status: z.enum(VISIT_STATUSES),
  findings: z.string().nullable(),
  cancelReason: z.string().nullable(),
  source: z.enum(['console', 'import']),
  recommendations: z.array(recommendation),
  abilities: z.object({ record: z.boolean(), cancel: z.boolean() }),
}).meta({ id: 'SupervisionVisit' });
export const visitList = z.object({ items: z.array(visit) });

// ——— Social critique ———

export const draftBody = z.strictObject({
  organisationId: id.meta({ description: 'Tổ chức phản biện: Ủy ban MTTQ hoặc tổ chức chính trị - xã hội trực thuộc.' }),
  title: plain(500, 5),
  draftingOrganisationId: id.optional().meta({ description: 'Cơ quan soạn thảo trong hệ thống (cán bộ của cơ quan này ghi ý kiến tiếp thu, giải trình).' }),
  draftingBodyName: plain(300, 3).optional().meta({ description: 'Tên cơ quan soạn thảo; mặc định tên của tổ chức đã chọn.' }),
  receivedOn: isoDay.meta({ description: 'Ngày nhận dự thảo; không được sau hôm nay.' }),
  summary: plain(10_000).optional(),
});
export type DraftBody = z.infer<typeof draftBody>;

const opinionInput = z.strictObject({ content: plain(5000, 5) });

export const sessionBody = z.strictObject({
  form: z.enum(CRITIQUE_FORMS).meta({ description: 'hoi_nghi: hội nghị phản biện; van_ban: gửi văn bản phản biện; doi_thoai: đối thoại trực tiếp.' }),
  heldOn: isoDay.meta({ description: 'Không trước ngày nhận dự thảo, không sau hôm nay.' }),
  place: plain(500).optional(),
  participants: z.int().min(0).max(100_000).optional(),
  opinions: z.array(opinionInput).max(100).default([]),
});
export type SessionBody = z.infer<typeof sessionBody>;

export const opinionsBody = z.strictObject({ opinions: z.array(opinionInput).min(1).max(100) });
export type OpinionsBody = z.infer<typeof opinionsBody>;

export const responsesBody = z.strictObject({
  items: z.array(z.strictObject({
    opinionId: id,
    response: z.enum(RESPONSES).meta({ description: 'tiep_thu: tiếp thu; tiep_thu_mot_phan: tiếp thu một phần; giai_trinh: giải trình.' }),
    note: plain(5000).optional(),
    respondedOn: isoDay.meta({ description: 'Không trước ngày phản biện, không sau hôm nay.' }),
  })).min(1).max(100),
});
export type ResponsesBody = z.infer<typeof responsesBody>;

export const opinion = z.object({
  id: z.string(),
  seq: z.number(),
  content: z.string(),
  response: z.enum(RESPONSES).nullable(),
  responseName: z.string().nullable(),
  responseNote: z.string().nullable(),
  respondedOn: z.string().nullable(),
});

export const session = z.object({
  id: z.string(),
  form: z.enum(CRITIQUE_FORMS),
  formName: z.string(),
  heldOn: z.string(),
  place: z.string().nullable(),
  participants: z.number().nullable(),
  opinions: z.array(opinion),
});

export const draft = z.object({
  id: z.string(),
  unit: unitRef,
  level,
  organisation: orgRef,
  title: z.string(),
  drafting: z.object({ organisation: orgRef.nullable(), name: z.string(), unit: unitRef.nullable() }),
  receivedOn: z.string(),
  summary: z.string().nullable(),
  sessions: z.array(session),
  abilities: z.object({ manage: z.boolean(), respond: z.boolean() }),
}).meta({ id: 'CritiqueDraft' });
export const draftList = z.object({ items: z.array(draft) });
