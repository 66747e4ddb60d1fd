// The three sheets of the import templates and their columns: one description read by the templates, the reader, the
// checks and the documentation, so that what a unit downloads is exactly what the import accepts.
import { foldKey } from '../../platform/text.ts';

export type SheetKey = 'conferences' | 'recommendations' | 'visits';
export const SHEET_KEYS: SheetKey[] = ['conferences', 'recommendations', 'visits'];

export type ColumnKind = 'ref' | 'unit' | 'text' | 'date' | 'int' | 'choice' | 'field';

export interface Choice { code: string; name: string; aliases?: string[] }

export interface ColumnDef {
  key: string;
  /** The header as the template writes it; matched without diacritics, case, a trailing "*" or a note in brackets. */
  header: string;
  kind: ColumnKind;
  required: boolean;
  max?: number;
  min?: number;
  width: number;
  /** One line for the instructions sheet, the cell hint and docs/import.md. */
  note: string;
  example: string;
  choices?: Choice[];
}

export interface SheetDef { key: SheetKey; name: string; csv: string; columns: ColumnDef[] }

export const CONFERENCE_TYPES: Choice[] = [
  { code: 'dinh_ky', name: 'Định kỳ' },
  { code: 'dot_xuat', name: 'Đột xuất' },
];
export const CONFERENCE_FORMS: Choice[] = [
  { code: 'tiep_xuc', name: 'Tiếp xúc', aliases: ['Hội nghị tiếp xúc'] },
  { code: 'doi_thoai', name: 'Đối thoại', aliases: ['Hội nghị đối thoại'] },
];
export const CONFERENCE_STATUSES: Choice[] = [
  { code: 'held', name: 'Đã tổ chức' },
  { code: 'not_held', name: 'Không tổ chức', aliases: ['Không tổ chức được', 'Chưa tổ chức'] },
];
export const RECOMMENDATION_STATUSES: Choice[] = [
  { code: 'answered', name: 'Đã trả lời', aliases: ['Đã trả lời tại hội nghị'] },
  { code: 'resolved', name: 'Đã giải quyết' },
  { code: 'in_progress', name: 'Đang giải quyết' },
];

