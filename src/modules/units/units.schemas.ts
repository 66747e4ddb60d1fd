// Request and response schemas of the public units API.
import { z } from 'zod';
import { isoDay, text } from '../../platform/schemas.ts';

export const UNIT_TYPES = ['quoc_gia', 'thanh_pho_tw', 'tinh', 'phuong', 'xa', 'dac_khu', 'quan', 'huyen', 'thi_xa', 'thanh_pho_thuoc_tinh', 'thanh_pho_thuoc_tp_tw', 'thi_tran'] as const;

export const unitRef = z.object({ code: z.string(), name: z.string() });

export const unit = z.object({
  code: z.string().meta({ example: '00004' }),
  name: z.string().meta({ example: 'Phường Ba Đình' }),
  shortName: z.string(),
  type: z.enum(UNIT_TYPES),
  level: z.enum(['central', 'province', 'district', 'commune']),
  parentCode: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  remoteArea: z.boolean().meta({ description: 'Vùng sâu, vùng xa: thời hạn giải quyết khiếu nại dài hơn (Luật Khiếu nại 2011, Điều 28, 37).' }),
  ancestors: z.array(unitRef).meta({ description: 'Units above this one, root first, as they stood at the date asked for.' }),
}).meta({ id: 'Unit' });

export const codeParams = z.strictObject({ code: z.string().min(1).max(16).regex(/^[A-Za-z0-9]+$/) });
export const dateQuery = z.strictObject({
  date: isoDay.optional().meta({ description: 'The day to look at (default: today in Vietnam).' }),
});
export const searchQuery = z.strictObject({
  q: text(100).meta({ description: 'Name or code; diacritics and case are ignored ("ha noi" finds Hà Nội).' }),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  date: isoDay.optional(),
});
export const unitList = z.object({ items: z.array(unit) });

export const remoteBody = z.strictObject({ remoteArea: z.boolean() });
