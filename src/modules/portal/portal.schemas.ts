// Request and response schemas of the residents' side of the API.
import { z } from 'zod';
import { isoDay, text } from '../../platform/schemas.ts';
import { KINDS, STATES } from '../cases/index.ts';

const unitCode = z.string().trim().min(1).max(16).transform((s) => s.toUpperCase());

// What residents write is kept as they wrote it, tags and all, and always shown as text (never as HTML): a resident
// who pastes "<br>" from somewhere is not turned away. Officials' own inputs keep refusing markup (plain()).
const phone = z.string().trim().regex(/^\+?[0-9 .-]{8,15}$/, 'phone').transform((s) => s.replace(/[ .-]/g, ''));
export const publicPetitioner = z.strictObject({
  name: text(200).optional(),
  address: text(500).optional(),
  phone: phone.optional(),
  email: z.email().max(254).optional(),
  idNumber: z.string().trim().regex(/^[0-9]{9}$|^[0-9]{12}$/, 'CMND/CCCD').optional(),
});

export const submitBody = z.strictObject({
  kind: z.enum(KINDS),
  fieldCode: z.string().trim().min(1).max(40),
  title: text(300, 5),
  content: text(20_000, 10),
  place: z.strictObject({
    unitCode,
    address: text(500).optional(),
    lat: z.number().min(8).max(24).optional(),
    lng: z.number().min(102).max(110).optional(),
  }),
  petitioner: publicPetitioner.default({}),
  consent: z.boolean().meta({ description: 'Người gửi đã đọc và đồng ý với thông báo xử lý dữ liệu cá nhân (bắt buộc true).' }),
});
export type SubmitBody = z.infer<typeof submitBody>;

const unitRef = z.object({ code: z.string(), name: z.string() });

export const receipt = z.object({
  trackingCode: z.string(), secret: z.string(), caseNumber: z.string(), kind: z.enum(KINDS), kindName: z.string(), title: z.string(),
  receivedOn: isoDay, receivingUnit: unitRef, dueOn: isoDay.nullable(), dueOnLunar: z.string().nullable(), emailQueued: z.boolean(), attachments: z.int(),
});

export const trackBody = z.strictObject({ code: z.string().trim().min(1).max(40), secret: z.string().trim().min(1).max(40) });
export const rateBody = trackBody.extend({ score: z.int().min(1).max(5), comment: text(2000).optional() }).strict();

export const trackView = z.object({
  trackingCode: z.string(), caseNumber: z.string(), kind: z.enum(KINDS), kindName: z.string(), fieldName: z.string(), title: z.string(),
  receivedOn: isoDay, state: z.enum(STATES), stateText: z.string(), stateHelp: z.string(),
  dueOn: isoDay.nullable(), dueOnLunar: z.string().nullable(), daysLeft: z.int().nullable(), overdue: z.boolean(),
  responsibleUnit: unitRef,
  steps: z.array(z.object({ on: isoDay, text: z.string(), reason: z.string().nullable() })),
  answer: z.object({ text: z.string(), on: isoDay }).nullable(),
  canRate: z.boolean(),
  rating: z.object({ score: z.int(), comment: z.string().nullable(), on: isoDay }).nullable(),
});

export const answersQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  field: z.string().trim().max(40).optional(),
  unit: unitCode.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

export const answerList = z.object({
  items: z.array(z.object({
    id: z.string(), title: z.string(), kind: z.enum(KINDS), kindName: z.string(), fieldCode: z.string(), fieldName: z.string(),
    placeUnit: unitRef, responsibleUnit: unitRef, answer: z.string(), answeredOn: isoDay,
  })),
  total: z.int(),
});

export const satisfactionQuery = z.strictObject({ unit: unitCode, from: isoDay.optional(), to: isoDay.optional() });
export const satisfaction = z.object({
  unit: unitRef, count: z.int(), average: z.number().nullable(), distribution: z.array(z.int()).length(5),
  comments: z.array(z.object({ score: z.int(), comment: z.string(), on: isoDay, caseNumber: z.string() })),
});
