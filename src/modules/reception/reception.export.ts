// The reception register of a unit for a period as an .xlsx workbook (columns of the form of Thông tư 04/2021/TT-TTCP,
// Vietnamese headers, days as real dates shown dd/mm/yyyy); every export is audited.
import writeExcelFile, { type Cell, type Row } from 'write-excel-file/node';
import type { Actor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { ok, type AppContext, type Outcome } from '../../platform/http.ts';
import { listVisits } from './reception.register.ts';
import { REFUSAL_TEXT, type RefusalGround } from './reception.rules.ts';
import { audit } from './reception.common.ts';
import type { VisitRow } from './reception.tables.ts';

const KIND_NAMES: Record<string, string> = { kien_nghi: 'Kiến nghị', phan_anh: 'Phản ánh', khieu_nai: 'Khiếu nại', to_cao: 'Tố cáo' };
const TYPE_NAMES: Record<string, string> = { regular: 'Thường xuyên', periodic: 'Định kỳ', adhoc: 'Đột xuất' };
const HANDLING_NAMES: Record<string, string> = {
  guided: 'Hướng dẫn', transferred: 'Chuyển đơn', accepted: 'Tiếp nhận đơn', answered: 'Trả lời trực tiếp', refused: 'Từ chối tiếp',
};

export const REGISTER_HEADERS = [
  'STT', 'Ngày tiếp', 'Hình thức tiếp', 'Người tiếp', 'Lãnh đạo tiếp', 'Họ và tên', 'Địa chỉ', 'Số CCCD/CMND', 'Điện thoại',
  'Số người', 'Người đại diện', 'Nội dung vụ việc', 'Phân loại', 'Tài liệu nhận', 'Hướng xử lý', 'Kết quả', 'Ghi chú', 'Số vụ việc',
] as const;
const WIDTHS = [6, 12, 13, 22, 22, 24, 30, 15, 13, 9, 26, 50, 12, 24, 16, 30, 30, 12];

const dayDate = (day: string) => new Date(Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)));
const dmy = (day: string) => day.split('-').reverse().join('/');
const text = (value: string | null | undefined): Cell => (value ? { value, wrap: true, alignVertical: 'top' } : null);

function row(v: VisitRow): Row {
  const refusal = v.refusalGround
    ? `Từ chối tiếp — ${REFUSAL_TEXT[v.refusalGround as RefusalGround]}. ${v.refusalReason ?? ''}${v.refusalNotice ? ` Thông báo số ${v.refusalNotice}.` : ''}`.trim()
    : null;
  return [
    { value: v.number, type: Number, alignVertical: 'top' },
    { value: dayDate(v.visitOn), type: Date, format: 'dd/mm/yyyy', alignVertical: 'top' },
    text(TYPE_NAMES[v.receptionType] ?? v.receptionType),
    text(v.officialName),
    text(v.leaderName),
    text(v.citizenName),
    text(v.citizenAddress),
    // Identity numbers as text: Excel would drop a leading zero from a number.
    v.citizenIdNumber ? { value: v.citizenIdNumber, format: '@', alignVertical: 'top' } : null,
    v.citizenPhone ? { value: v.citizenPhone, format: '@', alignVertical: 'top' } : null,
    { value: v.headCount, type: Number, alignVertical: 'top' },
    text(v.representatives.map((r) => r.name).join('; ') || null),
    text(v.content),
    text(v.classification ? KIND_NAMES[v.classification] : null),
    text(v.documents),
    text(v.handling ? HANDLING_NAMES[v.handling] : null),
    text(v.result),
    text([refusal, v.notes].filter(Boolean).join('\n') || null),
    text(v.caseNumber),
  ];
}

/** The workbook bytes and a file name; the export is written to the audit log. */
export async function exportRegister(ctx: AppContext, actor: Actor, unitCode: string, from: string, to: string, ip?: string): Promise<Outcome<{ file: Buffer; name: string }>> {
  const visits = await listVisits(ctx, actor, unitCode, from, to);
  if (!visits.ok) return visits;
  const { unit, rows } = visits.value;
  const bold = (value: string): Cell => ({ value, fontWeight: 'bold', wrap: true, alignVertical: 'center', align: 'center', backgroundColor: '#F2F2F2', borderStyle: 'thin', borderColor: '#999999' });
  const data: Row[] = [
    [{ value: 'SỔ TIẾP CÔNG DÂN', fontWeight: 'bold', fontSize: 14 }],
    [{ value: `${unit.name} — từ ngày ${dmy(from)} đến ngày ${dmy(to)}` }],
    [null],
    REGISTER_HEADERS.map(bold),
    ...rows.map(row),
  ];
  const file = await writeExcelFile(data, {
    sheet: 'Sổ tiếp công dân',
    columns: WIDTHS.map((width) => ({ width })),
    orientation: 'landscape',
    stickyRowsCount: 4,
  }, { fontFamily: 'Times New Roman', fontSize: 12 }).toBuffer();
  await recordAudit(ctx.database.db, audit(actor, { unitCode: unit.code, unitPath: unit.path }, 'reception.register.exported', 'unit', unit.code, ip, { from, to, rows: rows.length }));
  return ok({ file: Buffer.from(file), name: `so-tiep-cong-dan-${unit.code}-${from}-${to}.xlsx` });
}
