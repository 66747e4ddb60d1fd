// The reasons a row of an import file is rejected: stable codes with their Vietnamese and English messages.
// Placeholders {x} are filled from the issue's vars. The whole file is refused when any row has one.
import type { Lang } from '../../platform/errors.ts';

export const ROW_ISSUES = {
  missing_column: { vi: 'Thiếu cột "{column}" ở dòng tiêu đề.', en: 'Column "{column}" is missing from the header row.' },
  required: { vi: 'Ô "{column}" không được để trống.', en: '"{column}" must not be empty.' },
  too_long: { vi: 'Ô "{column}" dài quá {max} ký tự.', en: '"{column}" is longer than {max} characters.' },
  markup: { vi: 'Ô "{column}" chứa thẻ HTML hay mã lệnh; hãy ghi văn bản thường.', en: '"{column}" holds HTML tags or script; write plain text.' },
  date_invalid: { vi: 'Ngày "{value}" không hợp lệ: cần một ngày có thật, ghi dạng dd/mm/yyyy.', en: 'Date "{value}" is not valid: a real day written dd/mm/yyyy is expected.' },
  date_future: { vi: 'Ngày {value} ở tương lai; chỉ nhập những việc đã diễn ra.', en: 'Date {value} is in the future; import only what has happened.' },
  date_too_old: { vi: 'Ngày {value} trước ngày {min}; không nhận dữ liệu cũ hơn.', en: 'Date {value} is before {min}; older records are not accepted.' },
  number_invalid: { vi: 'Ô "{column}" cần một số nguyên từ {min} đến {max}, không phải "{value}".', en: '"{column}" needs a whole number from {min} to {max}, not "{value}".' },
  value_unknown: { vi: 'Giá trị "{value}" không có trong danh sách của cột "{column}": {allowed}.', en: '"{value}" is not one of the values of "{column}": {allowed}.' },
  unit_unknown: { vi: 'Không có đơn vị hành chính mã "{value}".{hint}', en: 'No administrative unit has code "{value}".{hint}' },
  unit_not_in_force: { vi: 'Mã "{value}" ({name}) không có hiệu lực vào ngày {date}: mã này dùng {validity}. Hãy ghi mã của đơn vị theo danh mục còn hiệu lực vào ngày đó.', en: 'Code "{value}" ({name}) is not in force on {date}: it is valid {validity}. Use the code of the unit in force on that day.' },
  unit_outside: { vi: 'Đơn vị "{value}" ({name}) không thuộc phạm vi {scope} đang nhập dữ liệu.', en: 'Unit "{value}" ({name}) is not within {scope}, the unit being imported into.' },
  field_unknown: { vi: 'Lĩnh vực "{value}" không có trong danh mục lĩnh vực (xem trang Danh mục của tệp mẫu).', en: 'Field "{value}" is not in the list of fields (see the template\'s list sheet).' },
  ref_duplicate: { vi: 'Mã hội nghị "{value}" trùng với dòng {other}.', en: 'Conference code "{value}" repeats row {other}.' },
  ref_imported: { vi: 'Mã hội nghị "{value}" đã được nhập ở một lần trước; không nhập lại một hội nghị.', en: 'Conference code "{value}" was imported before; a conference is not imported twice.' },
  conference_unknown: { vi: 'Không có hội nghị mã "{value}" trong trang Hội nghị của tệp này hay trong các lần nhập trước của đơn vị.', en: 'No conference "{value}" in this file\'s conference sheet or in the unit\'s earlier imports.' },
  conference_not_held: { vi: 'Hội nghị "{value}" được ghi là không tổ chức nên không có kiến nghị.', en: 'Conference "{value}" is recorded as not held, so it has no recommendations.' },
  reason_required: { vi: 'Hội nghị không tổ chức cần ghi lý do không tổ chức.', en: 'A conference that did not take place needs the reason.' },
  not_applicable: { vi: 'Ô "{column}" chỉ ghi khi {when}; hãy để trống.', en: '"{column}" is filled only when {when}; leave it empty.' },
  answer_required: { vi: 'Kiến nghị "Đã trả lời" cần nội dung trả lời tại hội nghị.', en: 'A recommendation answered on the spot needs the answer.' },
  resolved_on_required: { vi: 'Kiến nghị "Đã giải quyết" cần ngày giải quyết.', en: 'A resolved recommendation needs its resolution date.' },
  resolved_before_conference: { vi: 'Ngày giải quyết {value} trước ngày hội nghị {date}.', en: 'Resolution date {value} is before the conference date {date}.' },
  end_before_start: { vi: 'Ngày kết thúc {value} trước ngày bắt đầu {date}.', en: 'End date {value} is before the start date {date}.' },
  resolved_exceeds: { vi: 'Số kiến nghị đã được giải quyết ({value}) lớn hơn số kiến nghị ({max}).', en: 'Resolved recommendations ({value}) exceed recommendations ({max}).' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type IssueCode = keyof typeof ROW_ISSUES;

export interface Issue {
  sheet: string;
  /** The row as the spreadsheet shows it (the header is row 1). */
  row: number;
  column: string | null;
  code: IssueCode;
  message: string;
  value: string | null;
}

export function issueMessage(code: IssueCode, lang: Lang, vars: Record<string, string | number>): string {
  return ROW_ISSUES[code][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
