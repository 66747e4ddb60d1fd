// Request and response schemas of the import API.
import { z } from 'zod';
import { id, problem } from '../../platform/schemas.ts';
import { TEMPLATE_NAMES } from './imports.templates.ts';
import { ROW_ISSUES } from './imports.issues.ts';

export const templateParams = z.strictObject({ name: z.enum(TEMPLATE_NAMES).meta({ description: 'mau-nhap-du-lieu.xlsx (ba trang, hướng dẫn, danh mục) hoặc một tệp CSV cho mỗi trang.' }) });
export const idParams = z.strictObject({ id });
export const listQuery = z.strictObject({
  unit: z.string().trim().min(1).max(16).transform((s) => s.toUpperCase()).optional().meta({ description: 'Chỉ các lần nhập vào đơn vị này và các đơn vị trực thuộc.' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const counts = z.object({ conferences: z.int(), recommendations: z.int(), visits: z.int(), supervisionRecommendations: z.int() });

export const issue = z.object({
  sheet: z.string().meta({ description: 'Trang: Hội nghị, Kiến nghị hoặc Giám sát.' }),
  row: z.int().meta({ description: 'Số dòng như bảng tính hiển thị (dòng tiêu đề là dòng 1).' }),
  column: z.string().nullable(),
  code: z.enum(Object.keys(ROW_ISSUES) as [keyof typeof ROW_ISSUES, ...(keyof typeof ROW_ISSUES)[]]),
  message: z.string(),
  value: z.string().nullable(),
}).meta({ id: 'ImportIssue' });

export const report = z.object({
  dryRun: z.boolean(),
  ok: z.boolean().meta({ description: 'Không có dòng nào bị từ chối: tệp được (hoặc sẽ được) nhập toàn bộ.' }),
  unit: z.object({ code: z.string(), name: z.string() }),
  file: z.object({ name: z.string(), kind: z.enum(['xlsx', 'csv']), size: z.int(), checksum: z.string() }),
  sheets: z.array(z.object({ key: z.enum(['conferences', 'recommendations', 'visits']), sheet: z.string(), rows: z.int(), rejected: z.int() })),
  counts,
  issues: z.array(issue).meta({ description: 'Các ô bị từ chối (tối đa 1.000 mục).' }),
  issueCount: z.int(),
  batchId: z.string().nullable(),
}).meta({ id: 'ImportReport' });

/** A refused import: the problem, with the report of the rejected rows. */
export const rejected = problem.extend({ report }).meta({ id: 'ImportRejected' });

export const batch = z.object({
  id: z.string(),
  unit: z.object({ code: z.string(), name: z.string() }),
  kind: z.enum(['xlsx', 'csv']),
  filename: z.string(),
  checksum: z.string(),
  size: z.int(),
  counts,
  importedBy: z.string(),
  importedAt: z.string(),
  undoneAt: z.string().nullable(),
  undoneBy: z.string().nullable(),
  abilities: z.object({ undo: z.boolean() }),
}).meta({ id: 'ImportBatch' });

export const batchList = z.object({ items: z.array(batch), total: z.int(), limit: z.int(), offset: z.int() });