/** Sheets in the order of the workbook; the supervision forms are filled in from the supervision module. */
export function sheetDefs(supervisionForms: Choice[]): SheetDef[] {
  return [
    {
      key: 'conferences', name: 'Hội nghị', csv: 'hoi-nghi.csv',
      columns: [
        { key: 'ref', header: 'Mã hội nghị', kind: 'ref', required: true, max: 50, width: 16, note: 'Mã riêng của đơn vị để nhận ra hội nghị, không trùng trong tệp và với các lần nhập trước (ví dụ HN-2024-01). Trang Kiến nghị dùng mã này.', example: 'HN-2024-01' },
        { key: 'unit', header: 'Mã đơn vị hành chính', kind: 'unit', required: true, width: 14, note: 'Mã của đơn vị tổ chức hội nghị theo danh mục còn hiệu lực vào ngày hội nghị: trước 01/07/2025 dùng mã cũ (tỉnh, huyện, xã), từ 01/07/2025 dùng mã mới. Giữ số 0 đứng đầu (ô dạng văn bản).', example: '19753' },
        { key: 'organiser', header: 'Tên cơ quan tổ chức', kind: 'text', required: true, max: 300, width: 30, note: 'Cơ quan, tổ chức đứng ra tổ chức hội nghị.', example: 'Ủy ban nhân dân phường Phú Xuân' },
        { key: 'date', header: 'Ngày', kind: 'date', required: true, width: 12, note: 'Ngày tổ chức (hoặc ngày dự kiến, nếu không tổ chức), dạng dd/mm/yyyy; không được là ngày trong tương lai.', example: '15/03/2024' },
        { key: 'type', header: 'Loại', kind: 'choice', required: true, width: 11, note: 'Định kỳ hoặc Đột xuất.', example: 'Định kỳ', choices: CONFERENCE_TYPES },
        { key: 'form', header: 'Hình thức', kind: 'choice', required: true, width: 11, note: 'Tiếp xúc hoặc Đối thoại.', example: 'Đối thoại', choices: CONFERENCE_FORMS },
        { key: 'topic', header: 'Chủ đề', kind: 'text', required: true, max: 500, width: 36, note: 'Chủ đề, nội dung chính của hội nghị.', example: 'Đối thoại với Nhân dân về chỉnh trang đô thị' },
        { key: 'place', header: 'Địa điểm', kind: 'text', required: true, max: 300, width: 26, note: 'Nơi tổ chức (hoặc dự kiến tổ chức).', example: 'Hội trường Ủy ban nhân dân phường' },
        { key: 'chairs', header: 'Người chủ trì', kind: 'text', required: false, max: 500, width: 30, note: 'Họ tên và chức vụ, mỗi người cách nhau dấu chấm phẩy (;), ví dụ "Nguyễn Văn A, Bí thư Đảng ủy; Trần Thị B, Chủ tịch UBND".', example: 'Nguyễn Văn A, Bí thư Đảng ủy phường; Trần Thị B, Chủ tịch UBND phường' },
        { key: 'attendance', header: 'Số người dự', kind: 'int', required: false, min: 0, max: 100000, width: 10, note: 'Số người dự, một số nguyên; để trống nếu không tổ chức.', example: '120' },
        { key: 'status', header: 'Tình trạng', kind: 'choice', required: true, width: 14, note: 'Đã tổ chức hoặc Không tổ chức.', example: 'Đã tổ chức', choices: CONFERENCE_STATUSES },
        { key: 'reason', header: 'Lý do không tổ chức', kind: 'text', required: false, max: 1000, width: 30, note: 'Bắt buộc khi Tình trạng là Không tổ chức; để trống khi đã tổ chức.', example: '' },
      ],
    },
    {
      key: 'recommendations', name: 'Kiến nghị', csv: 'kien-nghi.csv',
      columns: [
        { key: 'ref', header: 'Mã hội nghị', kind: 'ref', required: true, max: 50, width: 16, note: 'Mã của hội nghị nêu kiến nghị: một dòng của trang Hội nghị trong cùng tệp, hoặc hội nghị đơn vị đã nhập ở lần trước.', example: 'HN-2024-01' },
        { key: 'raisedBy', header: 'Nhóm kiến nghị', kind: 'text', required: true, max: 200, width: 24, note: 'Nhóm, tập thể nêu kiến nghị (ví dụ "Cử tri tổ dân phố 3", "Hội Nông dân xã"); không ghi tên cá nhân.', example: 'Cử tri tổ dân phố 3' },
        { key: 'field', header: 'Lĩnh vực', kind: 'field', required: true, width: 22, note: 'Tên hoặc mã lĩnh vực trong danh mục (trang Danh mục); có dấu hay không dấu đều được.', example: 'Đất đai' },
        { key: 'content', header: 'Nội dung', kind: 'text', required: true, max: 4000, width: 50, note: 'Nội dung kiến nghị.', example: 'Đề nghị sửa chữa tuyến đường kiệt 12 bị xuống cấp' },
        { key: 'answer', header: 'Trả lời tại hội nghị', kind: 'text', required: false, max: 4000, width: 40, note: 'Nội dung đã trả lời tại hội nghị; bắt buộc khi Tình trạng là Đã trả lời.', example: 'Phường đưa vào kế hoạch sửa chữa quý II' },
        { key: 'status', header: 'Tình trạng', kind: 'choice', required: true, width: 16, note: 'Đã trả lời (trả lời xong tại hội nghị), Đã giải quyết hoặc Đang giải quyết.', example: 'Đã giải quyết', choices: RECOMMENDATION_STATUSES },
        { key: 'resolvedOn', header: 'Ngày giải quyết', kind: 'date', required: false, width: 14, note: 'Bắt buộc khi Tình trạng là Đã giải quyết (dd/mm/yyyy, không trước ngày hội nghị, không trong tương lai); để trống trong các trường hợp khác.', example: '20/06/2024' },
      ],
    },
    {
      key: 'visits', name: 'Giám sát', csv: 'giam-sat.csv',
      columns: [
        { key: 'unit', header: 'Mã đơn vị hành chính', kind: 'unit', required: true, width: 14, note: 'Mã của đơn vị nơi tổ chức giám sát theo danh mục còn hiệu lực vào ngày bắt đầu (mã cũ trước 01/07/2025, mã mới từ ngày đó).', example: '46' },
        { key: 'supervisor', header: 'Tổ chức giám sát', kind: 'text', required: true, max: 300, width: 30, note: 'Ủy ban MTTQ hoặc tổ chức chính trị - xã hội thực hiện giám sát.', example: 'Ủy ban MTTQ Việt Nam phường Phú Xuân' },
        { key: 'subject', header: 'Đối tượng giám sát', kind: 'text', required: true, max: 300, width: 30, note: 'Cơ quan, tổ chức, cá nhân có trách nhiệm được giám sát.', example: 'Ủy ban nhân dân phường Phú Xuân' },
        { key: 'form', header: 'Hình thức', kind: 'choice', required: true, width: 24, note: `Một trong: ${supervisionForms.map((f) => f.name).join('; ')}.`, example: supervisionForms[1]?.name ?? '', choices: supervisionForms },
        { key: 'topic', header: 'Nội dung', kind: 'text', required: true, max: 500, width: 40, note: 'Nội dung giám sát.', example: 'Giám sát việc giải quyết kiến nghị của cử tri về đất đai' },
        { key: 'startedOn', header: 'Ngày bắt đầu', kind: 'date', required: true, width: 13, note: 'dd/mm/yyyy, không trong tương lai.', example: '02/04/2024' },
        { key: 'endedOn', header: 'Ngày kết thúc', kind: 'date', required: false, width: 13, note: 'dd/mm/yyyy, không trước ngày bắt đầu; để trống nếu giám sát trong một ngày.', example: '30/04/2024' },
        { key: 'findings', header: 'Kết quả, phát hiện', kind: 'text', required: false, max: 4000, width: 44, note: 'Kết quả giám sát, những điều phát hiện và các kiến nghị (nội dung chi tiết).', example: 'Phát hiện 3 hồ sơ chậm giải quyết' },
        { key: 'recommendations', header: 'Số kiến nghị', kind: 'int', required: false, min: 0, max: 1000, width: 10, note: 'Số kiến nghị sau giám sát (số nguyên, để trống là 0).', example: '3' },
        { key: 'resolved', header: 'Số kiến nghị đã được giải quyết', kind: 'int', required: false, min: 0, max: 1000, width: 14, note: 'Không lớn hơn Số kiến nghị (để trống là 0).', example: '2' },
      ],
    },
  ];
}

/** The key a header or a value is matched on: no diacritics, lower case, without "*" or a note in brackets. */
export function headerKey(s: string): string {
  return foldKey(s.replace(/\([^)]*\)/g, ' ').replace(/\*/g, ' '));
}

/** Finds a choice by its name, an alias or its code, with or without diacritics. */
export function matchChoice(choices: Choice[], value: string): Choice | undefined {
  const key = foldKey(value);
  return choices.find((c) => c.code === key || foldKey(c.name) === key || (c.aliases ?? []).some((a) => foldKey(a) === key));
}
