// The report's summary sentences in the field's phrasing, ready for the document's body: what was done in the period,
// compared with the period before ("tăng 12 hội nghị so với kỳ trước").
import { CHANNEL_NAMES, KIND_NAMES } from '../cases/index.ts';
import { vnDay } from './reports.period.ts';
import type { Report } from './reports.types.ts';

const num = (n: number) => n.toLocaleString('vi-VN');
const pct = (n: number) => n.toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** ", tăng 12 hội nghị so với kỳ trước" / ", giảm 3 vụ việc so với kỳ trước" / ", bằng kỳ trước"; nothing when the unit was not in force before. */
export function compared(current: number, prior: number, noun: string, priorInForce: boolean): string {
  if (!priorInForce) return '';
  const d = current - prior;
  if (d > 0) return `, tăng ${num(d)} ${noun} so với kỳ trước`;
  if (d < 0) return `, giảm ${num(-d)} ${noun} so với kỳ trước`;
  return ', bằng kỳ trước';
}

/** "3 nghiên cứu văn bản, 2 đoàn giám sát": the non-zero parts, largest first. */
function parts(counts: Record<string, number>, names: Record<string, string>): string {
  return Object.entries(counts).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${num(n)} ${names[k] ?? k}`).join(', ');
}

const VISIT_FORMS: Record<string, string> = {
  nghien_cuu_van_ban: 'qua nghiên cứu văn bản', doan_giam_sat: 'qua đoàn giám sát', ban_ttnd: 'qua Ban Thanh tra nhân dân',
  ban_gsdtccd: 'qua Ban Giám sát đầu tư của cộng đồng', lay_y_kien: 'qua lấy ý kiến',
};
const SESSION_FORMS: Record<string, string> = { hoi_nghi: 'hội nghị', van_ban: 'bằng văn bản', doi_thoai: 'đối thoại' };

export function highlights(r: Report, o: { priorInForce: boolean }): string[] {
  const cur = r.current;
  const pri = r.prior;
  const out: string[] = [];
  const cmp = (a: number, b: number, noun: string) => compared(a, b, noun, o.priorInForce);
  if (r.coverage) {
    out.push(`Số liệu tính từ ngày ${vnDay(r.coverage.from)} đến ngày ${vnDay(r.coverage.to)}, thời gian ${r.unit.name} có hiệu lực trong kỳ.`);
  }
  if (r.empty) {
    out.push(`Trong ${r.period.label}, ${r.unit.name} chưa ghi nhận hội nghị tiếp xúc, đối thoại, cuộc giám sát, phản biện xã hội hay vụ việc nào.`);
    return out;
  }

  const c = cur.conferences;
  out.push(c.held
    ? `Tổ chức ${num(c.held)} hội nghị tiếp xúc, đối thoại với Nhân dân, trong đó ${num(c.periodic)} định kỳ, ${num(c.adHoc)} đột xuất, với ${num(c.attendance)} lượt người dự${cmp(c.held, pri.conferences.held, 'hội nghị')}.`
    : `Chưa tổ chức hội nghị tiếp xúc, đối thoại nào${cmp(0, pri.conferences.held, 'hội nghị')}.`);
  if (c.notHeld) out.push(`${num(c.notHeld)} hội nghị đã lên kế hoạch nhưng không tổ chức.`);
  for (const row of c.byLevel) if (row.unitsTotal > 0) out.push(`${row.sentence}.`);
  const rec = c.recommendations;
  if (rec.raised) {
    out.push(`Tại các hội nghị, Nhân dân nêu ${num(rec.raised)} ý kiến, kiến nghị: ${num(rec.answeredOnSpot)} được trả lời ngay tại hội nghị, ${num(rec.resolved)} đã được giải quyết, ${num(rec.inProgress)} đang giải quyết${rec.overdue ? ` (${num(rec.overdue)} quá hạn)` : ''}.`);
  }

  const s = cur.supervision;
  if (s.visits) {
    out.push(`Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tổ chức ${num(s.visits)} cuộc giám sát (${parts(s.byForm, VISIT_FORMS)})${cmp(s.visits, pri.supervision.visits, 'cuộc')}.`);
  } else {
    out.push(`Chưa tổ chức cuộc giám sát nào${cmp(0, pri.supervision.visits, 'cuộc')}.`);
  }
  if (s.recommendations.raised) {
    out.push(`Qua giám sát đưa ra ${num(s.recommendations.raised)} kiến nghị; ${num(s.recommendations.answered)} kiến nghị đã được trả lời, ${num(s.recommendations.resolved)} đã được giải quyết.`);
  }
  const k = s.critique;
  if (k.drafts || k.sessions) {
    out.push(`Phản biện xã hội ${num(k.drafts)} dự thảo với ${num(k.sessions)} buổi phản biện${k.sessions ? ` (${parts(k.byForm, SESSION_FORMS)})` : ''}; ${num(k.opinions)} ý kiến phản biện, ${num(k.responded)} ý kiến đã được cơ quan soạn thảo tiếp thu, giải trình (${num(k.accepted)} ý kiến được tiếp thu).`);
  }

  const v = cur.cases;
  if (v.received) {
    const rate = v.resolutionRate === null ? 'chưa có vụ việc nào được thụ lý' : `đạt ${pct(v.resolutionRate)}% số đã thụ lý`;
    out.push(`Tiếp nhận ${num(v.received)} vụ việc (${parts(v.byKind, KIND_NAMES)})${cmp(v.received, pri.cases.received, 'vụ việc')}; đã thụ lý ${num(v.accepted)}, giải quyết ${num(v.resolved)} (${rate}), trong đó ${num(v.resolvedOnTime)} đúng hạn; ${num(v.overdue)} vụ việc quá hạn.`);
    const channels = Object.entries(v.byChannel).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1])
      .map(([ch, n]) => `${CHANNEL_NAMES[ch as keyof typeof CHANNEL_NAMES] ?? ch} ${num(n)}`);
    out.push(`Theo kênh tiếp nhận: ${channels.join(', ')}.`);
    if (v.mass || v.overLevel) out.push(`Có ${num(v.mass)} vụ việc đông người, ${num(v.overLevel)} vụ việc vượt cấp.`);
  } else {
    out.push(`Chưa tiếp nhận vụ việc nào${cmp(0, pri.cases.received, 'vụ việc')}.`);
  }
  if (cur.topFields.length) {
    out.push(`Các lĩnh vực được phản ánh, kiến nghị nhiều nhất: ${cur.topFields.map((f) => `${f.name} (${num(f.count)})`).join(', ')}.`);
  }
  return out;
}
